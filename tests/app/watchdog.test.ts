/** The watchdog on the workers' heartbeat: its limit, and when it fires, on fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdog, findStall, silenceLimit, type Stall, type WatchdogClock, type WatchdogOptions } from '../../src/app/watchdog.ts';

const OPTIONS: WatchdogOptions = { startMs: 6000, silenceMs: 3000, factor: 10 };

describe('the limit on silence', () => {
  it('allows the start limit before a first answer, the silence limit after, and grows with the longest silence seen', () => {
    expect(silenceLimit(OPTIONS, 0, false)).toBe(6000);
    expect(silenceLimit(OPTIONS, 0, true)).toBe(3000);
    expect(silenceLimit(OPTIONS, 250, true)).toBe(3000);
    expect(silenceLimit(OPTIONS, 500, true)).toBe(5000);
    expect(silenceLimit(OPTIONS, 800, false)).toBe(8000);
    expect(silenceLimit({ ...OPTIONS, factor: 0 }, 800, true)).toBe(3000);
  });

  it('finds the first worker that owes an answer for longer than its limit, and none that owes nothing', () => {
    const watches = [
      { owedSince: null, answered: true },
      { owedSince: 1000, answered: true },
      { owedSince: 0, answered: false },
    ];
    expect(findStall(watches, 0, 4000, OPTIONS)).toBeNull(); // worker 2: 3000 ms is not more than 3000
    expect(findStall(watches, 0, 4001, OPTIONS)).toEqual({ worker: 1, silentMs: 3001, limitMs: 3000 });
    expect(findStall(watches, 400, 4001, OPTIONS)).toBeNull(); // the limit grew to 4000
    expect(findStall([{ owedSince: null, answered: false }], 0, 1e9, OPTIONS)).toBeNull();
    expect(findStall(watches.slice(2), 0, 6001, OPTIONS)).toEqual({ worker: 0, silentMs: 6001, limitMs: 6000 });
  });
});

describe('the watchdog on a run', () => {
  const clock: WatchdogClock = { now: () => Date.now(), setInterval: (t, ms) => setInterval(t, ms), clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>) };
  let stalls: Stall[];
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    stalls = [];
  });
  afterEach(() => vi.useRealTimers());

  it('stays quiet while every worker keeps reporting progress, however long the run', () => {
    const dog = createWatchdog(2, (s) => stalls.push(s), OPTIONS, clock);
    dog.asked(0);
    dog.asked(1);
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(1000);
      dog.heard(0);
      dog.heard(1);
    }
    dog.answered(0);
    vi.advanceTimersByTime(60_000); // worker 0 idle, owing nothing; worker 1 silent for 60 s
    expect(stalls.map((s) => s.worker)).toEqual([1]);
    dog.stop();
  });

  it('counts the calls a worker owes: it owes until it has answered every one asked of it', () => {
    const dog = createWatchdog(1, (s) => stalls.push(s), { ...OPTIONS, factor: 0 }, clock);
    dog.asked(0);
    dog.answered(0);
    dog.asked(0);
    dog.asked(0); // queued behind the first
    vi.advanceTimersByTime(2000);
    dog.answered(0); // the first answers; the second runs from now and owes its answer
    vi.advanceTimersByTime(2900);
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(700);
    expect(stalls.map((s) => s.worker)).toEqual([0]);
    dog.stop();
  });

  it('owes nothing once every call asked is answered', () => {
    const dog = createWatchdog(1, (s) => stalls.push(s), OPTIONS, clock);
    dog.asked(0);
    dog.asked(0);
    dog.answered(0);
    dog.answered(0);
    vi.advanceTimersByTime(60_000);
    expect(stalls).toEqual([]);
    dog.stop();
  });

  it('ends the wait for a worker that stops answering within the limit and one check, once', () => {
    const dog = createWatchdog(2, (s) => stalls.push(s), OPTIONS, clock);
    dog.asked(0);
    dog.asked(1);
    dog.answered(0);
    dog.answered(1);
    dog.asked(0);
    dog.asked(1);
    // worker 1 reports every 100 ms; worker 0 never again
    for (let t = 0; t < 3500; t += 100) {
      vi.advanceTimersByTime(100);
      dog.heard(1);
    }
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(100); // the check every 600 ms finds worker 0 silent for 3600 ms, past 3000
    expect(stalls).toEqual([{ worker: 0, silentMs: 3600, limitMs: 3000 }]);
    vi.advanceTimersByTime(60_000);
    expect(stalls).toHaveLength(1);
  });

  it('gives a worker loading its code the start limit, and a slow scenario ten times its longest silence', () => {
    const dog = createWatchdog(1, (s) => stalls.push(s), OPTIONS, clock);
    dog.asked(0);
    vi.advanceTimersByTime(5400);
    dog.answered(0); // 5.4 s to load: within the start limit
    dog.asked(0);
    vi.advanceTimersByTime(1000);
    dog.heard(0);
    vi.advanceTimersByTime(9000);
    // the longest silence seen is the 5.4 s load: the limit is now 54 s
    expect(stalls).toEqual([]);
    vi.advanceTimersByTime(46_000);
    expect(stalls).toEqual([expect.objectContaining({ worker: 0, limitMs: 54_000 })]);
  });

  it('ignores progress that arrives after its chunk was answered', () => {
    const dog = createWatchdog(1, (s) => stalls.push(s), OPTIONS, clock);
    dog.asked(0);
    dog.answered(0);
    dog.heard(0); // a late progress message: the worker owes nothing
    vi.advanceTimersByTime(60_000);
    expect(stalls).toEqual([]);
    dog.stop();
  });

  it('does not blame the workers for a pause of the page itself', () => {
    let now = 0;
    let tick: () => void = () => {};
    const paused: WatchdogClock = { now: () => now, setInterval: (t) => (tick = t), clearInterval: () => {} };
    const dog = createWatchdog(1, (s) => stalls.push(s), OPTIONS, paused);
    dog.asked(0);
    dog.answered(0);
    dog.asked(0);
    now = 600;
    tick();
    now = 20_000; // the tab was frozen: no check ran for 19 s
    tick();
    expect(stalls).toEqual([]);
    // checked every 600 ms from then on: silent for more than 3 s after the pause, it is stalled
    while (stalls.length === 0 && now < 30_000) {
      now += 600;
      tick();
    }
    expect(stalls).toEqual([{ worker: 0, silentMs: 3600, limitMs: 3000 }]);
    dog.stop();
  });
});
