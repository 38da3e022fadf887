/**
 * The run as one self-contained HTML report: what was run and how to reproduce it, the numbers with
 * their 95% intervals, every chart as inline SVG, and the scenario's assumptions and sources. No
 * scripts, no external requests (a Content-Security-Policy says so to the browser), a print
 * stylesheet for A4, so that "Print to PDF" gives the paper version.
 */
import { CHART_TITLES, drawnChartNames, type ChartDataMap } from '../charts/index.ts';
import type { RunResult, StrategyResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { chartData } from '../report/chart-data.ts';
import { headline } from '../report/headline.ts';
import { millions, moneyTotal, perUnitNumber, perUnitUnit, totalUnit } from '../charts/money.ts';
import { chartSvgFromData } from './chart-svg.ts';
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import { optimiseSection } from './report-optimise.ts';
import { comparisonsSection } from './report-comparisons.ts';
import { code, escapeHtml, Html, link, table, type Cell } from './html.ts';
import { REPORT_CSS } from './report-style.ts';
import type { Analyses } from './analysis-files.ts';
import { analysisSections } from './report-analyses.ts';
import { distributionText, durationText, impactText, leverText, monthsText, num, occurrenceText, pct, targetText } from './scenario-text.ts';

export interface ReportOptions {
  /** the document the charts render on (the browser's, or jsdom's in Node) */
  document: Document;
  /** the version of this software, from package.json */
  appVersion: string;
  /** when the report was made; a string is printed as given */
  date: Date | string;
  /** chart data already computed for this result (the bundle shares it); computed if absent */
  data?: ChartDataMap;
  /** an optimisation whose confirmation run this result is: its section follows the headline */
  optimise?: OptimiseResult;
  /** the stress test and sensitivity analysis of the same scenario, when run (issue 12) */
  analyses?: Analyses;
}

// Only inline styles; no script, image, font or connection may load. Links still open when clicked.
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The whole report as HTML text. */
export function reportHtml(result: RunResult, scenario: Scenario, options: ReportOptions): string {
  const data = options.data ?? chartData(result, scenario);
  const title = `${scenario.name}: supply resilience report`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="minerals-resilience ${escapeHtml(options.appVersion)}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(scenario.name)}</h1>
${scenario.description ? `<p class="lead">${escapeHtml(scenario.description)}</p>` : ''}
<p class="note">Supply resilience report: ${escapeHtml(result.trials)} Monte Carlo trials per strategy, seed ${escapeHtml(result.seed)}, made ${escapeHtml(dateText(options.date))}.</p>
</header>
${headlineSection(result, scenario)}
${options.optimise ? optimiseSection(options.optimise, options.document) : ''}
${reproduceSection(result, scenario, options)}
${resultsSection(result, scenario)}
${comparisonsSection(result, scenario)}
${chartsSection(data, options.document)}
${analysisSections(options.analyses, result.scenario.hash, options.document)}
${scenarioSection(scenario)}
${sourcesSection(scenario)}
<footer>Made with minerals-resilience ${escapeHtml(options.appVersion)}. Every number is an estimate from a finite number of trials; intervals are 95% confidence intervals of the mean over trials.</footer>
</main>
</body>
</html>
`;
}

/** A date as "2026-05-01 14:03 UTC", so reports from any time zone compare. */
function dateText(date: Date | string): string {
  if (typeof date === 'string') return date;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// ---- the answer first -------------------------------------------------------------------------

/** The headline's sentences, as the app shows them above its tables; each links to its chart or table below. */
function headlineSection(result: RunResult, scenario: Scenario): string {
  const lines = headline(result, scenario);
  if (lines.length === 0) return '';
  const html = lines.map((line) => {
    const text = line.segments
      .map((s) => (typeof s === 'string' ? escapeHtml(s) : `<strong data-figure="${escapeHtml(s.figure)}" data-value="${escapeHtml(String(s.value))}">${escapeHtml(s.text)}</strong>`))
      .join('');
    return `<p data-headline="${escapeHtml(line.id)}">${text} <a href="#${escapeHtml(line.target)}">${escapeHtml(line.targetLabel)}</a></p>`;
  });
  return `<section id="headline" class="headline">
<h2>In short</h2>
${html.join('\n')}
</section>`;
}

// ---- reproducibility ---------------------------------------------------------------------------

function reproduceSection(result: RunResult, scenario: Scenario, options: ReportOptions): string {
  const periodsPerYear = result.periodsPerYear === 52 ? 'weekly' : 'monthly';
  const attribution = result.strategies[0]?.attribution.trials ?? 0;
  const facts: [string, Cell][] = [
    ['Scenario', new Html(`${escapeHtml(scenario.name)} (${code(result.scenario.id).html})`)],
    ['Scenario hash', new Html(`${code(result.scenario.hash).html}<br><span class="note">SHA-256 of the scenario's canonical JSON (RFC 8785): any change to the file changes it</span>`)],
    ['Seed', code(result.seed)],
    ['Trials', `${num(result.trials)} per strategy, the same random draws for every strategy`],
    ['Attribution', attribution > 0 ? `over the first ${num(attribution)} trials` : 'not run'],
    ['Horizon', `${num(scenario.horizonMonths)} months in ${num(result.periods)} ${periodsPerYear} periods${scenario.monthZero ? `; month 0 is ${scenario.monthZero}` : ''}`],
    ['Unit', `${result.unit}; money in ${result.currency}, totals in millions (${totalUnit(result.currency)})`],
    ['Software', `minerals-resilience ${options.appVersion}`],
    ['Made', dateText(options.date)],
    ['Command line', code(commandLine(result, scenario))],
  ];
  const rows = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v instanceof Html ? v.html : escapeHtml(String(v))}</dd>`).join('\n');
  return `<section id="reproduce">
<h2>What was run, and how to reproduce it</h2>
<p class="note">The same scenario file (same hash), seed and trial count give the same numbers on any machine and any number of workers.</p>
<dl class="facts">
${rows}
</dl>
</section>`;
}

/** The command that gives the same numbers: trials, seed, the strategies if not all were run, attribution off if it was. */
function commandLine(result: RunResult, scenario: Scenario): string {
  const args = [`npm run simulate -- ${result.scenario.id}.json`, `--trials ${result.trials}`, `--seed ${shellWord(String(result.seed))}`];
  const run = new Set(result.strategies.map((s) => s.id));
  const all = (scenario.strategies ?? []).map((s) => s.id);
  if (all.some((id) => !run.has(id))) args.push(...result.strategies.slice(1).map((s) => `--strategy ${s.id}`));
  if ((result.strategies[0]?.attribution.trials ?? 0) === 0) args.push('--no-attribution');
  return args.join(' ');
}

const shellWord = (s: string): string => (/^[A-Za-z0-9._-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

// ---- results -----------------------------------------------------------------------------------

/** A number with `digits` decimals and thousands separators; a dash for null or NaN. */
function fixed(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// The interval goes on a line of its own under the mean, so that wide tables still fit a page.
const interval = (mean: number, ci: [number, number], digits: number): Html =>
  new Html(`${escapeHtml(fixed(mean, digits))} <span class="ci">[${escapeHtml(fixed(ci[0], digits))}, ${escapeHtml(fixed(ci[1], digits))}]</span>`);

// Totals in millions: the interval's ends take the mean's decimals, so the three line up.
const moneyInterval = (mean: number, ci: [number, number]): Html => {
  const digits = millions(mean).split('.')[1]?.length ?? 0;
  return new Html(`${escapeHtml(millions(mean, digits))} <span class="ci">[${escapeHtml(millions(ci[0], digits))}, ${escapeHtml(millions(ci[1], digits))}]</span>`);
};

const prob = (p: number): string => (Number.isFinite(p) ? `${fixed(100 * p, 1)}%` : '–');

const strategyName = (s: StrategyResult): Html => new Html(`${escapeHtml(s.name)}<br>${code(s.id).html}`);

function resultsSection(result: RunResult, scenario: Scenario): string {
  const { unit, currency } = result;
  const metrics = table({
    caption: 'Shortfall and cost by strategy',
    head: [
      'Strategy', `Mean shortfall (${unit}) [95% interval]`, 'Mean shortfall, % of demand [95% interval]', 'P95 %', 'CVaR 95 %',
      'P(any shortfall)', 'Median time to recover (months)', `Mean cost (${totalUnit(currency)}) [95% interval]`,
    ],
    numeric: [1, 2, 3, 4, 5, 6, 7],
    rowHeaders: true,
    rows: result.strategies.map((s) => [
      strategyName(s),
      interval(s.metrics.shortfall.mean, s.metrics.shortfall.ci95, 1),
      interval(s.metrics.shortfallPct.mean, s.metrics.shortfallPct.ci95, 2),
      fixed(s.metrics.shortfallPct.p95, 2),
      fixed(s.metrics.shortfallPct.cvar95, 2),
      prob(s.metrics.probShortfall),
      fixed(s.metrics.ttr.p50, 1),
      moneyInterval(s.metrics.cost.mean, s.metrics.cost.ci95),
    ]),
  });
  const others = result.strategies.slice(1);
  const baseline = result.strategies[0];
  const comparison =
    others.length === 0
      ? '<p class="note">Only the baseline was run, so there is no comparison.</p>'
      : `${table({
          caption: 'Each strategy against the baseline, trial by trial (paired)',
          head: [
            'Strategy', `Change in shortfall (${unit}) [95% interval]`, 'Change (points of %) [95% interval]', 'P(better)', 'P(tie)',
            `Cost per ${unit} avoided (${perUnitUnit(currency, unit)})`, 'On the cost–shortfall frontier',
          ],
          numeric: [1, 2, 3, 4, 5, 6],
          rowHeaders: true,
          rows: others.map((s) => {
            const vs = s.vsBaseline!;
            return [
              strategyName(s),
              interval(vs.shortfall.mean, vs.shortfall.ci95, 1),
              interval(vs.shortfallPct.mean, vs.shortfallPct.ci95, 2),
              prob(vs.probBetter),
              prob(vs.probTie),
              perUnitNumber(vs.costPerUnitAvoided),
              vs.onFrontier ? 'yes' : 'no',
            ];
          }),
        })}
<p class="note">Negative changes are shortfall avoided. P(better): the share of trials in which the strategy has less shortfall than the baseline in the same trial. Cost per ${escapeHtml(unit)} avoided: the extra mean cost over the mean shortfall avoided (a dash when none is avoided). On the frontier: no other strategy is both cheaper and more resilient. Costs are per trial over the whole horizon, undiscounted; baseline mean cost ${escapeHtml(moneyTotal(baseline.metrics.cost.mean, currency))}.</p>`;
  return `<section id="results">
<h2>Results</h2>
${metrics}
<p class="note">Shortfall is demand the makers could not meet over the whole horizon, per trial. P95 and CVaR 95: the shortfall (% of demand) that 1 trial in 20 exceeds, and the mean of those worst trials.</p>
${comparison}
${makersTable(result)}
${survivalTable(result)}
</section>`;
}

/** Each maker's own shortfall under each strategy: % of its demand with the 95% interval, and P(any shortfall). */
function makersTable(result: RunResult): string {
  const makers = Object.entries(result.strategies[0]?.metrics.byMaker ?? {});
  if (makers.length === 0) return '';
  // the id is the headline's link target, as in the app
  return `<div id="metrics-makers">${table({
    caption: "Each maker's own shortfall: % of its demand [95% interval], and P(any shortfall)",
    head: ['Maker', ...result.strategies.map((s) => s.name)],
    numeric: result.strategies.map((_, i) => i + 1),
    rowHeaders: true,
    rows: makers.map(([id, m]) => [
      new Html(`${escapeHtml(m.name)} (${escapeHtml(m.country)})<br>${code(id).html}`),
      ...result.strategies.map((s): Cell => {
        const mm = s.metrics.byMaker[id];
        if (!mm) return null;
        return new Html(`${interval(mm.shortfallPct.mean, mm.shortfallPct.ci95, 2).html}<span class="ci">P(any) ${escapeHtml(prob(mm.probShortfall))}</span>`);
      }),
    ]),
  })}</div>`;
}

/** Time to survive per maker and strategy (months until fulfilment falls below 95% once its main source is cut). */
function survivalTable(result: RunResult): string {
  const makers = Object.keys(result.strategies[0]?.metrics.tts ?? {});
  if (makers.length === 0) return '';
  const names = result.strategies[0].metrics.byMaker;
  return table({
    caption: 'Time to survive (months): how long each maker keeps 95% fulfilment once its main source is cut',
    head: ['Strategy', ...makers.map((id) => names[id]?.name ?? id)],
    numeric: makers.map((_, i) => i + 1),
    rowHeaders: true,
    rows: result.strategies.map((s) => [strategyName(s), ...makers.map((m) => fixed(s.metrics.tts[m] ?? null, 1))]),
  });
}

// ---- charts ------------------------------------------------------------------------------------

function chartsSection(data: ChartDataMap, document: Document): string {
  const figures = drawnChartNames(data).map((name) => {
    // Inline SVG in HTML takes no XML declaration.
    const svg = chartSvgFromData(name, data, { document }).replace(/^<\?xml[^>]*\?>\s*/, '');
    return `<figure class="chart" id="chart-${name}" data-chart-figure="${name}">
<figcaption>${escapeHtml(CHART_TITLES[name])}</figcaption>
${svg}</figure>`;
  }).join('\n');
  return `<section id="charts" class="major">
<h2>Charts</h2>
${figures}
</section>`;
}

// ---- the scenario's assumptions ---------------------------------------------------------------

function scenarioSection(scenario: Scenario): string {
  const unit = scenario.unit;
  const currency = scenario.currency ?? 'USD';
  const named = (name: string | undefined, id: string): Html => new Html(`${name ? `${escapeHtml(name)}<br>` : ''}${code(id).html}`);
  const nodes = table({
    caption: `Nodes of the value chain (capacity in ${unit} per year)`,
    head: ['Node', 'Stage', 'Country', 'Capacity', 'Sourcing shares', 'Demand', 'Inventory', 'Other'],
    numeric: [3],
    rowHeaders: true,
    rows: scenario.nodes.map((n) => [
      named(n.name, n.id),
      n.stage,
      n.country,
      num(n.capacity),
      n.sources?.length
        ? new Html(n.sources.map((s) => escapeHtml(`${s.from} ${pct(s.share)}${s.route ? ` via ${s.route}` : ''}${s.transitMonths ? `, ${monthsText(s.transitMonths)} in transit` : ''}`)).join('<br>'))
        : null,
      n.demand !== undefined ? `${num(n.demand)} ${unit}/year${n.growth ? `, growing ${pct(n.growth)} a year` : ''}${n.demandNoise !== undefined ? `, noise ${distributionText(n.demandNoise)}` : ''}${n.demandExpression ? `, ${n.demandExpression}` : ''}` : null,
      n.inventory ? `${num(n.inventory.opening)} (max ${num(n.inventory.max)})` : null,
      [
        n.yield !== undefined && `yield ${pct(n.yield)}`,
        n.unitCost !== undefined && `unit cost ${num(n.unitCost)} ${perUnitUnit(currency, unit)}`,
        n.successProbability !== undefined && `success ${pct(n.successProbability)}`,
        n.leadTimeMonths !== undefined && `lead time ${monthsText(n.leadTimeMonths)}`,
        n.rampMonths !== undefined && `ramp-up ${monthsText(n.rampMonths)}`,
      ].filter(Boolean).join('; ') || null,
    ]),
  });
  const routes = scenario.routes?.length
    ? table({ caption: 'Shipping routes (chokepoints)', head: ['Route', 'Name'], rowHeaders: true, rows: scenario.routes.map((r) => [code(r.id), r.name ?? null]) })
    : '';
  const disruptions = scenario.disruptions?.length
    ? table({
        caption: 'Disruptions',
        head: ['Disruption', 'Target', 'Occurrence', 'Duration', 'Severity or change'],
        rowHeaders: true,
        rows: scenario.disruptions.map((d) => [
          new Html(`${named(d.name, d.id).html}${d.description ? `<br><span class="note">${escapeHtml(d.description)}</span>` : ''}`),
          targetText(d.target),
          occurrenceText(d),
          durationText(d),
          impactText(d),
        ]),
      })
    : '<p class="note">The scenario has no disruptions.</p>';
  const strategies = table({
    caption: `Strategies and their costs (${totalUnit(currency)})`,
    head: ['Strategy', 'Levers', `Capital cost (${totalUnit(currency)})`, `Operating cost per year (${totalUnit(currency)})`],
    numeric: [2, 3],
    rowHeaders: true,
    rows: [
      [named('Baseline', 'baseline'), 'none: the chain as it is', '0', '0'],
      ...(scenario.strategies ?? []).map((s): Cell[] => [
        new Html(`${named(s.name, s.id).html}${s.description ? `<br><span class="note">${escapeHtml(s.description)}</span>` : ''}`),
        new Html(s.levers.map((l) => escapeHtml(leverText(l, unit, currency))).join('<br>') || 'none'),
        millions(s.cost?.capex ?? 0),
        millions(s.cost?.opexPerYear ?? 0),
      ]),
    ],
  });
  const shares = Object.entries(scenario.stageShares ?? {});
  const stageShares = shares.length
    ? table({
        caption: 'Stage shares by country used for the dependence indicators',
        head: ['Stage', 'Shares', 'Source'],
        rowHeaders: true,
        rows: shares.map(([stage, s]) => [
          stage,
          Object.entries(s!.shares).map(([c, f]) => `${c} ${pct(f)}`).join(', '),
          new Html(`<a href="#ref-${escapeHtml(s!.reference)}">${escapeHtml(s!.reference)}</a>`),
        ]),
      })
    : '';
  return `<section id="scenario" class="major">
<h2>The scenario's assumptions</h2>
<p class="note">Unit ${escapeHtml(unit)}; horizon ${escapeHtml(num(scenario.horizonMonths))} months; a range of values is drawn anew in every trial.</p>
${nodes}
${routes}
${disruptions}
${strategies}
${stageShares}
</section>`;
}

function sourcesSection(scenario: Scenario): string {
  const refs = scenario.references ?? [];
  const assumptions = scenario.assumptions ?? [];
  const references = refs.length
    ? `<table><caption>References</caption><thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Accessed</th><th scope="col">Note</th></tr></thead>
<tbody>
${refs
  .map((r) => `<tr id="ref-${escapeHtml(r.id)}"><th scope="row">${code(r.id).html}</th><td>${link(r.url, r.title).html}</td><td>${escapeHtml(r.accessed ?? '–')}</td><td>${escapeHtml(r.note ?? '–')}</td></tr>`)
  .join('\n')}
</tbody></table>`
    : '<p class="note">The scenario lists no references.</p>';
  const stated = assumptions.length
    ? table({
        caption: 'Stated assumptions',
        head: ['Assumption', 'Why', 'References'],
        rows: assumptions.map((a) => [
          a.text,
          a.reason,
          a.references?.length ? new Html(a.references.map((id) => `<a href="#ref-${escapeHtml(id)}">${escapeHtml(id)}</a>`).join(', ')) : null,
        ]),
      })
    : '<p class="note">The scenario states no assumptions.</p>';
  return `<section id="sources" class="major">
<h2>Sources and stated assumptions</h2>
${references}
${stated}
</section>`;
}
