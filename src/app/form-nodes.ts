/**
 * The editor's nodes: every field of a node (model.md section 1), those of its stage shown and any
 * other it has (so validation can say it does not belong there, and an emptied box removes it), its
 * sourcing mix row by row. The same card edits the new nodes of a newCapacity lever.
 */
import { el } from './dom.ts';
import { distributionField } from './distribution-field.ts';
import { freshId, isObj, list, nodesAt, STAGE_CHOICES, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { numberField, selectField, textField, type EditHandler } from './form-fields.ts';
import { refsField } from './refs-field.ts';

/** The nodes section's content: one card per node and the Add button. */
export function nodesContent(ctx: FormContext): HTMLElement[] {
  const nodes = ctx.data.nodes;
  return [
    el('p', { class: 'field-hint' }, 'Ids are kebab-case; sources, targets and levers name nodes by id. Countries are ISO alpha-2 codes, XX for the rest of the world.'),
    ...list(nodes).map((n, i) =>
      nodeCard(ctx, n, `/nodes/${i}`, { remove: () => removeItem(ctx, '/nodes', nodes, i, false) }),
    ),
    addButton('Add a node', '/nodes', () => appendItem(ctx, '/nodes', nodes, newNode(ctx, 'extraction'))),
  ];
}

/** A node with the least a valid node of `stage` needs, under an id not yet used. */
export function newNode(ctx: FormContext, stage: string): Obj {
  const id = freshId(`new-${stage === 'manufacturing' ? 'maker' : stage === 'processing' ? 'refinery' : 'mine'}`, ctx.allNodeIds);
  return { id, stage, country: 'XX', capacity: 0 };
}

/** The card of one node at `base`; `added` for the nodes of a newCapacity lever (they may ramp up). */
export function nodeCard(ctx: FormContext, node: unknown, base: string, options: { remove(): void; added?: boolean }): HTMLElement {
  if (!isObj(node)) return el('p', { class: 'notice', 'data-path': base }, `The item at ${base} is not an object: edit it in the JSON view.`);
  const stage = String(node.stage);
  const has = (key: string) => key in node;
  const num = (label: string, key: string, optional = true) => numberField(label, `${base}/${key}`, node[key], ctx.edit, { optional });
  const producer = stage === 'exploration' || stage === 'extraction';
  const buys = stage === 'processing' || stage === 'manufacturing';
  return itemCard(
    {
      title: String(node.name ?? node.id),
      subtitle: `${stage} · ${String(node.country)} · ${typeof node.capacity === 'number' ? node.capacity.toLocaleString('en-US') : String(node.capacity)} ${ctx.unit}/yr`,
      path: base,
      remove: { what: 'node', name: String(node.id), onRemove: options.remove },
    },
    el(
      'div',
      { class: 'field-grid' },
      textField('Name', `${base}/name`, node.name, ctx.edit, { optional: true, placeholder: String(node.id ?? '') }),
      textField('Id', `${base}/id`, node.id, ctx.edit),
      selectField('Stage', `${base}/stage`, node.stage, STAGE_CHOICES, (p, v) => ctx.change(p, v)),
      textField('Country', `${base}/country`, node.country, ctx.edit, { maxLength: 2, parse: (t) => t.toUpperCase() }),
      num(`Capacity (${ctx.unit}/yr)`, 'capacity', false),
      num(`Unit cost (${ctx.currency}/${ctx.unit} shipped)`, 'unitCost'),
      stage === 'processing' || has('yield') ? num('Yield (0-1)', 'yield') : null,
      stage === 'exploration' || has('successProbability') ? num('Success probability', 'successProbability') : null,
      stage === 'exploration' || options.added || has('rampMonths') ? num('Ramp-up (months)', 'rampMonths') : null,
      stage === 'manufacturing' || has('demand') ? num(`Demand (${ctx.unit}/yr at month 0)`, 'demand') : null,
      stage === 'manufacturing' || has('growth') ? num('Growth a year (0.05 = 5%)', 'growth') : null,
    ),
    stage === 'exploration' || has('leadTimeMonths') ? distributionField('Lead time (months)', `${base}/leadTimeMonths`, node.leadTimeMonths, ctx.edit, { optional: true }) : null,
    stage === 'manufacturing' || has('demandExpression')
      ? textField('Demand expression (of t in months; instead of demand and growth)', `${base}/demandExpression`, node.demandExpression, ctx.edit, { optional: true, placeholder: 'e.g. 1200 * 1.04 ^ (t / 12)' })
      : null,
    stage === 'manufacturing' || has('demandNoise') ? distributionField('Demand noise (a multiplier)', `${base}/demandNoise`, node.demandNoise, ctx.edit, { optional: true }) : null,
    buys || has('inventory') ? inventoryFields(ctx, base, node.inventory) : null,
    buys || (has('sources') && !producer) || list(node.sources).length > 0 ? sourcesGroup(ctx, base, node, stage) : null,
    refsField(ctx, `${base}/refs`, node.refs),
  );
}

/** Opening and max of an inventory: both emptied, the inventory is removed. */
function inventoryFields(ctx: FormContext, base: string, inventory: unknown): HTMLElement {
  let current: Obj = isObj(inventory) ? { ...inventory } : {};
  const edit: EditHandler = (path, value) => {
    const key = path.slice(path.lastIndexOf('/') + 1);
    current = { ...current, [key]: value };
    if (value === undefined) delete current[key];
    ctx.edit(`${base}/inventory`, Object.keys(current).length === 0 ? undefined : current);
  };
  return el(
    'div',
    { class: 'field-group', 'data-path': `${base}/inventory` },
    el('span', { class: 'group-label' }, `Inventory (${ctx.unit}; leave both empty for none)`),
    el('span', { class: 'field-error', role: 'alert' }),
    el(
      'div',
      { class: 'field-grid' },
      numberField('Opening', `${base}/inventory/opening`, current.opening, edit, { optional: true }),
      numberField('Max', `${base}/inventory/max`, current.max, edit, { optional: true }),
    ),
  );
}

/** The sourcing mix: a row per source (where from, share, route, transit) and a button to add one. */
function sourcesGroup(ctx: FormContext, base: string, node: Obj, stage: string): HTMLElement {
  const path = `${base}/sources`;
  const sources = list(node.sources);
  const candidates = stage === 'manufacturing' ? nodesAt(ctx, 'processing') : nodesAt(ctx, 'extraction', 'exploration');
  const row = (s: unknown, j: number) => {
    const src = isObj(s) ? s : {};
    const at = `${path}/${j}`;
    const remove = el('button', { type: 'button', class: 'link remove', 'aria-label': `Remove source ${j + 1} of ${String(node.id)}`, 'data-focus': `remove:${at}` }, 'Remove source');
    remove.addEventListener('click', () => removeItem(ctx, path, sources, j));
    return el(
      'div',
      { class: 'source-row field-group', 'data-path': at },
      el(
        'div',
        { class: 'field-grid' },
        selectField(`Source ${j + 1}: from`, `${at}/from`, src.from, candidates, ctx.edit),
        numberField('Share (0-1)', `${at}/share`, src.share, ctx.edit),
        selectField('Route', `${at}/route`, src.route, ctx.routes, ctx.edit, { optional: true }),
        numberField('Transit (months)', `${at}/transitMonths`, src.transitMonths, ctx.edit, { optional: true, placeholder: '0' }),
      ),
      remove,
      el('span', { class: 'field-error', role: 'alert' }),
    );
  };
  const used = new Set(sources.filter(isObj).map((s) => s.from));
  const add = addButton('Add a source', path, () =>
    appendItem(ctx, path, sources, { from: candidates.find((c) => !used.has(c.value))?.value ?? candidates[0]?.value ?? '', share: sources.length === 0 ? 1 : 0 }),
  );
  return el(
    'div',
    { class: 'field-group', 'data-path': path },
    el('span', { class: 'group-label' }, 'Sourcing mix (shares sum to 1)'),
    el('span', { class: 'field-error', role: 'alert' }),
    ...sources.map(row),
    add,
  );
}

