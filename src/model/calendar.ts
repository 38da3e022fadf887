/**
 * Calendar months ("YYYY-MM") against a scenario's month 0, and the reported periods of an observed
 * series ("YYYY-MM", "YYYY-Qn", "YYYY", "YYYY-MM/YYYY-MM") as spans of months.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month as a count of months since January of year 0, so that differences are month counts. */
export function monthNumber(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`expected a month "YYYY-MM", got ${JSON.stringify(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Months from `from` to `to` ("2023-01" to "2023-08" is 7). */
export const monthsBetween = (from: string, to: string): number => monthNumber(to) - monthNumber(from);

/** The month `offset` months after `monthZero` ("YYYY-MM"; the offset may be negative). */
export function monthAt(monthZero: string, offset: number): string {
  if (!Number.isInteger(offset)) throw new RangeError(`a month offset is a whole number, got ${offset}`);
  const n = monthNumber(monthZero) + offset;
  const year = Math.floor(n / 12);
  return `${String(year).padStart(4, '0')}-${String(n - year * 12 + 1).padStart(2, '0')}`;
}

/** A month as a reader writes it: "2023-08" -> "Aug 2023". */
export function shortMonth(month: string): string {
  const n = monthNumber(month);
  return `${MONTH_NAMES[n % 12]} ${Math.floor(n / 12)}`;
}

/** The first and last month (inclusive) a reported period covers. */
export function periodSpan(period: string): { from: string; to: string } {
  const span = /^(\d{4}-\d{2})\/(\d{4}-\d{2})$/.exec(period);
  if (span) {
    if (monthNumber(span[2]) < monthNumber(span[1])) throw new RangeError(`the period ${JSON.stringify(period)} ends before it starts`);
    return { from: span[1], to: span[2] };
  }
  if (MONTH.test(period)) return { from: period, to: period };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { from: `${quarter[1]}-${String(first).padStart(2, '0')}`, to: `${quarter[1]}-${String(first + 2).padStart(2, '0')}` };
  }
  if (/^\d{4}$/.test(period)) return { from: `${period}-01`, to: `${period}-12` };
  throw new RangeError(`expected a period "YYYY-MM", "YYYY-Qn", "YYYY" or "YYYY-MM/YYYY-MM", got ${JSON.stringify(period)}`);
}
