/**
 * Raw per-trial samples of a run as CSV (issue 12), so a reviewer can audit every figure: one row per
 * trial and strategy with the trial's shortfall, its % of demand, the worst fulfilment, cost, time to
 * recover and each maker's shortfall. Written chunk by chunk as chunks finish (createSamplesSink), in
 * trial order, so a big run's samples are never held whole; the per-maker figures come from the chunks
 * of a run compiled with makerSamples (src/engine/simulate-chunk.ts), and are dropped once written.
 */
import type { CompiledRun } from '../engine/compile-run.ts';
import { TTR_CENSORED, TTR_RECOVERED, type PartialResult } from '../engine/result.ts';
import { toCsv, unitSuffix, type Cell } from '../report/chart-csv.ts';

const TTR_STATUS = ['no-dip', 'recovered', 'censored'];

/** Every maker id of the run's strategies, the baseline's first (a strategy may add makers). */
export function sampleMakers(run: CompiledRun): string[] {
  const ids = new Set<string>();
  for (const model of run.models) for (const m of model.makers) ids.add(model.nodeIds[m]);
  return [...ids];
}

/** The header row. */
export function samplesHeader(run: CompiledRun, unit: string): string {
  const u = unitSuffix(unit);
  return toCsv([[
    'strategy', 'trial', `shortfall_${u}`, 'shortfall_pct', 'worst_fulfilment', 'cost', 'ttr_months', 'ttr_status',
    ...sampleMakers(run).map((id) => `shortfall_${id}_${u}`),
  ]]);
}

/** The rows of one chunk: each trial's strategies together, in trial order; empty cells for a maker a strategy lacks. */
export function samplesRows(run: CompiledRun, part: PartialResult): string {
  const makers = sampleMakers(run);
  const column = new Map(makers.map((id, j) => [id, j]));
  const rows: Cell[][] = [];
  const positions = run.models.map((model) => Array.from(model.makers, (m) => column.get(model.nodeIds[m])!));
  for (let i = part.from; i < part.to; i++) {
    const r = i - part.from;
    part.strategies.forEach((s, k) => {
      const o = s.outcomes;
      const perMaker: Cell[] = makers.map(() => null);
      const M = positions[k].length;
      if (s.makerShortfall) for (let q = 0; q < M; q++) perMaker[positions[k][q]] = s.makerShortfall[r * M + q];
      const status = o.ttrStatus[r];
      rows.push([s.id, i, o.shortfall[r], o.shortfallPct[r], o.worstFulfilment[r], o.cost[r],
        status === TTR_RECOVERED || status === TTR_CENSORED ? o.ttr[r] : null, TTR_STATUS[status] ?? '', ...perMaker]);
    });
  }
  return rows.length === 0 ? '' : toCsv(rows);
}

export interface SamplesSink {
  /** Takes a finished chunk (any order); writes it, and any waiting chunks after it, once the trials before are written. */
  add(part: PartialResult): void;
  /** trials written so far */
  readonly written: number;
}

/**
 * Writes the header at once, then each chunk's rows in trial order as the chunks arrive; a chunk waits
 * only for the chunks before it. Its per-maker arrays are dropped once written, so the merge never holds them.
 */
export function createSamplesSink(run: CompiledRun, unit: string, write: (text: string) => void): SamplesSink {
  const waiting = new Map<number, PartialResult>();
  let written = 0;
  write(samplesHeader(run, unit));
  return {
    add(part) {
      waiting.set(part.from, part);
      for (let next = waiting.get(written); next; next = waiting.get(written)) {
        waiting.delete(next.from);
        if (next.to > next.from) write(samplesRows(run, next));
        for (const s of next.strategies) delete s.makerShortfall;
        written = next.to;
      }
    },
    get written() {
      return written;
    },
  };
}
