/**
 * The charts, each in its own panel under its title, drawn from chartData(result, scenario); an
 * update replaces each chart's SVG. The charts put a <title> on every mark, which the browser shows on
 * hover; each SVG is an image named by its title and one-line reading, and its data is a table one
 * click away (data-table.ts), drawn only while open. The replay chart's panel shows only for a scenario
 * with observed series (the historical replays).
 */
import { CHART_NAMES, CHART_TITLES, CHARTS, drawnChartNames, type ChartName } from '../charts/index.ts';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { exportChartCsv } from '../export/chart-csv.ts';
import { pickStage } from '../charts/world-map-data.ts';
import type { ChainStage, WorldMapData } from '../charts/data-types.ts';
import { chartData } from '../report/chart-data.ts';
import { csvTable } from './data-table.ts';
import { el, replaceChildren } from './dom.ts';

/** The strategies of the result as options, keeping the one chosen when the new result still has it. */
function pickerOptions(select: HTMLSelectElement, result: RunResult): void {
  const chosen = select.value;
  replaceChildren(select, ...result.strategies.map((s) => el('option', { value: s.id }, s.name)));
  select.value = result.strategies.some((s) => s.id === chosen) ? chosen : result.strategies[0]?.id ?? '';
}

/** The map's stages as options, keeping the one chosen when the new data still has it, else the map's default. */
function stageOptions(select: HTMLSelectElement, data: WorldMapData): void {
  const chosen = select.value as ChainStage;
  const label = (stage: string) => `${stage.charAt(0).toUpperCase()}${stage.slice(1)}`;
  replaceChildren(select, ...data.stages.map((s) => el('option', { value: s.stage }, label(s.stage))));
  select.value = pickStage(data, chosen || undefined) ?? '';
}

export interface ChartsPanel {
  element: HTMLElement;
  show(result: RunResult | null, scenario: Scenario | null): void;
}

const MIN_WIDTH = 560;
const MAX_WIDTH = 1100;

export interface ChartsPanelOptions {
  /** a row of controls under each chart (the download buttons), made once per chart */
  toolbar?: (name: ChartName) => HTMLElement | null;
}

/** Creates the panels; charts redraw to the panel's width when the window is resized. */
export function createChartsPanel(options: ChartsPanelOptions = {}): ChartsPanel {
  const slots = new Map<ChartName, HTMLElement>();
  const figures = new Map<ChartName, HTMLElement>();
  // the charts the shown run draws; a panel of any other is hidden, so no empty panel or export is offered
  let drawn: ChartName[] = CHART_NAMES.filter((name) => name !== 'replay');
  const setDrawn = (names: ChartName[]) => {
    drawn = names;
    for (const [name, figure] of figures) figure.hidden = !names.includes(name);
  };
  const tables = new Map<ChartName, HTMLDetailsElement>();
  // The attribution chart shows one strategy at a time: the user picks which (the baseline first).
  const attributionPicker = el('select', { 'aria-label': 'Strategy whose shortfall is broken down' });
  attributionPicker.addEventListener('change', () => draw(['attribution']));
  // The map shades one stage at a time: the most concentrated first, then the user's choice.
  const stagePicker = el('select', { 'aria-label': 'Stage whose capacity shades the map' });
  stagePicker.addEventListener('change', () => draw(['worldMap']));
  const element = el(
    'section',
    { class: 'charts', 'aria-label': 'Charts' },
    ...CHART_NAMES.map((name) => {
      const slot = el('div', { class: 'chart-slot', 'data-chart-slot': name }, el('p', { class: 'notice' }, 'Waiting for the first results…'));
      slots.set(name, slot);
      const control =
        name === 'attribution'
          ? el('label', { class: 'chart-control' }, 'Strategy ', attributionPicker)
          : name === 'worldMap'
            ? el('label', { class: 'chart-control' }, 'Stage ', stagePicker)
            : null;
      const toolbar = options.toolbar?.(name) ?? null;
      const table = el('details', { class: 'chart-table', 'data-chart-table': name }, el('summary', {}, 'Data table'), el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${CHART_TITLES[name]}: data table` }));
      table.addEventListener('toggle', () => drawTable(name));
      tables.set(name, table);
      const figure = el('figure', { class: 'panel chart-panel', id: `chart-${name}`, 'data-chart-panel': name }, el('h2', { class: 'chart-heading' }, CHART_TITLES[name]), control, slot, table, toolbar);
      figure.hidden = !drawn.includes(name);
      figures.set(name, figure);
      return figure;
    }),
  );
  let last: { result: RunResult; scenario: Scenario } | null = null;
  /** The chart's data as a table while its details are open (a fulfilment table has a row per period and strategy). */
  const drawTable = (name: ChartName) => {
    const details = tables.get(name)!;
    const holder = details.querySelector('.table-scroll')!;
    if (!details.open) return replaceChildren(holder);
    if (!last) return replaceChildren(holder, el('p', { class: 'notice' }, 'Waiting for the first results…'));
    if (!drawn.includes(name)) return replaceChildren(holder);
    replaceChildren(holder, csvTable(exportChartCsv(name, last.result, last.scenario), `${CHART_TITLES[name]}: the data drawn, as in the CSV download`));
  };
  const draw = (names: ChartName[] = CHART_NAMES) => {
    if (!last) return;
    const data = chartData(last.result, last.scenario);
    setDrawn(drawnChartNames(data));
    for (const name of names) {
      const slot = slots.get(name)!;
      if (!drawn.includes(name)) {
        replaceChildren(slot);
        continue;
      }
      const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, slot.clientWidth || 720)));
      try {
        // The chart map's entries are typed per name; one name at a time is what this loop can state.
        const render = CHARTS[name] as (d: unknown, o: object) => SVGSVGElement;
        const options = { document, width, strategy: attributionPicker.value || undefined, stage: (stagePicker.value || undefined) as ChainStage | undefined };
        replaceChildren(slot, render(data[name], options));
        slot.parentElement!.classList.add('has-chart');
      } catch (error) {
        slot.parentElement!.classList.remove('has-chart');
        // One chart that cannot draw these numbers must not take the other four down with it.
        replaceChildren(slot, el('p', { class: 'notice error' }, `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
  };
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastWidth = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const width = element.clientWidth;
      if (Math.abs(width - lastWidth) > 40) draw();
      lastWidth = width;
    }, 250);
  });
  return {
    element,
    show(result, scenario) {
      last = result && scenario ? { result, scenario } : null;
      // before a result, the replay panel waits only for a scenario that will draw it
      if (!last) setDrawn(CHART_NAMES.filter((name) => name !== 'replay' || ((scenario?.observed ?? []).length > 0 && !!scenario?.monthZero)));
      if (result) pickerOptions(attributionPicker, result);
      if (result && scenario) stageOptions(stagePicker, chartData(result, scenario).worldMap);
      lastWidth = element.clientWidth;
      draw();
      CHART_NAMES.forEach(drawTable);
    },
  };
}
