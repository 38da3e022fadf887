/**
 * A list of reference ids (`refs` of nodes, disruptions, strategies and the optimiser; an assumption's
 * `references`) as a checklist of the scenario's references, each by its id and title. The ones cited
 * come first, in the order of the list, so what a figure rests on reads at a glance; an id that names
 * no reference stays shown and ticked, marked "(missing)", until the user unticks it. Ticking adds an
 * id at the end and unticking removes it where it was: the form never reorders what it did not touch.
 */
import { el } from './dom.ts';
import type { FormContext } from './form-context.ts';
import './refs-field.css';

/** The checklist for the list of ids at `path`; an emptied list is removed (every such list is optional). */
export function refsField(ctx: FormContext, path: string, value: unknown, label = 'References'): HTMLElement {
  const wrapper = el('fieldset', { class: 'field-group checks refs', 'data-path': path });
  const legend = el('legend', { class: 'field-label' });
  if (value !== undefined && !Array.isArray(value)) {
    wrapper.append(legend, el('span', { class: 'field-hint' }, 'Not a list of reference ids: edit it in the JSON view.'), el('span', { class: 'field-error', role: 'alert' }));
    legend.textContent = label;
    return wrapper;
  }
  // The list as it is, entries kept as they are (a number where an id should be stays for validation to name).
  let current: unknown[] = Array.isArray(value) ? [...value] : [];
  const cited = current.map(String);
  const known = new Map(ctx.references.map((r) => [r.value, r.title]));
  const rows = [
    ...[...new Set(cited)].map((id) => ({ id, title: known.get(id), checked: true })),
    ...ctx.references.filter((r) => !cited.includes(r.value)).map((r) => ({ id: r.value, title: r.title, checked: false })),
  ];
  const count = () => (legend.textContent = `${label} (${current.length === 0 ? 'none cited' : `${current.length} cited`})`);
  count();
  const list = el('div', { class: 'refs-list' });
  for (const row of rows) {
    const box = el('input', { type: 'checkbox', value: row.id, checked: row.checked });
    box.addEventListener('change', () => {
      current = box.checked ? [...current, row.id] : current.filter((v) => String(v) !== row.id);
      count();
      ctx.edit(path, current.length === 0 ? undefined : current);
    });
    const missing = row.title === undefined;
    list.append(
      el(
        'label',
        { class: `check-row ref-row${missing ? ' missing' : ''}`, title: missing ? `No reference "${row.id}" exists` : row.title || row.id },
        box,
        el('span', { class: 'ref-id' }, row.id),
        el('span', { class: 'ref-title' }, missing ? '(missing)' : row.title || '(no title yet)'),
      ),
    );
  }
  wrapper.append(
    legend,
    rows.length === 0 ? el('span', { class: 'field-hint' }, 'The scenario has no references yet: add them under "References, assumptions and cited shares".') : list,
    el('span', { class: 'field-error', role: 'alert' }),
  );
  return wrapper;
}
