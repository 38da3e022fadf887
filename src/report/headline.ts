/**
 * The answer first: the few sentences a reader wants before any table, built from a run's result
 * and its scenario, for the app's headline panel and the top of report.html alike.
 *   1. the makers' country that loses the largest share of its demand, with the 95% interval;
 *   2. the strategy that avoids the most shortfall, what it leaves that country, and what it costs;
 *   3. the strategy that avoids shortfall most cheaply per unit.
 * Every number is a figure segment carrying the exact value it shows, so that the page and the tests
 * can check it against the result.
 */
import type { RunResult, StrategyResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { countryLabel } from '../charts/country-names.ts';
import { formatUnits } from '../charts/format.ts';
import { moneyPerUnit, moneyTotal } from '../charts/money.ts';
import { countryShortfall, worstCountry, type CountryShortfall } from '../stats/country-shortfall.ts';

/** A number in a sentence: its text, and the exact value and name it stands for. */
export interface HeadlineFigure {
  /** what the number is, e.g. "worst.mean" (data-figure in the page) */
  figure: string;
  value: number;
  text: string;
}

export type HeadlineSegment = string | HeadlineFigure;

export interface HeadlineLine {
  id: 'worst-country' | 'best-strategy' | 'cheapest-strategy';
  segments: HeadlineSegment[];
  /** the id of the element (chart figure or table) that shows it, the same in the app and the report */
  target: string;
  /** the link's text */
  targetLabel: string;
}

/** The element ids the lines link to. */
export const HEADLINE_TARGETS = { makers: 'metrics-makers', comparison: 'chart-comparison' } as const;

/** The headline's sentences for a run of a scenario. */
export function headline(result: RunResult, scenario: Scenario): HeadlineLine[] {
  const baseline = result.strategies[0];
  if (!baseline) return [];
  const demand = makerDemand(scenario);
  const countriesOf = (s: StrategyResult) => countryShortfall(s.metrics.byMaker, (id) => demand.get(id));
  const worst = worstCountry(countriesOf(baseline));
  const over = horizonText(result);
  const lines: HeadlineLine[] = [worstLine(worst, over)];
  const others = result.strategies.slice(1).filter((s) => s.vsBaseline);
  if (others.length === 0) return lines;
  const best = others.reduce((a, b) => (b.vsBaseline!.shortfall.mean < a.vsBaseline!.shortfall.mean ? b : a));
  const years = (result.periods / result.periodsPerYear) || 1;
  const extraCost = (s: StrategyResult) => s.metrics.cost.mean - baseline.metrics.cost.mean;
  if (best.vsBaseline!.shortfall.mean >= 0) {
    lines.push({ id: 'best-strategy', segments: [`No strategy reduces the shortfall in these ${result.trials} trials.`], ...COMPARISON_LINK });
    return lines;
  }
  const inWorst = worst ? countriesOf(best).find((c) => c.country === worst.country) ?? null : null;
  lines.push(bestLine(result, best, worst, inWorst, extraCost(best), years));
  const cheap = others.filter((s) => s.vsBaseline!.costPerUnitAvoided !== null && s.vsBaseline!.shortfall.mean < 0);
  if (cheap.length > 0) {
    const cheapest = cheap.reduce((a, b) => (b.vsBaseline!.costPerUnitAvoided! < a.vsBaseline!.costPerUnitAvoided! ? b : a));
    lines.push(cheapestLine(result, cheapest, cheapest === best, extraCost(cheapest), years));
  }
  return lines;
}

/** A line as plain text. */
export const headlineText = (line: HeadlineLine): string => line.segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');

const COMPARISON_LINK = { target: HEADLINE_TARGETS.comparison, targetLabel: 'See the comparison chart' };

function worstLine(worst: CountryShortfall | null, over: string): HeadlineLine {
  const link = { target: HEADLINE_TARGETS.makers, targetLabel: "See each maker's shortfall" };
  if (!worst) return { id: 'worst-country', segments: [`No maker is short of supply in the baseline over ${over}.`], ...link };
  const pooled = worst.makers.length > 1 ? ` (${worst.makers.length} makers, weighted by demand)` : '';
  return {
    id: 'worst-country',
    segments: [
      `${countryLabel(worst.country)} makers${pooled} lose `,
      { figure: 'worst.mean', value: worst.mean, text: pct(worst.mean) },
      ' [',
      { figure: 'worst.lo', value: worst.ci95[0], text: num(worst.ci95[0], worst.mean) },
      ', ',
      { figure: 'worst.hi', value: worst.ci95[1], text: num(worst.ci95[1], worst.mean) },
      `] of their demand over ${over} in the baseline, the most of any country.`,
    ],
    ...link,
  };
}

function bestLine(result: RunResult, best: StrategyResult, worst: CountryShortfall | null, inWorst: CountryShortfall | null, extra: number, years: number): HeadlineLine {
  const vs = best.vsBaseline!;
  const baseShortfall = result.strategies[0].metrics.shortfall.mean;
  const segments: HeadlineSegment[] = [
    `“${best.name}” avoids the most shortfall: `,
    { figure: 'best.avoided', value: -vs.shortfall.mean, text: `${formatUnits(-vs.shortfall.mean)} ${result.unit}` },
    ' [',
    { figure: 'best.avoidedLo', value: -vs.shortfall.ci95[1], text: formatUnits(-vs.shortfall.ci95[1]) },
    ', ',
    { figure: 'best.avoidedHi', value: -vs.shortfall.ci95[0], text: formatUnits(-vs.shortfall.ci95[0]) },
    '] a trial',
  ];
  if (baseShortfall > 0) segments.push(`, ${Math.round((-100 * vs.shortfall.mean) / baseShortfall)}% of the baseline's`);
  if (worst && inWorst) {
    segments.push(
      `; it ${inWorst.mean < worst.mean ? 'cuts' : 'leaves'} the loss of ${worst.country} makers ${inWorst.mean < worst.mean ? 'to' : 'at'} `,
      { figure: 'best.worstCountryMean', value: inWorst.mean, text: pct(inWorst.mean) },
      ' [',
      { figure: 'best.worstCountryLo', value: inWorst.ci95[0], text: num(inWorst.ci95[0], inWorst.mean) },
      ', ',
      { figure: 'best.worstCountryHi', value: inWorst.ci95[1], text: num(inWorst.ci95[1], inWorst.mean) },
      ']',
    );
  }
  segments.push(...costSegments('best', extra, years, result.currency), '.');
  return { id: 'best-strategy', segments, ...COMPARISON_LINK };
}

function cheapestLine(result: RunResult, s: StrategyResult, alsoBest: boolean, extra: number, years: number): HeadlineLine {
  const vs = s.vsBaseline!;
  const perUnit: HeadlineFigure = { figure: 'cheapest.costPerUnitAvoided', value: vs.costPerUnitAvoided!, text: moneyPerUnit(vs.costPerUnitAvoided, result.currency, result.unit) };
  if (alsoBest) return { id: 'cheapest-strategy', segments: [`It is also the cheapest per ${result.unit} avoided: `, perUnit, '.'], ...COMPARISON_LINK };
  return {
    id: 'cheapest-strategy',
    segments: [
      `The cheapest per ${result.unit} avoided is “${s.name}”: `,
      perUnit,
      ', avoiding ',
      { figure: 'cheapest.avoided', value: -vs.shortfall.mean, text: `${formatUnits(-vs.shortfall.mean)} ${result.unit}` },
      ' a trial',
      ...costSegments('cheapest', extra, years, result.currency),
      '.',
    ],
    ...COMPARISON_LINK,
  };
}

/** " for USD 44.2 m a year more (USD 221 m over the horizon)", or what it saves when it costs less. */
function costSegments(prefix: string, extra: number, years: number, currency: string): HeadlineSegment[] {
  const perYear = extra / years;
  return [
    extra >= 0 ? ' for ' : ' while saving ',
    { figure: `${prefix}.extraCostPerYear`, value: perYear, text: moneyTotal(Math.abs(perYear), currency) },
    extra >= 0 ? ' a year more than the baseline' : ' a year against the baseline',
  ];
}

/** Each maker's planned demand (units per year at month 0), including makers a strategy builds. */
function makerDemand(scenario: Scenario): Map<string, number> {
  const demand = new Map<string, number>();
  const add = (n: { id: string; demand?: number }) => n.demand !== undefined && demand.set(n.id, n.demand);
  scenario.nodes.forEach(add);
  for (const s of scenario.strategies ?? []) for (const l of s.levers) if ('newCapacity' in l) l.newCapacity.nodes.forEach(add);
  return demand;
}

/** "5 years", "18 months". */
function horizonText(result: RunResult): string {
  const months = Math.round((result.periods * 12) / result.periodsPerYear);
  if (months % 12 === 0) return months === 12 ? 'one year' : `${months / 12} years`;
  return `${months} months`;
}

/** A percentage to one decimal, two below 1%: "8.9%", "0.42%". */
const pct = (p: number): string => `${num(p, p)}%`;

/** A number with the decimals its mean gets, so that an interval reads like its mean. */
function num(x: number, mean: number): string {
  const digits = Math.abs(mean) >= 1 ? 1 : 2;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
