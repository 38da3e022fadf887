/**
 * A historical replay's comparisons (issue 11; docs/replays.md): what the model's flow is checked against,
 * written down before the first run. The measure makes the kind (first-below and first-recovered a
 * timing, window-mean a size, direction a direction), and the kind the shape of the observed value and
 * of the tolerance: switching either reshapes the comparison in place, keeping every value that still
 * fits and adding what the new measure needs (a threshold, a window).
 */
import { el } from './dom.ts';
import { freshId, idsOf, isObj, list, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { checkboxField, fieldGridGroup, monthField, numberField, objectFieldsEdit, selectField, textAreaField, textField, type Choice } from './form-fields.ts';
import { flowFields } from './form-observed.ts';

const KINDS: Choice[] = [
  { value: 'timing', label: 'timing (a month)' },
  { value: 'size', label: 'size (a fraction)' },
  { value: 'direction', label: 'direction' },
];

/** Each measure, its label and the kind of comparison it makes. */
const MEASURES: (Choice & { kind: string })[] = [
  { value: 'first-below', label: 'first month below a threshold', kind: 'timing' },
  { value: 'first-recovered', label: 'first month recovered above a threshold', kind: 'timing' },
  { value: 'window-mean', label: 'mean over a window', kind: 'size' },
  { value: 'direction', label: 'direction over a window', kind: 'direction' },
];

/** The tolerance each kind takes, with a starting value. */
const TOLERANCES: Record<string, [string, unknown]> = { timing: ['months', 1], size: ['absolute', 0.1], direction: ['exact', true] };

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The hint of a field the measure does not use (kept when the measure was switched: the user may switch back). */
const unused = 'this measure does not use it: empty it to remove it';

/** The comparisons: a card each and the Add button, under a heading. */
export function comparisonsContent(ctx: FormContext): HTMLElement[] {
  const all = ctx.data.comparisons;
  const series = list(ctx.data.observed).filter(isObj);
  return [
    el('h2', { class: 'group-label' }, 'Comparisons'),
    el(
      'div',
      { class: 'field-group field-stack', 'data-path': '/comparisons' },
      el('span', { class: 'field-error', role: 'alert' }),
      ...list(all).map((c, i) => comparisonCard(ctx, c, i)),
      addButton('Add a comparison', '/comparisons', () =>
        appendItem(ctx, '/comparisons', all, {
          id: freshId('new-comparison', idsOf(all)),
          kind: 'timing',
          observedSeries: String(series[0]?.id ?? ''),
          flow: isObj(series[0]?.flow) ? series[0].flow : { stage: 'extraction', from: 'XX', to: 'XX' },
          measure: 'first-below',
          threshold: 0.5,
          observed: typeof ctx.data.monthZero === 'string' ? ctx.data.monthZero : '',
          derivation: '',
          tolerance: { months: 1 },
        }),
      ),
    ),
  ];
}

function comparisonCard(ctx: FormContext, c: unknown, i: number): HTMLElement {
  const base = `/comparisons/${i}`;
  if (!isObj(c)) return el('p', { class: 'notice', 'data-path': base }, `Comparison ${i + 1} is not an object: edit it in the JSON view.`);
  const all = ctx.data.comparisons;
  const measure = MEASURES.find((m) => m.value === c.measure);
  const series = list(ctx.data.observed).filter(isObj).map((s) => ({ value: String(s.id), label: String(s.id) }));
  const strategies = list(ctx.data.strategies).filter(isObj).map((s) => ({ value: String(s.id), label: String(s.name ?? s.id) }));
  const needsThreshold = c.measure === 'first-below' || c.measure === 'first-recovered';
  const needsWindow = c.measure === 'window-mean' || c.measure === 'direction';
  const window = isObj(c.window) ? c.window : {};
  const windowEdit = objectFieldsEdit(`${base}/window`, c.window, ctx.edit);
  return itemCard(
    {
      title: String(c.id),
      subtitle: `${String(c.kind)}: ${measure?.label ?? String(c.measure)}; observed ${String(c.observed)}`,
      path: base,
      remove: { what: 'comparison', name: String(c.id), onRemove: () => removeItem(ctx, '/comparisons', all, i) },
    },
    el(
      'div',
      { class: 'field-grid' },
      textField('Id', `${base}/id`, c.id, ctx.edit),
      selectField('Observed series', `${base}/observedSeries`, c.observedSeries, series, ctx.edit),
      selectField('Measure', `${base}/measure`, c.measure, MEASURES, (p, v) => ctx.change(base, reshape(ctx, c, MEASURES.find((m) => m.value === v)?.kind ?? String(c.kind), String(v)), p)),
      selectField('Kind', `${base}/kind`, c.kind, KINDS, (p, v) => ctx.change(base, reshape(ctx, c, String(v), MEASURES.find((m) => m.kind === v)?.value ?? String(c.measure)), p)),
      selectField('Counted', `${base}/counted`, c.counted, [{ value: 'shipped', label: 'when shipped' }, { value: 'arrived', label: 'when it arrives' }], ctx.edit, {
        optional: true,
        noneLabel: 'when shipped (the default)',
      }),
      selectField('Strategy', `${base}/strategy`, c.strategy, strategies, ctx.edit, { optional: true, noneLabel: 'the baseline' }),
    ),
    flowFields(ctx, `${base}/flow`, c.flow),
    needsThreshold || 'threshold' in c
      ? el(
          'div',
          { class: 'field-grid' },
          numberField('Threshold (fraction of planned)', `${base}/threshold`, c.threshold, ctx.edit, { optional: true, placeholder: '0.5', hint: needsThreshold ? undefined : unused }),
        )
      : null,
    needsWindow || 'window' in c
      ? fieldGridGroup(
          `${base}/window`,
          monthField('Window from', `${base}/window/from`, window.from, windowEdit, { optional: true, hint: needsWindow ? undefined : unused }),
          monthField('Window to', `${base}/window/to`, window.to, windowEdit, { optional: true }),
        )
      : null,
    el('div', { class: 'field-grid' }, observedField(ctx, base, c), toleranceField(ctx, base, c)),
    textAreaField('Derivation from the series', `${base}/derivation`, c.derivation, ctx.edit),
  );
}

/** The observed value in the shape of the kind: a month, a number, or a direction. */
function observedField(ctx: FormContext, base: string, c: Obj): HTMLElement {
  const path = `${base}/observed`;
  if (c.kind === 'timing') return monthField('Observed (the month)', path, c.observed, ctx.edit);
  if (c.kind === 'direction') return selectField('Observed direction', path, c.observed, ['down', 'up', 'none'].map((d) => ({ value: d, label: d })), ctx.edit);
  return numberField('Observed (fraction of normal)', path, c.observed, ctx.edit);
}

/** The tolerance the comparison has (or, when it has none the form knows, the one its kind takes). */
function toleranceField(ctx: FormContext, base: string, c: Obj): HTMLElement {
  const path = `${base}/tolerance`;
  const t = isObj(c.tolerance) ? c.tolerance : {};
  const key = Object.keys(TOLERANCES).map((k) => TOLERANCES[k][0]).find((k) => k in t) ?? TOLERANCES[String(c.kind)]?.[0] ?? 'absolute';
  const field =
    key === 'exact'
      ? checkboxField('Exact (no tolerance)', `${path}/exact`, t.exact, ctx.edit)
      : numberField(key === 'months' ? 'Tolerance (months either side)' : 'Tolerance (absolute, either side)', `${path}/${key}`, t[key], ctx.edit);
  return el('div', { class: 'field-group', 'data-path': path }, field, el('span', { class: 'field-error', role: 'alert' }));
}

/** The comparison with a new kind and measure: its tolerance and observed value of that kind, and what the measure needs. */
function reshape(ctx: FormContext, c: Obj, kind: string, measure: string): Obj {
  const next: Obj = { ...c, kind, measure };
  const [key, start] = TOLERANCES[kind] ?? ['absolute', 0.1];
  if (!(isObj(c.tolerance) && key in c.tolerance)) next.tolerance = { [key]: start };
  const month = typeof ctx.data.monthZero === 'string' ? ctx.data.monthZero : '';
  const fits = kind === 'timing' ? typeof c.observed === 'string' && MONTH.test(c.observed) : kind === 'size' ? typeof c.observed === 'number' : ['down', 'up', 'none'].includes(String(c.observed));
  if (!fits) next.observed = kind === 'timing' ? month : kind === 'size' ? 1 : 'down';
  if ((measure === 'first-below' || measure === 'first-recovered') && next.threshold === undefined) next.threshold = 0.5;
  if ((measure === 'window-mean' || measure === 'direction') && next.window === undefined) next.window = { from: month, to: month };
  return next;
}
