/** Picking the strategies a chart draws while keeping each one's palette index. */
import type { StrategyLabel } from './data-types.ts';

/** A chart's choice of strategies, by id; the default is every strategy of the data. */
export interface StrategySelection {
  strategies?: string[];
}

export interface Indexed<T> {
  item: T;
  /** position in the data's full list: the palette index */
  index: number;
}

/** The chosen strategies in data order with their palette index; unknown ids are ignored, none chosen means all. */
export function selectStrategies<T extends StrategyLabel>(all: readonly T[], ids?: readonly string[]): Indexed<T>[] {
  const indexed = all.map((item, index) => ({ item, index }));
  if (!ids || ids.length === 0) return indexed;
  const wanted = new Set(ids);
  return indexed.filter(({ item }) => wanted.has(item.id));
}
