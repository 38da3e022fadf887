/** The progress line on stderr: only on a terminal, only once a run has taken a second, ended by a newline. */

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  update(done: number, total: number): void;
  /** Ends the line if one was drawn, so whatever follows starts on a fresh line. */
  finish(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 100;

/** Creates the progress line for `stream`, its text after `label`; a stream that is not a terminal gets nothing. */
export function createProgressLine(stream: ProgressStream, now: () => number = () => performance.now(), label = ''): ProgressLine {
  const start = now();
  let drawn = false;
  let lastDraw = -Infinity;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const t = now();
      if (t - start < SHOW_AFTER_MS || (t - lastDraw < REDRAW_MS && done < total)) return;
      lastDraw = t;
      drawn = true;
      // \x1b[K clears what a longer previous line left behind.
      stream.write(`\r ${label}${done}/${total} trials, ${timeLeft(t - start, done, total)}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/** The time left, extrapolated from the time taken so far. */
function timeLeft(elapsedMs: number, done: number, total: number): string {
  if (done >= total) return 'done';
  if (done === 0) return 'estimating';
  const seconds = Math.ceil(((total - done) * elapsedMs) / done / 1000);
  return seconds < 90 ? `${seconds} s left` : `${Math.ceil(seconds / 60)} min left`;
}
