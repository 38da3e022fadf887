/** The editor's strategies: name and description, their levers of every kind, and their cost. */
import { el } from './dom.ts';
import { freshId, idsOf, isObj, list, strategyContext, type FormContext } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { fieldGridGroup, numberField, textAreaField, textField } from './form-fields.ts';
import { refsField } from './refs-field.ts';
import { LEVER_KINDS, leverFields, newLever } from './form-levers.ts';

/** The strategies section's content: one card per strategy and the Add button. */
export function strategiesContent(ctx: FormContext): HTMLElement[] {
  const all = ctx.data.strategies;
  return [
    ...list(all).map((s, i) => strategyCard(ctx, s, i)),
    addButton('Add a strategy', '/strategies', () => appendItem(ctx, '/strategies', all, { id: freshId('new-strategy', idsOf(all)), levers: [] })),
  ];
}

function strategyCard(all: FormContext, s: unknown, i: number): HTMLElement {
  const base = `/strategies/${i}`;
  if (!isObj(s)) return el('p', { class: 'notice', 'data-path': base }, `Strategy ${i + 1} is not an object: edit it in the JSON view.`);
  const ctx = strategyContext(all, s);
  const strategies = ctx.data.strategies;
  const levers = s.levers;
  const cost = isObj(s.cost) ? s.cost : {};
  // Cost fields edit one object: both emptied, the cost is removed.
  let currentCost = { ...cost };
  const costEdit = (path: string, value: unknown) => {
    const key = path.slice(path.lastIndexOf('/') + 1);
    currentCost = { ...currentCost, [key]: value };
    if (value === undefined) delete currentCost[key];
    ctx.edit(`${base}/cost`, Object.keys(currentCost).length === 0 ? undefined : currentCost);
  };
  const kind = el('select', { 'data-focus': `kind:${base}/levers` }, ...LEVER_KINDS.map((k) => el('option', { value: k.value }, k.label)));
  const add = addButton('Add this lever', `${base}/levers`, () => appendItem(ctx, `${base}/levers`, levers, newLever(ctx, kind.value)));
  return itemCard(
    {
      title: String(s.name ?? s.id),
      subtitle: list(levers).length === 0 ? 'no levers' : list(levers).map((l) => LEVER_KINDS.find((k) => isObj(l) && k.value in l)?.label ?? '?').join(', '),
      path: base,
      remove: { what: 'strategy', name: String(s.id), onRemove: () => removeItem(ctx, '/strategies', strategies, i) },
    },
    el(
      'div',
      { class: 'field-grid' },
      textField('Id', `${base}/id`, s.id, ctx.edit),
      textField('Name', `${base}/name`, s.name, ctx.edit, { optional: true, placeholder: String(s.id ?? '') }),
    ),
    textAreaField('Description', `${base}/description`, s.description, ctx.edit, { optional: true }),
    el(
      'div',
      { class: 'field-group', 'data-path': `${base}/levers` },
      el('span', { class: 'field-error', role: 'alert' }),
      ...list(levers).map((lever, j) => leverFields(ctx, lever, `${base}/levers/${j}`, levers, j)),
      el('div', { class: 'button-row add-lever' }, el('label', { class: 'field' }, el('span', { class: 'field-label' }, 'Another lever'), kind), add),
    ),
    fieldGridGroup(
      `${base}/cost`,
      numberField(`Capex (${ctx.currency})`, `${base}/cost/capex`, cost.capex, costEdit, { optional: true, placeholder: '0' }),
      numberField(`Opex a year (${ctx.currency})`, `${base}/cost/opexPerYear`, cost.opexPerYear, costEdit, { optional: true, placeholder: '0' }),
    ),
    refsField(ctx, `${base}/refs`, s.refs),
  );
}
