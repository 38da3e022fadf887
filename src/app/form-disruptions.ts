/**
 * The editor's disruptions (model.md section 3): the target of each kind, exactly one occurrence rule
 * (a start, a rate, a probability a year, or following another disruption), how long and how bad,
 * recovery and added transit; and a follow-on, a new disruption that starts with this one.
 */
import { el } from './dom.ts';
import { distributionField } from './distribution-field.ts';
import type { Disruption } from '../model/schema.ts';
import { occurrenceText, targetText } from '../export/scenario-text.ts';
import { byId, freshId, idsOf, isObj, list, nodesAt, renameKey, STAGE_CHOICES, summaryOf, type FormContext, type Obj } from './form-context.ts';
import { addButton, appendItem, itemCard, removeItem } from './form-list.ts';
import { checkboxField, checkboxGroup, fieldGridGroup, numberField, selectField, textAreaField, textField, type Choice } from './form-fields.ts';
import { refsField } from './refs-field.ts';

const TARGETS: Choice[] = [
  { value: 'node', label: 'one node' },
  { value: 'nodes', label: 'several nodes' },
  { value: 'country', label: 'a country (or its exports)' },
  { value: 'route', label: 'a shipping route' },
  { value: 'demand', label: 'demand at makers' },
];

const OCCURRENCES: Choice[] = [
  { value: 'start', label: 'at a given month (a what-if)' },
  { value: 'ratePerYear', label: 'at random: events a year' },
  { value: 'probabilityPerYear', label: 'at random: probability a year' },
  { value: 'correlatedWith', label: 'with another disruption' },
];

/** The disruptions section's content: one card per disruption and the Add button. */
export function disruptionsContent(ctx: FormContext): HTMLElement[] {
  const all = ctx.data.disruptions;
  return [
    ...list(all).map((d, i) => disruptionCard(ctx, d, i)),
    addButton('Add a disruption', '/disruptions', () =>
      appendItem(ctx, '/disruptions', all, { id: freshId('new-disruption', idsOf(all)), target: { node: ctx.nodes[0]?.value ?? '' }, probabilityPerYear: 0.1, duration: 3, severity: 0.5 }),
    ),
  ];
}

function disruptionCard(ctx: FormContext, d: unknown, i: number): HTMLElement {
  const base = `/disruptions/${i}`;
  if (!isObj(d)) return el('p', { class: 'notice', 'data-path': base }, `Disruption ${i + 1} is not an object: edit it in the JSON view.`);
  const all = ctx.data.disruptions;
  const target = isObj(d.target) ? d.target : {};
  const demand = target.demand === true;
  // A follow-on hits the same target as hard, starting with this disruption half of the time.
  const followOn = addButton('Add a follow-on', `${base}/follow-on`, () => {
    const impact = Object.entries(d).filter(([k]) => !['id', 'name', 'description', ...OCCURRENCES.map((o) => o.value)].includes(k));
    appendItem(ctx, '/disruptions', all, {
      id: freshId(`${String(d.id)}-follow-on`, idsOf(all)),
      name: `After ${String(d.name ?? d.id)}`,
      ...Object.fromEntries(impact),
      correlatedWith: { id: d.id, probability: 0.5 },
    });
  });
  return itemCard(
    {
      title: String(d.name ?? d.id),
      subtitle: summaryOf(() => `${targetText(d.target as Disruption['target'])}; ${occurrenceText(d as Disruption)}`, String(d.id)),
      path: base,
      remove: { what: 'disruption', name: String(d.id), onRemove: () => removeItem(ctx, '/disruptions', all, i) },
    },
    el(
      'div',
      { class: 'field-grid' },
      textField('Id', `${base}/id`, d.id, ctx.edit),
      textField('Name', `${base}/name`, d.name, ctx.edit, { optional: true, placeholder: String(d.id ?? '') }),
    ),
    textAreaField('Description', `${base}/description`, d.description, ctx.edit, { optional: true }),
    targetFields(ctx, base, d, target),
    occurrenceFields(ctx, base, d),
    el(
      'div',
      { class: 'field-stack' },
      distributionField('Duration (months)', `${base}/duration`, d.duration, ctx.edit),
      demand || 'change' in d
        ? distributionField('Demand change (+0.2 = 20% more)', `${base}/change`, d.change, ctx.edit, { optional: !demand })
        : null,
      !demand || 'severity' in d ? distributionField('Severity (fraction lost)', `${base}/severity`, d.severity, ctx.edit, { optional: demand }) : null,
      numberField('Recovery (months)', `${base}/recoveryMonths`, d.recoveryMonths, ctx.edit, { optional: true, placeholder: '0' }),
      'route' in target || 'addedTransitMonths' in d
        ? distributionField('Added transit while active (months)', `${base}/addedTransitMonths`, d.addedTransitMonths, ctx.edit, { optional: true })
        : null,
    ),
    refsField(ctx, `${base}/refs`, d.refs),
    followOn,
  );
}

/** The target: its kind, then what that kind needs. Switching to or from demand turns severity into change and back. */
function targetFields(ctx: FormContext, base: string, d: Obj, target: Obj): HTMLElement {
  const path = `${base}/target`;
  const kind = 'demand' in target ? 'demand' : 'node' in target ? 'node' : 'nodes' in target ? 'nodes' : 'country' in target ? 'country' : 'route' in target ? 'route' : '';
  const switchKind = (next: string) => {
    const firstNode = list(ctx.data.nodes).find(isObj);
    const fresh: Obj =
      next === 'node' ? { node: ctx.nodes[0]?.value ?? '' }
      : next === 'nodes' ? { nodes: ctx.nodes.slice(0, 1).map((n) => n.value) }
      : next === 'country' ? { country: typeof firstNode?.country === 'string' ? firstNode.country : 'XX', exportsOnly: true }
      : next === 'route' ? { route: ctx.routes[0]?.value ?? '' }
      : { demand: true };
    // The impact's name follows the target: demand changes, everything else loses a fraction.
    let updated: Obj = { ...d, target: fresh };
    if (next === 'demand' && 'severity' in updated && !('change' in updated)) updated = renameKey(updated, 'severity', 'change', 0.2);
    if (next !== 'demand' && 'change' in updated && !('severity' in updated)) updated = renameKey(updated, 'change', 'severity', 0.5);
    ctx.change(base, updated, `${path}/kind`);
  };
  const kindSelect = selectField('Hits', `${path}/kind`, kind, TARGETS, (_, v) => switchKind(String(v)));
  const makers = nodesAt(ctx, 'manufacturing');
  const content =
    kind === 'node' ? [selectField('Node', `${path}/node`, target.node, ctx.nodes, ctx.edit)]
    : kind === 'nodes' ? [checkboxGroup('Nodes', `${path}/nodes`, target.nodes, byId(ctx.nodes), ctx.edit)]
    : kind === 'country' ? [
        textField('Country', `${path}/country`, target.country, ctx.edit, { maxLength: 2, parse: (t) => t.toUpperCase() }),
        checkboxGroup('At stages (none: all)', `${path}/stages`, target.stages, STAGE_CHOICES, ctx.edit, { optional: true }),
        checkboxField('Exports only (a ban or quota: domestic supply untouched)', `${path}/exportsOnly`, target.exportsOnly, ctx.edit),
      ]
    : kind === 'route' ? [selectField('Route', `${path}/route`, target.route, ctx.routes, ctx.edit)]
    : kind === 'demand' ? [checkboxGroup('At makers (none: all)', `${path}/nodes`, target.nodes, byId(makers), ctx.edit, { optional: true })]
    : [el('span', { class: 'field-hint' }, 'Not a target the form knows: choose a kind, or edit it in the JSON view.')];
  return el('div', { class: 'field-group', 'data-path': path }, el('span', { class: 'group-label' }, 'Target'), el('span', { class: 'field-error', role: 'alert' }), kindSelect, ...content);
}

/** When the disruption happens: one rule, its kind switched in place. */
function occurrenceFields(ctx: FormContext, base: string, d: Obj): HTMLElement {
  const kind = OCCURRENCES.find((o) => o.value in d)?.value ?? '';
  const others = ctx.disruptions.filter((o) => o.value !== d.id);
  const switchKind = (next: string) => {
    const defaults: Record<string, unknown> = {
      start: 12,
      ratePerYear: 0.1,
      probabilityPerYear: 0.1,
      correlatedWith: { id: others[0]?.value ?? '', probability: 0.5 },
    };
    const old = OCCURRENCES.find((o) => o.value in d)?.value;
    // Replaced where the old rule was, so the JSON keeps its order.
    const updated = old ? renameKey(d, old, next, defaults[next]) : { ...d, [next]: defaults[next] };
    ctx.change(base, updated, `${base}/occurrence`);
  };
  const correlated = isObj(d.correlatedWith) ? d.correlatedWith : {};
  const content =
    kind === 'start' ? distributionField('Start (month)', `${base}/start`, d.start, ctx.edit)
    : kind === 'ratePerYear' ? numberField('Events a year', `${base}/ratePerYear`, d.ratePerYear, ctx.edit)
    : kind === 'probabilityPerYear' ? numberField('Probability a year (below 1)', `${base}/probabilityPerYear`, d.probabilityPerYear, ctx.edit)
    : kind === 'correlatedWith'
      ? fieldGridGroup(
          `${base}/correlatedWith`,
          selectField('Starts with', `${base}/correlatedWith/id`, correlated.id, others, ctx.edit),
          numberField('Probability each time', `${base}/correlatedWith/probability`, correlated.probability, ctx.edit),
        )
      : null;
  return el(
    'div',
    { class: 'field-group' },
    el('span', { class: 'group-label' }, 'Occurrence'),
    el('span', { class: 'field-error', role: 'alert' }),
    selectField('Happens', `${base}/occurrence`, kind, OCCURRENCES, (_, v) => switchKind(String(v))),
    content,
  );
}
