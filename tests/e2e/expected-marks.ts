/**
 * How many marks of each kind every chart draws for its data: one per datum. Computed in Node from
 * the chart data of the result the page shows, and compared with the `.mark` elements in the page.
 */
import type { ChartDataMap, ChartName } from '../../src/charts/index.ts';
import { countryShares, drawnFlows, pickStage } from '../../src/charts/world-map-data.ts';

/** Expected count per mark class (the class after "mark"), per chart. */
export function expectedMarks(data: ChartDataMap): Record<ChartName, Record<string, number>> {
  const { valueChain, worldMap, fulfilment, shortfall, comparison, attribution, replay } = data;
  const modelled = replay.panels.filter((p) => p.model.length > 0).length;
  const baselineAttribution = attribution.strategies[0];
  const withDifference = comparison.strategies.filter((s) => s.difference !== null).length;
  return {
    valueChain: { node: valueChain.nodes.length, link: valueChain.links.length, 'dependence-bar': valueChain.dependence.length },
    // the default stage's countries with capacity, and one arc per flow across a border
    worldMap: { country: countryShares(worldMap, pickStage(worldMap)).length, flow: drawnFlows(worldMap).length },
    fulfilment: {
      median: fulfilment.strategies.length,
      'band-outer': fulfilment.strategies.length,
      'band-inner': fulfilment.strategies.length,
      window: fulfilment.windows.length,
    },
    shortfall: {
      // empty bins draw nothing
      bar: shortfall.strategies.reduce((n, s) => n + s.counts.filter((c) => c > 0).length, 0),
      cdf: shortfall.strategies.length,
      rule: 3 * shortfall.strategies.length,
    },
    comparison: {
      'cost-point': comparison.strategies.length,
      'diff-dot': withDifference,
      whisker: withDifference,
      frontier: comparison.strategies.some((s) => s.onFrontier) ? 1 : 0,
    },
    attribution: { bar: baselineAttribution && baselineAttribution.trials > 0 ? baselineAttribution.parts.length : 0 },
    // per panel: each scripted event, the model's band and mean, and every reported point that has a normal
    replay: {
      window: replay.windows.length * replay.panels.length,
      band: modelled,
      mean: modelled,
      reported: replay.panels.reduce((n, p) => n + p.observed.filter((o) => o.pct !== null).length, 0),
    },
  };
}
