/**
 * The form for what people change most: run settings and horizon, node capacities and countries,
 * sourcing shares, disruptions (when or how often, how long, how bad) and the main number of each
 * strategy lever. Everything else is edited in the JSON view. The form is rebuilt from the scenario's
 * data whenever the JSON changes; a form edit changes one value and leaves the form as it is.
 */
import { el, replaceChildren } from './dom.ts';
import { distributionField } from './distribution-field.ts';
import { numberField, textField, type EditHandler } from './form-fields.ts';
import { pointer } from './json-pointer.ts';
import { seedValue } from './share-url.ts';

type Obj = Record<string, unknown>;

export interface EditorForm {
  element: HTMLElement;
  /** rebuilds the form from the scenario's data; null when the JSON does not parse */
  render(data: unknown): void;
}

/** Creates the form; edits are reported as (pointer, value). */
export function createEditorForm(onEdit: EditHandler): EditorForm {
  const element = el('form', { class: 'editor-form', novalidate: true, 'aria-label': 'Scenario editor' });
  element.addEventListener('submit', (event) => event.preventDefault());
  return {
    element,
    render(data) {
      if (!isObj(data)) {
        replaceChildren(element, el('p', { class: 'notice' }, 'The JSON below is not a scenario object yet; fix it there and the form comes back.'));
        return;
      }
      const open = new Set([...element.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-section')));
      const unit = typeof data.unit === 'string' ? data.unit : 'units';
      replaceChildren(
        element,
        section('run', 'Run settings', true, runFields(data, onEdit)),
        section('nodes', 'Nodes and sourcing', false, ...list(data.nodes).map((n, i) => nodeFields(n, i, unit, nameOf(data), onEdit))),
        section('disruptions', 'Disruptions', false, ...list(data.disruptions).map((d, i) => disruptionFields(d, i, onEdit))),
        section('strategies', 'Strategies', false, ...list(data.strategies).map((s, i) => strategyFields(s, i, unit, onEdit))),
      );
      // A rebuild after a JSON edit keeps the sections the user had open.
      for (const details of element.querySelectorAll('details')) if (open.has(details.getAttribute('data-section'))) details.open = true;
    },
  };
}

function section(id: string, title: string, open: boolean, ...content: HTMLElement[]): HTMLElement {
  return el(
    'details',
    { class: 'form-section', 'data-section': id, open },
    el('summary', {}, title),
    content.length > 0 ? el('div', { class: 'section-body' }, ...content) : el('p', { class: 'notice' }, 'None in this scenario.'),
  );
}

function runFields(data: Obj, onEdit: EditHandler): HTMLElement {
  return el(
    'div',
    { class: 'field-grid' },
    numberField('Trials', '/trials', data.trials, onEdit, { optional: true, placeholder: '1000' }),
    textField('Seed', '/seed', data.seed, onEdit, { optional: true, parse: seedValue, placeholder: '1' }),
    numberField('Horizon (months)', '/horizonMonths', data.horizonMonths, onEdit),
  );
}

function nodeFields(node: unknown, i: number, unit: string, names: (id: unknown) => string, onEdit: EditHandler): HTMLElement {
  if (!isObj(node)) return el('p', { class: 'notice' }, `Node ${i + 1} is not an object: edit it in the JSON view.`);
  const base = pointer('nodes', i);
  const sources = list(node.sources);
  return card(
    `${String(node.name ?? node.id)}`,
    `${String(node.stage)} · ${String(node.id)}`,
    el(
      'div',
      { class: 'field-grid' },
      textField('Country', `${base}/country`, node.country, onEdit, { maxLength: 2, parse: (t) => t.toUpperCase() }),
      numberField(`Capacity (${unit}/yr)`, `${base}/capacity`, node.capacity, onEdit),
      'demand' in node ? numberField(`Demand (${unit}/yr)`, `${base}/demand`, node.demand, onEdit) : null,
    ),
    sources.length > 0
      ? el(
          'div',
          { class: 'field-group', 'data-path': `${base}/sources` },
          el('span', { class: 'group-label' }, 'Sourcing shares'),
          el('div', { class: 'field-grid' }, ...sources.map((s, j) => numberField(names(isObj(s) ? s.from : undefined), `${base}/sources/${j}/share`, isObj(s) ? s.share : undefined, onEdit))),
          el('span', { class: 'field-error', role: 'alert' }),
        )
      : null,
  );
}

function disruptionFields(d: unknown, i: number, onEdit: EditHandler): HTMLElement {
  if (!isObj(d)) return el('p', { class: 'notice' }, `Disruption ${i + 1} is not an object: edit it in the JSON view.`);
  const base = pointer('disruptions', i);
  const occurrence =
    'start' in d
      ? distributionField('Start (month)', `${base}/start`, d.start, onEdit)
      : 'ratePerYear' in d
        ? numberField('Rate (events a year)', `${base}/ratePerYear`, d.ratePerYear, onEdit)
        : 'probabilityPerYear' in d
          ? numberField('Probability a year', `${base}/probabilityPerYear`, d.probabilityPerYear, onEdit)
          : isObj(d.correlatedWith)
            ? numberField(`Probability with ${String(d.correlatedWith.id)}`, `${base}/correlatedWith/probability`, d.correlatedWith.probability, onEdit)
            : null;
  return card(
    String(d.name ?? d.id),
    String(d.id),
    el(
      'div',
      { class: 'field-stack' },
      occurrence,
      distributionField('Duration (months)', `${base}/duration`, d.duration, onEdit),
      'change' in d
        ? distributionField('Demand change (+0.2 = 20% more)', `${base}/change`, d.change, onEdit)
        : distributionField('Severity (fraction lost)', `${base}/severity`, d.severity, onEdit),
      'recoveryMonths' in d ? numberField('Recovery (months)', `${base}/recoveryMonths`, d.recoveryMonths, onEdit, { optional: true }) : null,
    ),
  );
}

function strategyFields(s: unknown, i: number, unit: string, onEdit: EditHandler): HTMLElement {
  if (!isObj(s)) return el('p', { class: 'notice' }, `Strategy ${i + 1} is not an object: edit it in the JSON view.`);
  const base = pointer('strategies', i);
  const cost = isObj(s.cost) ? s.cost : {};
  return card(
    String(s.name ?? s.id),
    String(s.id),
    ...list(s.levers).map((lever, j) => leverFields(lever, `${base}/levers/${j}`, unit, onEdit)),
    el(
      'div',
      { class: 'field-grid' },
      numberField('Capex', `${base}/cost/capex`, cost.capex, onEdit, { optional: true, placeholder: '0' }),
      numberField('Opex a year', `${base}/cost/opexPerYear`, cost.opexPerYear, onEdit, { optional: true, placeholder: '0' }),
    ),
  );
}

/** The main numbers of one lever, under a line naming it. */
function leverFields(lever: unknown, base: string, unit: string, onEdit: EditHandler): HTMLElement | null {
  if (!isObj(lever)) return null;
  const [kind] = Object.keys(lever);
  const p = isObj(lever[kind]) ? (lever[kind] as Obj) : {};
  const at = `${base}/${kind}`;
  const num = (label: string, key: string, optional = true) => numberField(label, `${at}/${key}`, p[key], onEdit, { optional });
  const fields: (HTMLElement | null)[] = [];
  if (kind === 'stockpile') {
    fields.push('units' in p ? num(`Size (${unit})`, 'units', false) : num('Size (months of use)', 'months', false));
    fields.push(num(`Refill (${unit}/month)`, 'refillPerMonth'), num(`Holding cost (per ${unit} a year)`, 'holdingCostPerUnitYear'));
  } else if (kind === 'diversify') fields.push(num('Fraction moved', 'fraction', false), num('Qualification (months)', 'qualificationMonths'));
  else if (kind === 'flexibility' || kind === 'substitution') fields.push(num('Fraction', 'fraction', false), num('Delay (months)', 'delayMonths'));
  else if (kind === 'recycling') fields.push(distributionField('Rate (fraction recovered)', `${at}/rate`, p.rate, onEdit), num('Lag (months)', 'lagMonths'));
  else if (kind === 'newCapacity') {
    fields.push(distributionField('Commissioning (months)', `${at}/commissioningMonths`, p.commissioningMonths, onEdit));
    list(p.nodes).forEach((n, k) => {
      if (isObj(n)) fields.push(numberField(`${String(n.name ?? n.id)}: capacity (${unit}/yr)`, `${at}/nodes/${k}/capacity`, n.capacity, onEdit));
    });
  }
  return el('div', { class: 'lever' }, el('span', { class: 'group-label' }, LEVER_NAMES[kind] ?? kind), el('div', { class: 'field-stack' }, ...fields));
}

const LEVER_NAMES: Record<string, string> = {
  stockpile: 'Stockpile',
  diversify: 'Diversify sourcing',
  flexibility: 'Flexible re-ordering',
  recycling: 'Recycling',
  substitution: 'Substitution',
  newCapacity: 'New capacity',
};

function card(title: string, subtitle: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return el('fieldset', { class: 'card' }, el('legend', {}, title), el('span', { class: 'card-sub' }, subtitle), ...content);
}

/** Node ids to names, for labelling a sourcing mix. */
function nameOf(data: Obj): (id: unknown) => string {
  const names = new Map(list(data.nodes).filter(isObj).map((n) => [n.id, String(n.name ?? n.id)]));
  return (id) => `from ${names.get(id) ?? String(id)}`;
}

function isObj(x: unknown): x is Obj {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
