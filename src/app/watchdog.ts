/**
 * A watchdog on the workers' heartbeat. A worker owes an answer from the moment the pool asks it
 * something (load a run, simulate a chunk) until it answers; while it owes one, the engine's progress
 * reports (every 25 trial simulations) are its heartbeat. A worker silent past the limit is taken for
 * hung: a comlink call to a worker stuck in a loop would otherwise wait for ever.
 *
 * The limit adapts: at least `silenceMs`, and `factor` times the longest silence seen so far in the
 * run, so that a scenario whose trials are slow is not taken for a hung one. A worker's first answer
 * (its code loads, then the run) is allowed `startMs`.
 */

export interface WatchdogOptions {
  /** the silence allowed before a worker's first answer */
  startMs: number;
  /** the least silence allowed after it */
  silenceMs: number;
  /** the limit is at least this many times the longest silence seen so far (0: a fixed limit) */
  factor: number;
}

/** Generous: the shipped scenarios report progress several times a second on a slow machine. */
export const DEFAULT_WATCHDOG: WatchdogOptions = { startMs: 60_000, silenceMs: 30_000, factor: 10 };

/** One worker as the watchdog sees it. */
export interface WorkerWatch {
  /** when it was last heard from, or asked something (ms); null while it owes nothing */
  owedSince: number | null;
  /** whether it has ever answered */
  answered: boolean;
}

/** The watchdog's own record of a worker: also the calls it has not answered yet (the pool keeps more than one in flight). */
interface WorkerCalls extends WorkerWatch {
  owed: number;
}

export interface Stall {
  worker: number;
  silentMs: number;
  limitMs: number;
}

/** The silence allowed to a worker, given the longest silence seen so far in the run. */
export function silenceLimit(options: WatchdogOptions, longestSilenceMs: number, answered: boolean): number {
  return Math.max(answered ? options.silenceMs : options.startMs, options.factor * longestSilenceMs);
}

/** The first worker silent past its limit at `now`, or null. */
export function findStall(watches: readonly WorkerWatch[], longestSilenceMs: number, now: number, options: WatchdogOptions): Stall | null {
  for (let w = 0; w < watches.length; w++) {
    const since = watches[w].owedSince;
    if (since === null) continue;
    const limitMs = silenceLimit(options, longestSilenceMs, watches[w].answered);
    if (now - since > limitMs) return { worker: w, silentMs: now - since, limitMs };
  }
  return null;
}

export interface Watchdog {
  /** worker `w` was asked something: it owes an answer from now */
  asked(w: number): void;
  /** worker `w` reported progress */
  heard(w: number): void;
  /** worker `w` answered its call */
  answered(w: number): void;
  stop(): void;
}

export interface WatchdogClock {
  now(): number;
  setInterval(task: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const browserClock: WatchdogClock = {
  now: () => performance.now(),
  setInterval: (task, ms) => setInterval(task, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** Starts watching `count` workers; `onStall` is called once, for the first worker found silent too long. */
export function createWatchdog(count: number, onStall: (stall: Stall) => void, options: WatchdogOptions = DEFAULT_WATCHDOG, clock: WatchdogClock = browserClock): Watchdog {
  const watches: WorkerCalls[] = Array.from({ length: count }, () => ({ owedSince: null, owed: 0, answered: false }));
  let longest = 0;
  const every = Math.max(50, Math.min(1000, options.silenceMs / 5, options.startMs / 5));
  let lastCheck = clock.now();
  const hear = (w: number) => {
    const now = clock.now();
    const since = watches[w].owedSince;
    if (since !== null) longest = Math.max(longest, now - since);
    return now;
  };
  const timer = clock.setInterval(() => {
    const now = clock.now();
    // The page itself was paused (a frozen background tab, a debugger): the workers' messages wait in
    // its queue, so silence measured across the pause is not theirs. Count from now.
    if (now - lastCheck > 3 * every) {
      for (const watch of watches) if (watch.owedSince !== null) watch.owedSince = now;
    }
    lastCheck = now;
    const stall = findStall(watches, longest, now, options);
    if (stall) {
      clock.clearInterval(timer);
      onStall(stall);
    }
  }, every);
  return {
    asked(w) {
      // A call queued behind one still running does not restart the silence: the worker owed already.
      if (watches[w].owed++ === 0) watches[w].owedSince = clock.now();
    },
    heard(w) {
      // Progress can arrive after its chunk's answer (another message port): it then owes nothing.
      if (watches[w].owedSince !== null) watches[w].owedSince = hear(w);
    },
    answered(w) {
      const now = hear(w);
      const watch = watches[w];
      watch.owed = Math.max(0, watch.owed - 1);
      // An answer is a sign of life: the silence of the next call queued starts now.
      watch.owedSince = watch.owed > 0 ? now : null;
      watch.answered = true;
    },
    stop: () => clock.clearInterval(timer),
  };
}
