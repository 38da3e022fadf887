/**
 * What every chart takes. A chart is `(data, options) => SVGSVGElement`: it knows nothing about the
 * engine or the app, and renders with whatever `document` it is given (the browser's, or jsdom's in Node).
 */

export interface ChartOptions {
  /** the document to create elements in; defaults to globalThis.document */
  document?: Document;
  /** outer size in CSS pixels */
  width?: number;
  height?: number;
  /** overrides the chart's own title and one-line reading */
  title?: string;
  reading?: string;
}

/** The names of the charts of the app, the report and the command line's --out. */
export type ChartName = 'valueChain' | 'worldMap' | 'fulfilment' | 'shortfall' | 'comparison' | 'attribution' | 'replay';

/** The charts of the stress test and the sensitivity analysis (drawn from their results, not from a run's). */
export type AnalysisChartName = 'exposure' | 'survival' | 'tornado';
