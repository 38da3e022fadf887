/**
 * The editor's optimiser section (issue 13; docs/model.md, "The optimiser"): the target (a statistic of
 * the chain's or one country's makers' shortfall, bounded above), the decision variables
 * (form-optimise-variables.ts), the search settings and the references. A scenario without one is
 * offered a starting optimisation: a stockpile at makers sized 0 to 12 months.
 */
import { el } from './dom.ts';
import { isObj, list, optimiseContext, type FormContext, type Obj } from './form-context.ts';
import { addButton } from './form-list.ts';
import { fieldGridGroup, numberField, objectFieldsEdit, selectField, textAreaField, textField, type Choice } from './form-fields.ts';
import { newVariable, variableCard } from './form-optimise-variables.ts';
import { refsField } from './refs-field.ts';

const BASE = '/optimise';

const STATISTICS: Choice[] = [
  { value: 'mean', label: 'mean' },
  { value: 'p95', label: '95th percentile (P95)' },
  { value: 'cvar95', label: 'CVaR 95% (mean of worst 5%)' },
  { value: 'probAbove', label: 'P(measure > above)' },
];

/** The optimise section's content: the whole optimisation, or a button that asks for one. */
export function optimiseContent(all: FormContext): HTMLElement[] {
  const o = all.data.optimise;
  if (o === undefined) {
    const add = addButton('Ask for an optimisation', BASE, () =>
      all.change(BASE, { target: { statistic: 'mean', atMost: 5 }, variables: [newVariable([])] }, `${BASE}/target/statistic`),
    );
    return [el('p', { class: 'field-hint' }, 'No optimisation yet: one finds the cheapest sizes of chosen levers that keep a shortfall statistic within a bound.'), add];
  }
  if (!isObj(o)) return [el('p', { class: 'notice', 'data-path': BASE }, 'The optimisation is not an object: edit it in the JSON view.')];
  const ctx = optimiseContext(all);
  const variables = o.variables;
  const search = objectFieldsEdit(`${BASE}/search`, o.search, ctx.edit);
  const s = isObj(o.search) ? o.search : {};
  const remove = el('button', { type: 'button', class: 'link remove', 'data-focus': `remove:${BASE}` }, 'Remove the optimisation');
  remove.addEventListener('click', () => ctx.change(BASE, undefined, `add:${BASE}`));
  return [
    el(
      'div',
      { class: 'field-group', 'data-path': BASE },
      el('span', { class: 'field-error', role: 'alert' }),
      el('div', { class: 'field-grid' }, textField('Id', `${BASE}/id`, o.id, ctx.edit, { optional: true, hint: 'names the strategy found' }), textField('Name', `${BASE}/name`, o.name, ctx.edit, { optional: true })),
      textAreaField('Description', `${BASE}/description`, o.description, ctx.edit, { optional: true }),
    ),
    el('h2', { class: 'group-label' }, 'Target'),
    targetFields(ctx, o),
    el('h2', { class: 'group-label' }, 'Decision variables (1 to 8)'),
    el(
      'div',
      { class: 'field-group field-stack', 'data-path': `${BASE}/variables` },
      el('span', { class: 'field-error', role: 'alert' }),
      ...list(variables).map((v, i) => variableCard(ctx, v, i)),
      addButton('Add a variable', `${BASE}/variables`, () => {
        const items = list(variables);
        ctx.change(`${BASE}/variables`, [...items, newVariable(items)], `${BASE}/variables/${items.length}`);
      }),
    ),
    el('h2', { class: 'group-label' }, 'Search (every setting has a default)'),
    fieldGridGroup(
      `${BASE}/search`,
      numberField('Trials of the last rung', `${BASE}/search/trials`, s.trials, search, { optional: true, placeholder: String(ctx.data.trials ?? 1000) }),
      numberField('Trials of the first rung', `${BASE}/search/firstRungTrials`, s.firstRungTrials, search, { optional: true, placeholder: '100' }),
      numberField('Most candidates on the grid', `${BASE}/search/maxCandidates`, s.maxCandidates, search, { optional: true, placeholder: '400', hint: 'above: a space-filling design' }),
    ),
    refsField(ctx, `${BASE}/refs`, o.refs),
    el('div', { class: 'card-foot' }, remove),
  ];
}

/** What is bounded: of whom, which measure, which statistic, and the bound (its unit follows the choices). */
function targetFields(ctx: FormContext, o: Obj): HTMLElement {
  const path = `${BASE}/target`;
  const t = isObj(o.target) ? o.target : {};
  const of = t.of === undefined ? '' : isObj(t.of) ? 'country' : String(t.of);
  const reshape = (next: Obj, focus: string) => ctx.change(path, next, focus);
  const setOf = (v: unknown) => {
    const { of: _old, ...rest } = t;
    const value = v === 'country' ? { country: makerCountries(ctx, o)[0] ?? 'XX' } : v;
    // `of` goes back where it was, first, as the format writes it.
    reshape(v === undefined ? rest : { of: value, ...rest }, `${path}/of`);
  };
  const setStatistic = (v: unknown) => {
    const next: Obj = { ...t, statistic: v };
    if (v === 'probAbove' && next.above === undefined) next.above = 10;
    if (v !== 'probAbove') delete next.above;
    reshape(next, `${path}/statistic`);
  };
  const probability = t.statistic === 'probAbove';
  const inUnits = t.measure === 'shortfall';
  const measureUnit = inUnits ? ctx.unit : '% of demand';
  return el(
    'div',
    { class: 'field-group', 'data-path': path },
    el('span', { class: 'field-error', role: 'alert' }),
    el(
      'div',
      { class: 'field-grid' },
      selectField('Of', `${path}/of`, of, [{ value: 'chain', label: 'the whole chain' }, { value: 'country', label: 'the makers of a country' }], (_, v) => setOf(v), {
        optional: true,
        noneLabel: 'the whole chain (the default)',
      }),
      of === 'country' ? selectField("Makers' country", `${path}/of/country`, (t.of as Obj).country, makerCountries(ctx, o).map((c) => ({ value: c, label: c })), ctx.edit) : null,
      selectField('Measure (per trial)', `${path}/measure`, t.measure, [{ value: 'shortfallPct', label: 'shortfall, % of demand' }, { value: 'shortfall', label: `shortfall, ${ctx.unit}` }], (p, v) => reshape(v === undefined ? without(t, 'measure') : { ...t, measure: v }, p), {
        optional: true,
        noneLabel: 'shortfall, % of demand (the default)',
      }),
      selectField('Statistic', `${path}/statistic`, t.statistic, STATISTICS, (_, v) => setStatistic(v)),
      probability || 'above' in t ? numberField(`Above (${measureUnit})`, `${path}/above`, t.above, ctx.edit, { optional: true, hint: 'P(measure > this)' }) : null,
      numberField(probability ? 'At most (a probability, 0-1)' : `At most (${measureUnit})`, `${path}/atMost`, t.atMost, ctx.edit),
    ),
  );
}

/** The countries of the scenario's makers and of the new makers the variables add: those a target may name. */
function makerCountries(ctx: FormContext, o: Obj): string[] {
  const added = list(o.variables)
    .flatMap((v) => (isObj(v) ? list(v.levers) : []))
    .flatMap((l) => (isObj(l) && isObj(l.newCapacity) ? list(l.newCapacity.nodes) : []));
  const makers = [...list(ctx.data.nodes), ...added].filter(isObj).filter((n) => n.stage === 'manufacturing');
  return [...new Set(makers.map((n) => String(n.country)))].sort();
}

function without(o: Obj, key: string): Obj {
  const { [key]: _gone, ...rest } = o;
  return rest;
}
