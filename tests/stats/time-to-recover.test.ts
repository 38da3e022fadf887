import { describe, expect, it } from 'vitest';
import { TTR_CENSORED, TTR_NO_DIP, TTR_RECOVERED } from '../../src/engine/result.ts';
import { summariseTtr, timeToRecover } from '../../src/stats/time-to-recover.ts';

describe('timeToRecover', () => {
  it('measures a dip and recovery from the event start', () => {
    const f = [1, 1, 1, 0.5, 0.5, 1, 1, 1];
    expect(timeToRecover(f, [3], 12)).toEqual({ status: TTR_RECOVERED, months: 2 });
    expect(timeToRecover(f, [3], 52)).toEqual({ status: TTR_RECOVERED, months: (2 * 12) / 52 });
  });

  it('counts from the event start, not the dip', () => {
    // event at 2, fulfilment still fine in 2, dips in 3, back in 5: 5 - 2 = 3 periods
    expect(timeToRecover([1, 1, 0.99, 0.5, 0.5, 1], [2], 12)).toEqual({ status: TTR_RECOVERED, months: 3 });
  });

  it('censors at the horizon', () => {
    expect(timeToRecover([1, 1, 0.2, 0.2, 0.2], [2], 12)).toEqual({ status: TTR_CENSORED, months: 3 });
  });

  it('reports no dip when fulfilment stays at or above 95% of pre', () => {
    const r = timeToRecover([1, 1, 0.95, 1], [2], 12);
    expect(r.status).toBe(TTR_NO_DIP);
    expect(r.months).toBeNaN();
  });

  it('reports no dip without events, even if fulfilment falls', () => {
    expect(timeToRecover([1, 0.1, 1], [], 12).status).toBe(TTR_NO_DIP);
  });

  it('ignores a fall before the first event', () => {
    expect(timeToRecover([0.1, 1, 1, 1], [2], 12).status).toBe(TTR_NO_DIP);
  });

  it('takes pre = 1 for an event in period 0', () => {
    // threshold 0.95: 0.9 in period 0 is a dip, 0.96 in period 1 recovers
    expect(timeToRecover([0.9, 0.96, 1], [0], 12)).toEqual({ status: TTR_RECOVERED, months: 1 });
  });

  it('measures against 95% of the pre-event mean', () => {
    // pre = 0.8, threshold 0.76: 0.77 is no dip, 0.7 is; 0.76 recovers
    expect(timeToRecover([0.8, 0.8, 0.77, 0.7, 0.76], [2], 12)).toEqual({ status: TTR_RECOVERED, months: 2 });
  });

  it('counts from the latest event starting at or before the dip', () => {
    const f = [1, 1, 0.99, 0.5, 0.5, 1];
    // events at 1 and 3, dip at 3: t0 = 3; recovered at 5
    expect(timeToRecover(f, [1, 3], 12)).toEqual({ status: TTR_RECOVERED, months: 2 });
    // an event after the dip does not move t0
    expect(timeToRecover(f, [1, 3, 4], 12)).toEqual({ status: TTR_RECOVERED, months: 2 });
    // censored from the second event: H - t0 = 6 - 3
    expect(timeToRecover([1, 1, 0.99, 0.5, 0.5, 0.5], [1, 3], 12)).toEqual({ status: TTR_CENSORED, months: 3 });
  });

  it('takes pre before the first event only', () => {
    // first event at 1: pre = f[0] = 1, threshold 0.95, dip at 1, back at 4: 3 periods.
    // (pre over periods 0..1 would be 0.96, threshold 0.912, and no dip.)
    expect(timeToRecover([1, 0.92, 0.92, 0.92, 1], [1, 2], 12)).toEqual({ status: TTR_RECOVERED, months: 3 });
  });
});

describe('summariseTtr', () => {
  it('summarises trials with a dip, censored ones at their censored value', () => {
    const months = [2, NaN, 3, 5, 1];
    const status = [TTR_RECOVERED, TTR_NO_DIP, TTR_CENSORED, TTR_RECOVERED, TTR_RECOVERED];
    // values 2, 3, 5, 1 -> sorted 1, 2, 3, 5; p50 at 1.5 -> 2.5; p95 at 2.85 -> 3 + 0.85 x 2
    const s = summariseTtr(months, Int8Array.from(status));
    expect(s).toMatchObject({ n: 4, noDip: 1, censored: 1, mean: 2.75, p50: 2.5 });
    expect(s.p95).toBeCloseTo(4.7, 12);
  });

  it('gives null statistics when no trial dipped', () => {
    expect(summariseTtr([NaN, NaN], [TTR_NO_DIP, TTR_NO_DIP])).toEqual({
      n: 0, noDip: 2, censored: 0, mean: null, p50: null, p95: null,
    });
  });
});
