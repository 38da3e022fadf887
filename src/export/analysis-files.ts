/**
 * The analyses' export files: each analysis chart as SVG (and its drawn data as CSV) with the fixed export
 * options, so the app's download and the command line's file are the same bytes, and the full tables as
 * CSV. PNGs are made from the SVGs by the caller, as for the run's charts.
 */
import { exposureChart, serializeSvg, survivalChart, tornadoChart } from '../charts/index.ts';
import type { AnalysisChartName } from '../charts/types.ts';
import type { SensitivityResult } from '../analysis/sensitivity-result.ts';
import type { StressResult } from '../analysis/stress-result.ts';
import { exposureData, survivalData, survivalMakers, tornadoData } from '../report/analysis-chart-data.ts';
import { exposureCsv, sensitivityCsv, stressCountriesCsv, stressMakersCsv, stressRankingCsv, stressStrategiesCsv, survivalCsv, tornadoCsv } from '../report/analysis-csv.ts';
import type { ExportFile } from './bundle.ts';
import { EXPORT_WIDTH } from './chart-svg.ts';

/** The analyses a report or an export carries (each only when run, and for the same scenario). */
export interface Analyses {
  stress?: StressResult;
  sensitivity?: SensitivityResult;
}

/** One analysis chart: which, and its choice (a duration, a maker and strategy, a strategy). */
export type AnalysisChart =
  | { name: 'exposure'; months: number }
  | { name: 'survival'; months: number; maker: string; strategy?: string }
  | { name: 'tornado'; strategy: string };

/** The file name of an analysis chart, without its extension: "exposure-6m", "survival-maker-eu-6m", "tornado-baseline". */
export function analysisChartName(chart: AnalysisChart): string {
  if (chart.name === 'exposure') return `exposure-${chart.months}m`;
  if (chart.name === 'survival') return `survival-${chart.maker}-${chart.months}m${chart.strategy && chart.strategy !== 'baseline' ? `-${chart.strategy}` : ''}`;
  return `tornado-${chart.strategy}`;
}

/** The chart's SVG element (options as given: the app's width, or the export's). */
export function analysisChartSvg(chart: AnalysisChart, analyses: Analyses, options: { document: Document; width?: number }): SVGSVGElement {
  const o = { document: options.document, width: options.width ?? EXPORT_WIDTH };
  if (chart.name === 'exposure') return exposureChart(exposureData(need(analyses.stress, chart.name), chart.months), o);
  if (chart.name === 'survival') return survivalChart(survivalData(need(analyses.stress, chart.name), chart.maker, chart.months, chart.strategy), o);
  return tornadoChart(tornadoData(need(analyses.sensitivity, chart.name), chart.strategy), o);
}

/** The chart's drawn data as CSV. */
export function analysisChartCsv(chart: AnalysisChart, analyses: Analyses): string {
  if (chart.name === 'exposure') return exposureCsv(exposureData(need(analyses.stress, chart.name), chart.months));
  if (chart.name === 'survival') return survivalCsv(survivalData(need(analyses.stress, chart.name), chart.maker, chart.months, chart.strategy));
  return tornadoCsv(tornadoData(need(analyses.sensitivity, chart.name), chart.strategy));
}

function need<T>(x: T | undefined, name: AnalysisChartName): T {
  if (!x) throw new Error(`the ${name} chart needs its analysis to have run`);
  return x;
}

/** Every chart of the analyses: exposure per duration, survival per maker and duration (baseline), tornado per strategy. */
export function analysisCharts(analyses: Analyses): AnalysisChart[] {
  const charts: AnalysisChart[] = [];
  if (analyses.stress) {
    for (const d of analyses.stress.durations) charts.push({ name: 'exposure', months: d.months });
    for (const d of analyses.stress.durations) {
      for (const m of survivalMakers(analyses.stress, d.months)) charts.push({ name: 'survival', months: d.months, maker: m.id });
    }
  }
  for (const s of analyses.sensitivity?.strategies ?? []) charts.push({ name: 'tornado', strategy: s.id });
  return charts;
}

/** The analyses' files: their tables as CSV, then each chart's SVG and CSV under charts/. */
export function analysisFiles(analyses: Analyses, options: { document: Document }): ExportFile[] {
  const files: ExportFile[] = [];
  if (analyses.stress) {
    files.push(
      { name: 'stress.csv', content: stressRankingCsv(analyses.stress) },
      { name: 'stress-makers.csv', content: stressMakersCsv(analyses.stress) },
      { name: 'stress-strategies.csv', content: stressStrategiesCsv(analyses.stress) },
      { name: 'stress-countries.csv', content: stressCountriesCsv(analyses.stress) },
    );
  }
  if (analyses.sensitivity) files.push({ name: 'sensitivity.csv', content: sensitivityCsv(analyses.sensitivity) });
  for (const chart of analysisCharts(analyses)) {
    const base = `charts/${analysisChartName(chart)}`;
    files.push(
      { name: `${base}.svg`, content: serializeSvg(analysisChartSvg(chart, analyses, options)) },
      { name: `${base}.csv`, content: analysisChartCsv(chart, analyses) },
    );
  }
  return files;
}
