/**
 * Money with its unit, one way everywhere (charts, the app's tables, the command line, the report):
 * totals in millions of the scenario's currency ("USD 4,804 m"), costs per unit of material as they
 * are ("USD/t Ga"), and headers that name the unit. A bare 4,804,270,618 reads as noise.
 */

const DASH = '–';
const MILLION = 1e6;

/** Decimals that keep about three significant digits of an amount in millions, and none from 100 m up. */
function millionDigits(m: number): number {
  const a = Math.abs(m);
  if (a >= 100 || a === 0) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  return 3;
}

const grouped = (x: number, digits: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** An amount as millions, without the unit: 4804270618 -> "4,804", 52_500_000 -> "52.5"; a dash for null or NaN. */
export function millions(x: number | null | undefined, digits?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  const m = x / MILLION;
  return grouped(m, digits ?? millionDigits(m));
}

/** A total with its currency: "USD 4,804 m". */
export function moneyTotal(x: number | null | undefined, currency: string): string {
  const m = millions(x);
  return m === DASH ? DASH : `${currency} ${m} m`;
}

/** A cost per unit of material, whole currency units: "USD 2,203,118 per t Ga". */
export function moneyPerUnit(x: number | null | undefined, currency: string, unit: string): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return `${currency} ${grouped(x, 0)} per ${unit}`;
}

/** The unit of a column of totals: "USD m". */
export const totalUnit = (currency: string): string => `${currency} m`;

/** The unit of a column of costs per unit of material: "USD/t Ga". */
export const perUnitUnit = (currency: string, unit: string): string => `${currency}/${unit}`;

/** A cost per unit as a bare whole number for a column whose header names the unit: "2,203,118". */
export function perUnitNumber(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? DASH : grouped(x, 0);
}
