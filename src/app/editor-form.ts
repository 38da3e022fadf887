/**
 * The form over every field of the scenario format (model.md section 1 and docs/model.md's extensions),
 * one section per part: run settings, the scenario's identity, nodes, disruptions, strategies, the
 * optimiser, routes, the evidence (references, assumptions, cited shares) and, for a historical replay,
 * its observed series and comparisons. Items are added and removed here; the JSON view stays for bulk
 * edits.
 *
 * The form is rebuilt from the data when the JSON changes and when an edit changes its shape (an item
 * added or removed, a kind switched); an edit of a value leaves it as it is, so typing is never
 * interrupted. A rebuild keeps the sections open that were open and puts the focus back where it
 * belongs (the control that was used, the new item, the Add button after a removal).
 */
import { el, replaceChildren } from './dom.ts';
import { formContext, isObj, type Obj } from './form-context.ts';
import type { EditHandler } from './form-fields.ts';
import { comparisonsContent } from './form-comparisons.ts';
import { disruptionsContent } from './form-disruptions.ts';
import { evidenceContent } from './form-evidence.ts';
import { nodesContent } from './form-nodes.ts';
import { newSeries, observedContent } from './form-observed.ts';
import { optimiseContent } from './form-optimise.ts';
import { identityContent, routesContent, runContent } from './form-scenario.ts';
import { strategiesContent } from './form-strategies.ts';
import { addButton } from './form-list.ts';
import { setAt } from './json-pointer.ts';

export interface EditorForm {
  element: HTMLElement;
  /** rebuilds the form from the scenario's data; a notice when it is not a scenario object */
  render(data: unknown): void;
}

/** Creates the form; every edit is reported as (pointer, value), undefined removing a field. */
export function createEditorForm(onEdit: EditHandler): EditorForm {
  const element = el('form', { class: 'editor-form', novalidate: true, 'aria-label': 'Scenario editor' });
  element.addEventListener('submit', (event) => event.preventDefault());
  // The form's own copy of the data, kept in step with every edit, so a change of shape builds on the latest values.
  let data: Obj = {};
  const edit: EditHandler = (path, value) => {
    // A copy: the value also goes into the draft, and later edits of the form's data must not reach it.
    setAt(data, path, structuredClone(value));
    onEdit(path, value);
  };
  const change = (path: string, value: unknown, focus?: string) => {
    const key = focus ?? focusKeyOf(document.activeElement);
    edit(path, value);
    render(data);
    if (key) restoreFocus(element, key);
  };
  const render = (next: unknown) => {
    if (!isObj(next)) {
      replaceChildren(element, el('p', { class: 'notice' }, 'The JSON below is not a scenario object yet; fix it there and the form comes back.'));
      return;
    }
    data = structuredClone(next);
    const open = new Set([...element.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-section')));
    const ctx = formContext(data, edit, change);
    // A replay's section is there when the scenario has its data, and stays while the user works in it.
    const replay = 'observed' in data || 'comparisons' in data || open.has('replay');
    replaceChildren(
      element,
      section('run', 'Run settings', true, runContent(ctx)),
      section('scenario', 'Scenario: name, unit, currency', false, identityContent(ctx)),
      section('nodes', 'Nodes and sourcing', false, nodesContent(ctx)),
      section('disruptions', 'Disruptions', false, disruptionsContent(ctx)),
      section('strategies', 'Strategies', false, strategiesContent(ctx)),
      section('optimise', 'Optimiser: target and decision variables', false, optimiseContent(ctx)),
      section('routes', 'Shipping routes', false, routesContent(ctx)),
      section('evidence', 'References, assumptions and cited shares', false, evidenceContent(ctx)),
      replay
        ? section('replay', 'Replay: observed and comparisons', false, [...observedContent(ctx), ...comparisonsContent(ctx)])
        : el(
            'div',
            { class: 'form-foot' },
            addButton('Add replay data: observed series and comparisons', '/observed', () => ctx.change('/observed', [newSeries(ctx, [])], '/observed/0')),
          ),
    );
    for (const details of element.querySelectorAll('details')) if (open.has(details.getAttribute('data-section'))) details.open = true;
  };
  return { element, render };
}

function section(id: string, title: string, open: boolean, content: HTMLElement[]): HTMLElement {
  return el('details', { class: 'form-section', 'data-section': id, open }, el('summary', {}, title), el('div', { class: 'section-body' }, ...content));
}

/** What finds an element again after a rebuild: its data-focus, else its data-path. */
function focusKeyOf(active: Element | null): string | undefined {
  if (!(active instanceof HTMLElement)) return undefined;
  return active.dataset.focus ?? active.dataset.path;
}

/** Focuses the element with that key, or the first control inside it (a new item's card). */
function restoreFocus(form: HTMLElement, key: string): void {
  const escaped = CSS.escape(key);
  const target = form.querySelector<HTMLElement>(`[data-focus="${escaped}"]`) ?? form.querySelector<HTMLElement>(`[data-path="${escaped}"]`);
  if (!target) return;
  const control = target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  control?.focus();
}
