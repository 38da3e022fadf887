/**
 * The answer first: the headline's sentences (src/report/headline.ts) above every table, each number
 * marked with what it is and its exact value (data-figure, data-value), each line linking to the chart
 * or table that shows it. The links scroll within the page without touching the address bar, whose hash
 * holds the scenario being shared.
 */
import './headline-panel.css';
import type { RunResult } from '../engine/result.ts';
import type { Scenario } from '../model/schema.ts';
import { headline, type HeadlineLine } from '../report/headline.ts';
import { el, replaceChildren } from './dom.ts';

export interface HeadlinePanel {
  element: HTMLElement;
  show(result: RunResult | null, scenario: Scenario | null, complete: boolean): void;
}

/** Creates the (empty) headline panel. */
export function createHeadlinePanel(): HeadlinePanel {
  const heading = el('h2', { id: 'headline-heading' }, 'In short');
  const body = el('div', { class: 'headline-lines' });
  const element = el('section', { class: 'panel headline', 'aria-labelledby': 'headline-heading', hidden: true }, heading, body);
  return {
    element,
    show(result, scenario, complete) {
      element.hidden = !result || !scenario;
      if (!result || !scenario) return replaceChildren(body);
      const lines = headline(result, scenario).map(lineElement);
      const partial = complete ? null : el('p', { class: 'headline-partial' }, `So far: the first ${result.trials.toLocaleString('en-US')} trials.`);
      replaceChildren(body, partial, ...lines);
    },
  };
}

function lineElement(line: HeadlineLine): HTMLElement {
  const p = el('p', { class: 'headline-line', 'data-headline': line.id });
  for (const s of line.segments) {
    p.append(typeof s === 'string' ? s : el('strong', { class: 'figure', 'data-figure': s.figure, 'data-value': String(s.value) }, s.text));
  }
  const link = el('a', { href: `#${line.target}`, class: 'headline-link' }, line.targetLabel);
  link.addEventListener('click', (event) => {
    const target = document.getElementById(line.target);
    if (!target) return;
    event.preventDefault();
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    // focus moves with the view, so that keyboard and screen-reader users land where sighted users look
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  });
  p.append(' ', link);
  return p;
}
