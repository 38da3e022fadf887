/**
 * The editor's levers (model.md section 4), every parameter of each kind: where a stockpile sits and
 * how big it is, what a diversification moves from where to where, flexibility, recycling,
 * substitution, and the new nodes of new capacity (each a full node card).
 */
import { el } from './dom.ts';
import { distributionField } from './distribution-field.ts';
import { byId, isObj, list, nodesAt, renameKey, STAGE_CHOICES, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, removeItem } from './form-list.ts';
import { checkboxGroup, numberField, selectField, textField, type Choice } from './form-fields.ts';
import { newNode, nodeCard } from './form-nodes.ts';

export const LEVER_KINDS: Choice[] = [
  { value: 'stockpile', label: 'Stockpile' },
  { value: 'diversify', label: 'Diversify sourcing' },
  { value: 'flexibility', label: 'Flexible re-ordering' },
  { value: 'recycling', label: 'Recycling' },
  { value: 'substitution', label: 'Substitution' },
  { value: 'newCapacity', label: 'New capacity' },
];

/** A lever of `kind` with plausible starting values (the user then sets them), drawn from the scenario's nodes. */
export function newLever(ctx: FormContext, kind: string): Obj {
  const first = (...stages: string[]) => nodesAt(ctx, ...stages)[0]?.value ?? '';
  const buyer = list(ctx.data.nodes).find((n) => isObj(n) && list(n.sources).length > 0) as Obj | undefined;
  const source = isObj(list(buyer?.sources)[0]) ? String((list(buyer?.sources)[0] as Obj).from) : '';
  // Another source the buyer could use: a node of a stage it buys from.
  const upstream = buyer?.stage === 'manufacturing' ? ['processing'] : ['extraction', 'exploration'];
  const alternative = nodesAt(ctx, ...upstream).find((n) => n.value !== source)?.value;
  switch (kind) {
    case 'stockpile':
      return { stockpile: { stage: 'manufacturing', months: 3 } };
    case 'diversify':
      return { diversify: { node: String(buyer?.id ?? ''), fromNode: source, fraction: 0.5, to: alternative ? [alternative] : [] } };
    case 'flexibility':
      return { flexibility: { stage: 'manufacturing', fraction: 0.5 } };
    case 'recycling':
      return { recycling: { nodes: [first('processing')], rate: 0.1 } };
    case 'substitution':
      return { substitution: { nodes: [first('manufacturing')], fraction: 0.2 } };
    default:
      return { newCapacity: { nodes: [newNode(ctx, 'extraction')], commissioningMonths: 24 } };
  }
}

/** The fields of lever `j` at `base` (…/levers/j), under a line naming its kind, with its Remove button. */
export function leverFields(ctx: FormContext, lever: unknown, base: string, levers: unknown, j: number): HTMLElement {
  const listPath = base.slice(0, base.lastIndexOf('/'));
  const remove = el('button', { type: 'button', class: 'link remove', 'data-focus': `remove:${base}` }, 'Remove lever');
  remove.addEventListener('click', () => removeItem(ctx, listPath, levers, j, false));
  const kind = isObj(lever) ? Object.keys(lever)[0] : undefined;
  const label = LEVER_KINDS.find((k) => k.value === kind)?.label ?? String(kind);
  remove.setAttribute('aria-label', `Remove lever ${j + 1} (${label})`);
  const p = kind && isObj(lever) && isObj(lever[kind]) ? (lever[kind] as Obj) : null;
  const fields = p && kind ? kindFields(ctx, kind, `${base}/${kind}`, p) : [el('span', { class: 'field-hint' }, 'Not a lever the form knows: edit it in the JSON view.')];
  return el(
    'div',
    { class: 'lever field-group', 'data-path': base },
    el('div', { class: 'card-head' }, el('span', { class: 'group-label' }, `Lever ${j + 1}: ${label}`), remove),
    el('span', { class: 'field-error', role: 'alert' }),
    el('div', { class: 'field-stack' }, ...fields),
  );
}

function kindFields(ctx: FormContext, kind: string, at: string, p: Obj): (HTMLElement | null)[] {
  const num = (label: string, key: string, optional = true, placeholder?: string) => {
    // The number a decision variable's size writes may be left out of its template.
    const sized = `${at}/${key}` === ctx.setBySize;
    return numberField(label, `${at}/${key}`, p[key], ctx.edit, { optional: optional || sized, placeholder: sized ? 'the size' : placeholder, hint: sized ? "set by the variable's size" : undefined });
  };
  const unit = ctx.unit;
  switch (kind) {
    case 'stockpile':
      return [
        either(ctx, at, p, 'Held at', [['nodes', 'chosen nodes', []], ['stage', 'every node of a stage', 'manufacturing']], {
          nodes: () => checkboxGroup('Nodes', `${at}/nodes`, p.nodes, byId(ctx.nodes), ctx.edit),
          stage: () => selectField('Stage', `${at}/stage`, p.stage, STAGE_CHOICES, ctx.edit),
        }),
        either(ctx, at, p, 'Size in', [['months', 'months of planned use', 3], ['units', unit, 0]], {
          months: () => num('Size (months of use)', 'months', false),
          units: () => num(`Size (${unit})`, 'units', false),
        }),
        el('div', { class: 'field-grid' }, num(`Refill (${unit}/month)`, 'refillPerMonth', true, '0'), num(`Holding cost (${ctx.currency}/${unit} a year)`, 'holdingCostPerUnitYear', true, '0')),
      ];
    case 'diversify':
      return [
        selectField('Buyer', `${at}/node`, p.node, nodesAt(ctx, 'processing', 'manufacturing'), ctx.edit),
        either(ctx, at, p, 'Moves away from', [['fromCountry', 'the sources of a country', 'CN'], ['fromNode', 'one source', '']], {
          fromCountry: () => textField('Country', `${at}/fromCountry`, p.fromCountry, ctx.edit, { maxLength: 2, parse: (t) => t.toUpperCase() }),
          fromNode: () => selectField('Source', `${at}/fromNode`, p.fromNode, ctx.nodes, ctx.edit),
        }),
        el('div', { class: 'field-grid' }, num('Fraction moved (0-1)', 'fraction', false), num('Qualification (months)', 'qualificationMonths', true, '0'), num('Transit of new links (months)', 'transitMonths', true, '0')),
        selectField('Route of new links', `${at}/route`, p.route, ctx.routes, ctx.edit, { optional: true }),
        checkboxGroup('To (split equally)', `${at}/to`, p.to, byId(ctx.nodes), ctx.edit),
      ];
    case 'flexibility':
      return [
        selectField('Buyers at stage', `${at}/stage`, p.stage, STAGE_CHOICES, ctx.edit),
        el('div', { class: 'field-grid' }, num('Fraction re-asked (0-1)', 'fraction', false), num('Delay (months)', 'delayMonths', true, '0')),
      ];
    case 'recycling':
      return [
        checkboxGroup('At processing nodes', `${at}/nodes`, p.nodes, byId(nodesAt(ctx, 'processing')), ctx.edit),
        distributionField('Rate (fraction recovered)', `${at}/rate`, p.rate, ctx.edit),
        el('div', { class: 'field-grid' }, num('Lag (months)', 'lagMonths', true, '0'), num('Ramp-up (months)', 'rampMonths', true, '0')),
      ];
    case 'substitution':
      return [
        checkboxGroup('At makers', `${at}/nodes`, p.nodes, byId(nodesAt(ctx, 'manufacturing')), ctx.edit),
        el('div', { class: 'field-grid' }, num('Fraction of demand (0-1)', 'fraction', false), num('Delay (months)', 'delayMonths', true, '0')),
      ];
    case 'newCapacity': {
      const nodes = p.nodes;
      const path = `${at}/nodes`;
      return [
        distributionField('Commissioning (months)', `${at}/commissioningMonths`, p.commissioningMonths, ctx.edit),
        el(
          'div',
          { class: 'field-group', 'data-path': path },
          el('span', { class: 'group-label' }, 'New nodes'),
          el('span', { class: 'field-error', role: 'alert' }),
          ...list(nodes).map((n, k) => nodeCard(ctx, n, `${path}/${k}`, { added: true, remove: () => removeItem(ctx, path, nodes, k, false) })),
          addButton('Add a new node', path, () => appendItem(ctx, path, nodes, newNode(ctx, 'extraction'))),
        ),
      ];
    }
    default:
      return [];
  }
}

/**
 * One of two exclusive fields (nodes or stage, units or months...): a select of which, then that field.
 * Switching replaces one field by the other where it was, with the other's starting value.
 */
function either(ctx: FormContext, at: string, p: Obj, label: string, options: [string, string, unknown][], fields: Record<string, () => HTMLElement>): HTMLElement {
  // A field a decision variable's size sets is shown as chosen even while its template leaves it out.
  const key = options.find(([k]) => k in p)?.[0] ?? options.find(([k]) => `${at}/${k}` === ctx.setBySize)?.[0] ?? '';
  const choose = (next: string) => {
    const start = options.find(([k]) => k === next)?.[2];
    ctx.change(at, key in p ? renameKey(p, key, next, start) : { ...p, [next]: start }, `${at}/${options[0][0]}|${options[1][0]}`);
  };
  return el(
    'div',
    { class: 'either' },
    selectField(label, `${at}/${options[0][0]}|${options[1][0]}`, key, options.map(([value, text]) => ({ value, label: text })), (_, v) => choose(String(v))),
    key ? fields[key]() : null,
  );
}
