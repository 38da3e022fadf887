/**
 * The editor's evidence: references (where figures come from), assumptions (figures no reference
 * gives, and why) and the cited country shares of each stage that a real scenario must reproduce.
 */
import { el } from './dom.ts';
import { freshId, idsOf, isObj, list, renameKey, STAGES, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { numberField, selectField, textAreaField, textField } from './form-fields.ts';
import { refsField } from './refs-field.ts';
import { pointer } from './json-pointer.ts';

/** References, then assumptions, then stage shares, each a list with its Add button. */
export function evidenceContent(ctx: FormContext): HTMLElement[] {
  return [
    el('h2', { class: 'group-label' }, 'References'),
    ...referenceCards(ctx),
    el('h2', { class: 'group-label' }, 'Assumptions'),
    ...assumptionCards(ctx),
    el('h2', { class: 'group-label' }, 'Cited stage shares'),
    ...stageShareCards(ctx),
  ];
}

function referenceCards(ctx: FormContext): HTMLElement[] {
  const refs = ctx.data.references;
  return [
    ...list(refs).map((r, i) => {
      const base = `/references/${i}`;
      if (!isObj(r)) return el('p', { class: 'notice', 'data-path': base }, `Reference ${i + 1} is not an object: edit it in the JSON view.`);
      return itemCard(
        { title: String(r.title || r.id), subtitle: String(r.id), path: base, remove: { what: 'reference', name: String(r.id), onRemove: () => removeItem(ctx, '/references', refs, i) } },
        el('div', { class: 'field-grid' }, textField('Id', `${base}/id`, r.id, ctx.edit), textField('Accessed', `${base}/accessed`, r.accessed, ctx.edit, { optional: true, placeholder: 'YYYY-MM-DD' })),
        textAreaField('Title', `${base}/title`, r.title, ctx.edit),
        textField('Address (URL; may be empty)', `${base}/url`, r.url, ctx.edit),
        textAreaField('Note', `${base}/note`, r.note, ctx.edit, { optional: true }),
      );
    }),
    addButton('Add a reference', '/references', () => appendItem(ctx, '/references', refs, { id: freshId('new-reference', idsOf(refs)), title: '', url: '' })),
  ];
}

function assumptionCards(ctx: FormContext): HTMLElement[] {
  const all = ctx.data.assumptions;
  return [
    ...list(all).map((a, i) => {
      const base = `/assumptions/${i}`;
      if (!isObj(a)) return el('p', { class: 'notice', 'data-path': base }, `Assumption ${i + 1} is not an object: edit it in the JSON view.`);
      return itemCard(
        { title: typeof a.text === 'string' && a.text !== '' ? a.text : `Assumption ${i + 1}`, path: base, remove: { what: 'assumption', name: String(i + 1), onRemove: () => removeItem(ctx, '/assumptions', all, i) } },
        textAreaField('Assumption', `${base}/text`, a.text, ctx.edit),
        textAreaField('Reason', `${base}/reason`, a.reason, ctx.edit),
        refsField(ctx, `${base}/references`, a.references),
      );
    }),
    addButton('Add an assumption', '/assumptions', () => appendItem(ctx, '/assumptions', all, { text: '', reason: '' })),
  ];
}

/** One card per stage with cited shares: a row per country (its code and share) and the reference. */
function stageShareCards(ctx: FormContext): HTMLElement[] {
  const all = isObj(ctx.data.stageShares) ? ctx.data.stageShares : {};
  const cards = STAGES.filter((stage) => stage in all).map((stage) => {
    const base = `/stageShares/${stage}`;
    const entry = isObj(all[stage]) ? (all[stage] as Obj) : {};
    const shares = isObj(entry.shares) ? entry.shares : {};
    const withoutStage = () => {
      const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== stage));
      ctx.change('/stageShares', Object.keys(rest).length === 0 ? undefined : rest, 'add:/stageShares');
    };
    const rows = Object.keys(shares).map((country) => shareRow(ctx, `${base}/shares`, shares, country));
    const add = addButton('Add a country', `${base}/shares`, () => {
      const code = freshCountry(shares);
      ctx.change(`${base}/shares`, { ...shares, [code]: 0 }, `${base}/shares/${code}#code`);
    });
    return itemCard(
      { title: `${stage[0].toUpperCase()}${stage.slice(1)}`, path: base, remove: { what: 'these shares', name: `of ${stage}`, onRemove: withoutStage } },
      selectField('Reference', `${base}/reference`, entry.reference, ctx.references, ctx.edit),
      el('div', { class: 'field-group', 'data-path': `${base}/shares` }, el('span', { class: 'group-label' }, 'Shares by country (sum to 1)'), el('span', { class: 'field-error', role: 'alert' }), ...rows, add),
    );
  });
  const missing = STAGES.filter((stage) => !(stage in all));
  if (missing.length === 0) return cards;
  const which = el('select', { 'data-focus': 'kind:/stageShares' }, ...missing.map((s) => el('option', { value: s }, s)));
  const add = addButton('Add cited shares', '/stageShares', () =>
    ctx.change('/stageShares', { ...all, [which.value]: { shares: {}, reference: ctx.references[0]?.value ?? '' } }, `/stageShares/${which.value}/reference`),
  );
  return [...cards, el('div', { class: 'button-row add-lever' }, el('label', { class: 'field' }, el('span', { class: 'field-label' }, 'Stage'), which), add)];
}

/** A country's share: its code (renamed in place when the box is left) and the fraction. */
function shareRow(ctx: FormContext, path: string, shares: Obj, country: string): HTMLElement {
  const at = `${path}${pointer(country)}`;
  const code = el('input', { type: 'text', value: country, maxlength: 2, autocomplete: 'off', spellcheck: 'false', 'aria-label': `Country code (now ${country})`, 'data-focus': `${at}#code` });
  // On leaving the box, not on each key: a half-typed code would clash with another country's.
  code.addEventListener('change', () => {
    const next = code.value.trim().toUpperCase();
    if (next === country || next === '' || next in shares) {
      code.value = country;
      return;
    }
    ctx.change(path, renameKey(shares, country, next), `${path}${pointer(next)}#code`);
  });
  const remove = el('button', { type: 'button', class: 'link remove', 'aria-label': `Remove ${country}`, 'data-focus': `remove:${at}` }, 'Remove');
  remove.addEventListener('click', () => ctx.change(path, Object.fromEntries(Object.entries(shares).filter(([k]) => k !== country)), `add:${path}`));
  return el(
    'div',
    { class: 'share-row' },
    el('label', { class: 'field' }, el('span', { class: 'field-label' }, 'Country'), code),
    numberField(`Share of ${country}`, at, shares[country], ctx.edit),
    remove,
  );
}

/** A placeholder code not yet used: XA, XB... (user-assigned ISO codes), for the user to rename. */
function freshCountry(shares: Obj): string {
  for (let c = 65; c <= 90; c++) {
    const code = `X${String.fromCharCode(c)}`;
    if (!(code in shares)) return code;
  }
  return 'XX';
}
