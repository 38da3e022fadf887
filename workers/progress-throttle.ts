/**
 * A worker's progress reports, thinned: the engine reports after every block of lanes (hundreds a second on
 * a small scenario), and each report is a message the page answers and a progress bar it redraws, on the
 * same cores the workers need. Reports go out at most every `intervalMs`, and always the last (done = total).
 */
import type { ChunkProgress } from '../src/engine/simulate-chunk.ts';

/** How often a worker tells the page how far its chunk is: often enough for a bar that moves and for the watchdog. */
export const PROGRESS_INTERVAL_MS = 250;

/** onProgress called at most once per interval, the first report and the last always; undefined stays undefined. */
export function throttleProgress(onProgress: ChunkProgress | undefined, intervalMs = PROGRESS_INTERVAL_MS, now: () => number = () => performance.now()): ChunkProgress | undefined {
  if (!onProgress) return undefined;
  let last = -Infinity;
  return (done, total) => {
    const at = now();
    if (done < total && at - last < intervalMs) return;
    last = at;
    onProgress(done, total);
  };
}
