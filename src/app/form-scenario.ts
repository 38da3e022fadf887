/** The editor's scenario-wide fields (identity, unit and currency, time, run settings) and its shipping routes. */
import { el } from './dom.ts';
import { freshId, idsOf, isObj, list, type FormContext } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { monthField, numberField, selectField, textAreaField, textField } from './form-fields.ts';
import { seedValue } from './share-url.ts';

/** Trials, seed, horizon, periods and the calendar month of period 0: what a run needs, open when the page opens. */
export function runContent(ctx: FormContext): HTMLElement[] {
  const d = ctx.data;
  return [
    el(
      'div',
      { class: 'field-grid' },
      numberField('Trials', '/trials', d.trials, ctx.edit, { optional: true, placeholder: '1000' }),
      textField('Seed', '/seed', d.seed, ctx.edit, { optional: true, parse: seedValue, placeholder: '1' }),
      numberField('Horizon (months)', '/horizonMonths', d.horizonMonths, ctx.edit),
      selectField('Periods', '/periodsPerYear', d.periodsPerYear, [{ value: '12', label: 'months (12 a year)' }, { value: '52', label: 'weeks (52 a year)' }], ctx.edit, {
        optional: true,
        noneLabel: 'months (the default)',
        parse: Number,
      }),
      monthField('Month zero', '/monthZero', d.monthZero, ctx.edit, { optional: true, hint: 'the calendar month of period 0' }),
    ),
  ];
}

/** Identity, unit and currency, description, and the schema address. */
export function identityContent(ctx: FormContext): HTMLElement[] {
  const d = ctx.data;
  return [
    el(
      'div',
      { class: 'field-grid' },
      textField('Id', '/id', d.id, ctx.edit, { hint: 'kebab-case' }),
      textField('Name', '/name', d.name, ctx.edit),
      textField('Unit of material', '/unit', d.unit, ctx.edit, { hint: 'e.g. t Ga, t LCE' }),
      textField('Currency', '/currency', d.currency, ctx.edit, { optional: true, placeholder: 'USD', maxLength: 8 }),
    ),
    textAreaField('Description', '/description', d.description, ctx.edit, { optional: true }),
    textField('JSON Schema of the file', '/$schema', d.$schema, ctx.edit, { optional: true, hint: 'ignored by the simulator; editors use it to check the file' }),
  ];
}

/** The shipping chokepoints links and disruptions may name. */
export function routesContent(ctx: FormContext): HTMLElement[] {
  const routes = ctx.data.routes;
  return [
    ...list(routes).map((r, i) => {
      const base = `/routes/${i}`;
      if (!isObj(r)) return el('p', { class: 'notice', 'data-path': base }, `Route ${i + 1} is not an object: edit it in the JSON view.`);
      return itemCard(
        { title: String(r.name ?? r.id), path: base, remove: { what: 'route', name: String(r.id), onRemove: () => removeItem(ctx, '/routes', routes, i) } },
        el('div', { class: 'field-grid' }, textField('Id', `${base}/id`, r.id, ctx.edit), textField('Name', `${base}/name`, r.name, ctx.edit, { optional: true })),
      );
    }),
    addButton('Add a route', '/routes', () => appendItem(ctx, '/routes', routes, { id: freshId('new-route', idsOf(routes)) })),
  ];
}
