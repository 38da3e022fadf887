/**
 * Time to recover (model.md section 5): how long the chain takes to come back to 95% of its
 * pre-event fulfilment after the first dip, counted from the start of the event behind the dip.
 */
import { TTR_CENSORED, TTR_NO_DIP, TTR_RECOVERED, type TtrSummary } from '../engine/result.ts';
import { periodsToMonths } from '../model/time.ts';
import { quantileSorted } from './quantile.ts';
import { sortedCopy } from './summary.ts';

export type TtrStatus = typeof TTR_NO_DIP | typeof TTR_RECOVERED | typeof TTR_CENSORED;

/**
 * TTR of one trial from its per-period chain fulfilment and the ascending start periods of its
 * events: status 0 no dip (months NaN), 1 recovered, 2 censored at the horizon H = fulfilment.length.
 */
export function timeToRecover(
  fulfilment: ArrayLike<number>,
  eventStarts: ArrayLike<number>,
  periodsPerYear: number,
): { status: TtrStatus; months: number } {
  const noDip = { status: TTR_NO_DIP, months: NaN } as const;
  const horizon = fulfilment.length;
  if (eventStarts.length === 0) return noDip;
  const first = eventStarts[0];

  let pre = 1;
  if (first > 0) {
    let sum = 0;
    const end = Math.min(first, horizon);
    for (let t = 0; t < end; t++) sum += fulfilment[t];
    pre = sum / end;
  }
  const threshold = 0.95 * pre;

  let t1 = -1;
  for (let t = Math.max(0, first); t < horizon; t++) {
    if (fulfilment[t] < threshold) {
      t1 = t;
      break;
    }
  }
  if (t1 < 0) return noDip;

  let t0 = first;
  for (let i = 0; i < eventStarts.length && eventStarts[i] <= t1; i++) t0 = eventStarts[i];

  for (let t = t1 + 1; t < horizon; t++) {
    if (fulfilment[t] >= threshold) return { status: TTR_RECOVERED, months: periodsToMonths(t - t0, periodsPerYear) };
  }
  return { status: TTR_CENSORED, months: periodsToMonths(horizon - t0, periodsPerYear) };
}

/** TtrSummary over the trials with a dip (censored ones at their censored value); null statistics when none dipped. */
export function summariseTtr(months: ArrayLike<number>, status: ArrayLike<number>): TtrSummary {
  let noDip = 0;
  let censored = 0;
  const dipped: number[] = [];
  let sum = 0;
  for (let i = 0; i < status.length; i++) {
    if (status[i] === TTR_NO_DIP) {
      noDip++;
      continue;
    }
    if (status[i] === TTR_CENSORED) censored++;
    dipped.push(months[i]);
    sum += months[i];
  }
  const n = dipped.length;
  if (n === 0) return { n, noDip, censored, mean: null, p50: null, p95: null };
  const sorted = sortedCopy(dipped);
  return { n, noDip, censored, mean: sum / n, p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
}
