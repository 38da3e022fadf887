/**
 * The optimiser's decision variables (issue 13): each a template of ordinary levers (the lever fields
 * of form-levers.ts), the number its size sets (a select of the levers' number fields, as the schema
 * defines them), its sizes as a range or a list, its cost per unit of size and fixed, and references.
 */
import { el } from './dom.ts';
import { freshId, idsOf, isObj, list, renameKey, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { fieldGridGroup, numberField, objectFieldsEdit, selectField, textAreaField, textField, type Choice } from './form-fields.ts';
import { LEVER_KINDS, leverFields, newLever } from './form-levers.ts';
import { refsField } from './refs-field.ts';
import { clean } from '../model/optimise-candidate.ts';
import { settableNumbers } from './settable-numbers.ts';

/** A first variable to start from: a stockpile at every maker, 0 to 12 months by 3. */
export function newVariable(existing: unknown[]): Obj {
  return {
    id: freshId('stockpile-months', idsOf(existing)),
    name: 'Stockpile at makers (months)',
    levers: [{ stockpile: { stage: 'manufacturing' } }],
    sets: '/0/stockpile/months',
    range: { min: 0, max: 12, step: 3 },
  };
}

/** The card of variable `i`. */
export function variableCard(optimiser: FormContext, v: unknown, i: number): HTMLElement {
  const base = `/optimise/variables/${i}`;
  const all = (optimiser.data.optimise as Obj).variables;
  if (!isObj(v)) return el('p', { class: 'notice', 'data-path': base }, `Variable ${i + 1} is not an object: edit it in the JSON view.`);
  const ctx: FormContext = { ...optimiser, setBySize: typeof v.sets === 'string' ? `${base}/levers${v.sets}` : undefined };
  const levers = v.levers;
  const kind = el('select', { 'data-focus': `kind:${base}/levers` }, ...LEVER_KINDS.map((k) => el('option', { value: k.value }, k.label)));
  const add = addButton('Add this lever', `${base}/levers`, () => appendItem(ctx, `${base}/levers`, levers, newLever(ctx, kind.value)));
  const cost = isObj(v.cost) ? v.cost : {};
  const costEdit = objectFieldsEdit(`${base}/cost`, v.cost, ctx.edit);
  const money = (label: string, key: string) => numberField(`${label} (${ctx.currency})`, `${base}/cost/${key}`, cost[key], costEdit, { optional: true, placeholder: '0' });
  return itemCard(
    {
      title: String(v.name ?? v.id),
      subtitle: `sets ${String(v.sets)}; ${sizesText(v)}`,
      path: base,
      remove: { what: 'variable', name: String(v.id), onRemove: () => removeItem(ctx, '/optimise/variables', all, i, false) },
    },
    el('div', { class: 'field-grid' }, textField('Id', `${base}/id`, v.id, ctx.edit), textField('Name', `${base}/name`, v.name, ctx.edit, { optional: true, placeholder: String(v.id ?? '') })),
    textAreaField('Description', `${base}/description`, v.description, ctx.edit, { optional: true }),
    el(
      'div',
      { class: 'field-group', 'data-path': `${base}/levers` },
      el('span', { class: 'group-label' }, 'Levers (a template: the size is written into one number of theirs)'),
      el('span', { class: 'field-error', role: 'alert' }),
      ...list(levers).map((lever, j) => leverFields(ctx, lever, `${base}/levers/${j}`, levers, j)),
      el('div', { class: 'button-row add-lever' }, el('label', { class: 'field' }, el('span', { class: 'field-label' }, 'Another lever'), kind), add),
    ),
    selectField('The size sets', `${base}/sets`, v.sets, settableNumbers(levers), (p, value) => ctx.change(p, value), {
      hint: 'in every candidate, whatever the lever says there',
    }),
    sizesFields(ctx, base, v),
    el('span', { class: 'group-label' }, 'Cost, as a function of the size s'),
    fieldGridGroup(
      `${base}/cost`,
      money('Capex per unit of s', 'capexPerUnit'),
      money('Opex a year per unit of s', 'opexPerUnitYear'),
      money('Fixed capex when s ≠ 0', 'fixedCapex'),
      money('Fixed opex a year when s ≠ 0', 'fixedOpexPerYear'),
    ),
    refsField(ctx, `${base}/refs`, v.refs),
  );
}

/** The sizes: how they are given (a range or a list), switched in place, then the range's three numbers or the list. */
function sizesFields(ctx: FormContext, base: string, v: Obj): HTMLElement {
  const key = 'range' in v ? 'range' : 'choices' in v ? 'choices' : '';
  const switchTo = (next: string) => {
    const start = next === 'choices' ? choicesOf(v.range) : rangeOf(v.choices);
    ctx.change(base, key ? renameKey(v, key, next, start) : { ...v, [next]: start }, `${base}/range|choices`);
  };
  const range = isObj(v.range) ? v.range : {};
  const choices = list(v.choices);
  const rangePath = `${base}/range`;
  const choicesPath = `${base}/choices`;
  return el(
    'div',
    { class: 'either' },
    selectField('Sizes', `${base}/range|choices`, key, [{ value: 'range', label: 'a range: min to max by a step' }, { value: 'choices', label: 'a list of sizes' }], (_, next) => switchTo(String(next))),
    'range' in v
      ? fieldGridGroup(
          rangePath,
          numberField('Min', `${rangePath}/min`, range.min, ctx.edit),
          numberField('Max', `${rangePath}/max`, range.max, ctx.edit),
          numberField('Step', `${rangePath}/step`, range.step, ctx.edit),
        )
      : null,
    'choices' in v
      ? el(
          'div',
          { class: 'field-group', 'data-path': choicesPath },
          el('span', { class: 'field-error', role: 'alert' }),
          ...choices.map((c, k) => {
            const remove = el('button', { type: 'button', class: 'link remove', 'aria-label': `Remove size ${k + 1}`, 'data-focus': `remove:${choicesPath}/${k}` }, 'Remove');
            remove.addEventListener('click', () => removeItem(ctx, choicesPath, choices, k, false));
            return el('div', { class: 'share-row' }, numberField(`Size ${k + 1}`, `${choicesPath}/${k}`, c, ctx.edit), remove);
          }),
          addButton('Add a size', choicesPath, () => {
            const last = Number(choices[choices.length - 1]);
            appendItem(ctx, choicesPath, choices, Number.isFinite(last) ? last + 1 : 0);
          }),
        )
      : null,
  );
}

/** A range as the list of its sizes (at most 50; a longer one as its two ends). */
function choicesOf(range: unknown): number[] {
  const r = isObj(range) ? range : {};
  const [min, max, step] = [Number(r.min), Number(r.max), Number(r.step)];
  if (![min, max, step].every(Number.isFinite) || step <= 0 || max < min) return [Number.isFinite(min) ? min : 0];
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  return count > 50 ? [min, max] : Array.from({ length: count }, (_, k) => clean(min + k * step));
}

/** A list of sizes as the range from its least to its largest, by the average gap. */
function rangeOf(choices: unknown): Obj {
  const sizes = list(choices).map(Number).filter(Number.isFinite).sort((a, b) => a - b);
  if (sizes.length === 0) return { min: 0, max: 1, step: 1 };
  const [min, max] = [sizes[0], sizes[sizes.length - 1]];
  return { min, max, step: max > min ? clean((max - min) / (sizes.length - 1)) : 1 };
}

function sizesText(v: Obj): string {
  if (isObj(v.range)) return `${String(v.range.min)} to ${String(v.range.max)} by ${String(v.range.step)}`;
  if (Array.isArray(v.choices)) return `sizes ${v.choices.map(String).join(', ')}`;
  return 'no sizes yet';
}
