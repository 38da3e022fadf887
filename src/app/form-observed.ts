/**
 * A historical replay's observed series (issue 11; docs/replays.md): what was reported, in which unit,
 * from which reference, the flow between countries it measures, its points (period, value, and each
 * point's own reference and note) and the point taken as its normal. The comparisons written against
 * these series are in form-comparisons.ts.
 */
import { el } from './dom.ts';
import { freshId, idsOf, isObj, list, STAGE_CHOICES, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { numberField, selectField, textAreaField, textField } from './form-fields.ts';

const PERIOD_HINT = 'YYYY-MM, YYYY-Qn, YYYY or YYYY-MM/YYYY-MM';

/** The observed series: a card each and the Add button, under a heading. */
export function observedContent(ctx: FormContext): HTMLElement[] {
  const all = ctx.data.observed;
  return [
    el('h2', { class: 'group-label' }, 'Observed series'),
    el(
      'div',
      { class: 'field-group field-stack', 'data-path': '/observed' },
      el('span', { class: 'field-error', role: 'alert' }),
      ...list(all).map((s, i) => seriesCard(ctx, s, i)),
      addButton('Add an observed series', '/observed', () => appendItem(ctx, '/observed', all, newSeries(ctx, all))),
    ),
  ];
}

/** A series to fill in: one point at month zero, the first reference, the scenario's unit a month. */
export function newSeries(ctx: FormContext, all: unknown): Obj {
  const month = typeof ctx.data.monthZero === 'string' ? ctx.data.monthZero : '';
  return { id: freshId('new-series', idsOf(all)), what: '', unit: `${ctx.unit}/month`, reference: ctx.references[0]?.value ?? '', points: [{ period: month, value: 0 }] };
}

function seriesCard(ctx: FormContext, s: unknown, i: number): HTMLElement {
  const base = `/observed/${i}`;
  if (!isObj(s)) return el('p', { class: 'notice', 'data-path': base }, `Series ${i + 1} is not an object: edit it in the JSON view.`);
  const all = ctx.data.observed;
  const points = list(s.points);
  const periods = [...new Set(points.filter(isObj).map((p) => String(p.period)))];
  const hasFlow = 'flow' in s;
  // A switch, not a value: it adds or removes the flow, and the focus stays on it.
  const flowBox = el('input', { type: 'checkbox', checked: hasFlow, 'data-focus': `flow:${base}` });
  flowBox.addEventListener('change', () =>
    ctx.change(base, flowBox.checked ? { ...s, flow: { stage: 'extraction', from: 'XX', to: 'XX' } } : withoutKey(s, 'flow'), `flow:${base}`),
  );
  const toggleFlow = el('label', { class: 'field checkbox' }, el('span', { class: 'check-row' }, flowBox, el('span', { class: 'field-label' }, "Measures a flow between countries (the chart draws the model's beside it)")));
  return itemCard(
    {
      title: String(s.id),
      subtitle: `${points.length} ${points.length === 1 ? 'point' : 'points'} in ${String(s.unit)}${isObj(s.flow) ? `, ${String(s.flow.stage)} from ${String(s.flow.from)} to ${String(s.flow.to)}` : ''}`,
      path: base,
      remove: { what: 'series', name: String(s.id), onRemove: () => removeItem(ctx, '/observed', all, i) },
    },
    el('div', { class: 'field-grid' }, textField('Id', `${base}/id`, s.id, ctx.edit), textField('Unit', `${base}/unit`, s.unit, ctx.edit, { hint: 'e.g. t/month' })),
    textAreaField('What it measures', `${base}/what`, s.what, ctx.edit),
    selectField('Reference', `${base}/reference`, s.reference, ctx.references, ctx.edit),
    toggleFlow,
    hasFlow ? flowFields(ctx, `${base}/flow`, s.flow) : null,
    el(
      'div',
      { class: 'field-group', 'data-path': `${base}/points` },
      el('span', { class: 'group-label' }, 'Points'),
      el('span', { class: 'field-error', role: 'alert' }),
      ...points.map((p, k) => pointRow(ctx, `${base}/points`, points, p, k)),
      addButton('Add a point', `${base}/points`, () => appendItem(ctx, `${base}/points`, points, { period: '', value: 0 })),
    ),
    selectField('Normal (the pre-event level)', `${base}/normal`, s.normal, periods.map((p) => ({ value: p, label: `the point of ${p}` })), ctx.edit, {
      optional: true,
      noneLabel: 'none: the chart draws no % of normal',
      hint: 'comparisons divide by it; the chart draws every point as % of it',
    }),
  );
}

/** One reported point: its period and value, and where it comes from when not from the series' reference. */
function pointRow(ctx: FormContext, path: string, points: unknown[], p: unknown, k: number): HTMLElement {
  const at = `${path}/${k}`;
  const point = isObj(p) ? p : {};
  const remove = el('button', { type: 'button', class: 'link remove', 'aria-label': `Remove point ${k + 1}`, 'data-focus': `remove:${at}` }, 'Remove point');
  remove.addEventListener('click', () => removeItem(ctx, path, points, k, false));
  return el(
    'div',
    { class: 'source-row field-group', 'data-path': at },
    el(
      'div',
      { class: 'field-grid' },
      textField(`Point ${k + 1}: period`, `${at}/period`, point.period, ctx.edit, { placeholder: 'YYYY-MM', hint: k === 0 ? PERIOD_HINT : undefined }),
      numberField('Value', `${at}/value`, point.value, ctx.edit),
      selectField('Reference', `${at}/reference`, point.reference, ctx.references, ctx.edit, { optional: true, noneLabel: "the series' own" }),
      textField('Note', `${at}/note`, point.note, ctx.edit, { optional: true }),
    ),
    remove,
    el('span', { class: 'field-error', role: 'alert' }),
  );
}

/** Which flow between countries: shipments from nodes of a stage in one country to buyers in another ("*": any other). */
export function flowFields(ctx: FormContext, path: string, flow: unknown): HTMLElement {
  const f = isObj(flow) ? flow : {};
  const country = (label: string, key: string) =>
    textField(label, `${path}/${key}`, f[key], ctx.edit, { maxLength: 2, parse: (t) => t.toUpperCase(), hint: key === 'to' ? '"*": any other country' : undefined });
  return el(
    'div',
    { class: 'field-group', 'data-path': path },
    el('span', { class: 'group-label' }, 'Flow'),
    el('span', { class: 'field-error', role: 'alert' }),
    el('div', { class: 'field-grid thirds' }, selectField('From stage', `${path}/stage`, f.stage, STAGE_CHOICES, ctx.edit), country('From country', 'from'), country('To country', 'to')),
  );
}

function withoutKey(o: Obj, key: string): Obj {
  const { [key]: _gone, ...rest } = o;
  return rest;
}
