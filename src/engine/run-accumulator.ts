/**
 * The state of a run as its chunks arrive: per-trial outcomes written in place into run-wide arrays,
 * counts added and sums merged into one accumulator per strategy, in trial order (a chunk that arrives
 * early waits until those before it are in), so that at any time it holds exactly trials [0, prefix).
 * Memory is the run's per-trial scalars plus the chunks in flight, whatever the number of chunks.
 */
import { exactCanonical } from '../stats/exact-sum.ts';
import { LEDGER_ACCOUNTS, type PartialResult, type StrategyPartial } from './result.ts';
import { addStrategyPartial, emptyStrategyPartial, shapeOf } from './strategy-partial.ts';

export class RunAccumulator {
  /** trials [0, prefix) are in */
  prefix = 0;
  private merged: StrategyPartial[] | null = null;
  private readonly pending = new Map<number, PartialResult>();

  /** An accumulator for a run of `trials` trials whose first `attributionTrials` carry attribution values. */
  constructor(readonly trials: number, readonly attributionTrials: number) {}

  /** Takes a chunk's partial result (any order); refuses one that overlaps what is in or waiting, or lies outside the run. */
  add(part: PartialResult): void {
    if (part.from < 0 || part.to > this.trials || part.to < part.from) {
      throw new Error(`a partial result covers trials ${part.from}..${part.to - 1}, outside the run's 0..${this.trials - 1}`);
    }
    if (part.to === part.from) return;
    if (part.from < this.prefix) throw overlap(part.from, Math.min(part.to, this.prefix) - 1);
    for (const other of this.pending.values()) {
      if (part.from < other.to && other.from < part.to) throw overlap(Math.max(part.from, other.from), Math.min(part.to, other.to) - 1);
    }
    this.merged ??= part.strategies.map((s) => emptyStrategyPartial(shapeOf(s), this.trials, Math.min(this.trials, this.attributionTrials)));
    if (part.strategies.length !== this.merged.length) throw new Error('partial results hold different numbers of strategies');
    this.pending.set(part.from, part);
    for (let next = this.pending.get(this.prefix); next; next = this.pending.get(this.prefix)) {
      this.pending.delete(next.from);
      next.strategies.forEach((s, k) => addStrategyPartial(this.merged![k], s, next.from));
      this.prefix = next.to;
    }
  }

  /** Whether every trial is in. */
  get complete(): boolean {
    return this.prefix === this.trials;
  }

  /**
   * The partial result of trials [0, prefix) (the whole run once complete): run-wide arrays viewed, not
   * copied; sums in canonical form, so that any split of the same trials gives equal data.
   */
  view(): PartialResult {
    const k = this.prefix;
    const na = Math.min(k, this.attributionTrials);
    const strategies = (this.merged ?? []).map((s): StrategyPartial => ({
      ...s,
      outcomes: Object.fromEntries(Object.entries(s.outcomes).map(([key, a]) => [key, a.subarray(0, k)])) as unknown as StrategyPartial['outcomes'],
      makers: { ...s.makers, shortfall: s.makers.shortfall.map(exactCanonical), pct: s.makers.pct.map(exactCanonical), pctSquares: s.makers.pctSquares.map(exactCanonical) },
      substituted: exactCanonical(s.substituted),
      attribution: { none: s.attribution.none.subarray(0, na), without: s.attribution.without.map((w) => w.subarray(0, na)) },
      ledger: Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, exactCanonical(s.ledger[a])])) as StrategyPartial['ledger'],
    }));
    return { from: 0, to: k, strategies };
  }

  /** The whole run's partial result; says which trials are missing if any are. */
  result(): PartialResult {
    if (!this.complete) {
      const waiting = [...this.pending.keys()].sort((a, b) => a - b);
      const gapEnd = (waiting[0] ?? this.trials) - 1;
      throw new Error(`partial results do not cover the run: trials ${this.prefix}..${gapEnd} are missing`);
    }
    return this.view();
  }
}

function overlap(from: number, to: number): Error {
  return new Error(`partial results overlap: trials ${from}..${to} are in two of them`);
}
