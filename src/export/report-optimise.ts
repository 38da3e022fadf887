/** The report's section on an optimisation: the target, the strategy found with its intervals, how it was searched, the frontier. */
import type { OptimiseResult } from '../analysis/optimise-result.ts';
import { moneyTotal, totalUnit, millions } from '../charts/money.ts';
import { frontierSvg } from './optimise-files.ts';
import { code, escapeHtml, Html, table } from './html.ts';
import { leverText, num } from './scenario-text.ts';

const fixed = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

/** The section, with the frontier chart inline. */
export function optimiseSection(result: OptimiseResult, document: Document): string {
  const show = (v: number) => (result.target.statistic === 'probAbove' ? `${fixed(100 * v, 1)}%` : fixed(v));
  const found = result.candidates[result.found.candidate];
  const verdict = result.found.meetsTarget
    ? result.found.confirmed
      ? 'It meets the target with 95% confidence (the upper end of its interval is within the bound).'
      : 'Its estimate meets the target, but not with 95% confidence: the upper end of its interval is above the bound.'
    : 'No candidate meets the target; this is the cheapest of those that come closest.';
  const safer = result.saferCandidate !== null ? `<p>The cheapest candidate that meets the target with 95% confidence is ${escapeHtml(result.candidates[result.saferCandidate].label)}, at ${escapeHtml(moneyTotal(result.candidates[result.saferCandidate].cost.mean, result.currency))}.</p>` : '';
  const levers = result.found.strategy.levers.map((l) => `<li>${escapeHtml(leverText(l, result.unit, result.currency))}</li>`).join('');
  const svg = frontierSvg(result, document).replace(/^<\?xml[^>]*\?>\s*/, '');
  const rungs = result.method.rungs.map((r) => `${num(r.candidates)} on ${num(r.trials)} trials`).join(', then ');
  const frontier = result.candidates
    .filter((c, i) => c.onFrontier || i === result.found.candidate)
    .sort((a, b) => a.cost.mean - b.cost.mean);
  return `<section id="optimise" class="major">
<h2>The cheapest strategy that meets the target</h2>
<p>Target: <strong>${escapeHtml(result.target.text)}</strong>. ${result.found.meetsTarget ? 'Found' : 'Closest'}: <strong>${escapeHtml(found.label)}</strong> (${code(result.found.strategy.id).html}), ${escapeHtml(result.target.statistic === 'probAbove' ? 'probability' : 'statistic')} ${escapeHtml(show(found.target.value))} [${escapeHtml(show(found.target.ci95[0]))}, ${escapeHtml(show(found.target.ci95[1]))}], expected total cost ${escapeHtml(moneyTotal(found.cost.mean, result.currency))} [${escapeHtml(millions(found.cost.ci95[0]))}, ${escapeHtml(millions(found.cost.ci95[1]))}] (capex ${escapeHtml(moneyTotal(found.capex, result.currency))}, opex ${escapeHtml(moneyTotal(found.opexPerYear, result.currency))} a year). ${verdict}</p>
${safer}
<ul>${levers}</ul>
<p class="note">${num(result.candidates.length)} candidates, every one on the same trials and random streams (common random numbers): ${escapeHtml(rungs)} (${result.method.design === 'grid' ? 'the whole grid of sizes first' : 'a Halton design over the grid first, refined by neighbours'}; each rung keeps only the candidates that can still be the answer or lie on the frontier). Seed ${code(result.seed).html}, reproduced by ${code(`npm run simulate -- ${result.scenario.id}.json --optimise --trials ${result.trials} --seed ${result.seed}`).html}.</p>
<figure class="chart" id="chart-frontier" data-chart-figure="frontier">
<figcaption>Cost against risk: the optimiser’s frontier</figcaption>
${svg}</figure>
${table({
  caption: 'The frontier: no candidate is both cheaper and better',
  head: ['Candidate', 'Trials', `Expected total cost (${totalUnit(result.currency)}) [95% interval]`, `${result.target.text.replace(/ ≤ .*/, '')} [95% interval]`, 'Target'],
  numeric: [1, 2, 3],
  rowHeaders: true,
  rows: frontier.map((c) => [
    c === found ? new Html(`<strong>${escapeHtml(c.label)}</strong>`) : c.label,
    num(c.trials),
    new Html(`${escapeHtml(millions(c.cost.mean))} <span class="ci">[${escapeHtml(millions(c.cost.ci95[0]))}, ${escapeHtml(millions(c.cost.ci95[1]))}]</span>`),
    new Html(`${escapeHtml(show(c.target.value))} <span class="ci">[${escapeHtml(show(c.target.ci95[0]))}, ${escapeHtml(show(c.target.ci95[1]))}]</span>`),
    c.status === 'met' ? 'met (95%)' : c.status === 'not-met' ? 'not met (95%)' : 'uncertain',
  ]),
})}
</section>`;
}
