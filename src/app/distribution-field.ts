/**
 * A field for a number-or-distribution (model.md section 3): a kind and its parameters. Changing the
 * kind keeps the centre of the old distribution, so switching from a number to a PERT starts from a
 * sensible place. A discrete distribution is a list of (value, weight) rows; an optional field can
 * also be "not set", which removes it.
 */
import { el, replaceChildren } from './dom.ts';
import { numberText, parseNumberText, type EditHandler } from './form-fields.ts';
import { pointer } from './json-pointer.ts';

type Kind = 'none' | 'number' | 'fixed' | 'uniform' | 'triangular' | 'pert' | 'normal' | 'lognormal' | 'exponential' | 'bernoulli' | 'discrete';

/** Each kind: its label and, but for discrete, its parameters' labels and the path of each below the field's own. */
const KINDS: Record<Kind, { label: string; params: [string, (string | number)[]][] }> = {
  none: { label: 'not set', params: [] },
  number: { label: 'a number', params: [['value', []]] },
  fixed: { label: 'fixed', params: [['value', ['fixed']]] },
  uniform: { label: 'uniform', params: [['from', ['uniform', 0]], ['to', ['uniform', 1]]] },
  triangular: { label: 'triangular', params: [['min', ['triangular', 0]], ['mode', ['triangular', 1]], ['max', ['triangular', 2]]] },
  pert: { label: 'PERT', params: [['min', ['pert', 0]], ['mode', ['pert', 1]], ['max', ['pert', 2]]] },
  normal: { label: 'normal', params: [['mean', ['normal', 0]], ['sd', ['normal', 1]]] },
  lognormal: { label: 'lognormal (90% range)', params: [['p5', ['lognormal', 'p5']], ['p95', ['lognormal', 'p95']]] },
  exponential: { label: 'exponential', params: [['mean', ['exponential']]] },
  bernoulli: { label: 'Bernoulli', params: [['p', ['bernoulli']]] },
  discrete: { label: 'discrete (values and weights)', params: [] },
};

export interface DistributionFieldOptions {
  /** the field may be left out: "not set" is one of the kinds */
  optional?: boolean;
}

/** A labelled field for a number or a distribution at `path`. */
export function distributionField(label: string, path: string, value: unknown, onEdit: EditHandler, options: DistributionFieldOptions = {}): HTMLElement {
  const kind = kindOf(value, options.optional);
  const params = el('span', { class: 'dist-params' });
  const labelId = `label-${path.replace(/[^\w-]/g, '_')}`;
  const wrapper = el('div', { class: 'field dist', 'data-path': path, role: 'group', 'aria-labelledby': labelId }, el('span', { class: 'field-label', id: labelId }, label));
  if (kind === null) {
    wrapper.append(el('span', { class: 'field-hint' }, 'not a number or a distribution the form knows: edit it in the JSON view'), el('span', { class: 'field-error', role: 'alert' }));
    return wrapper;
  }
  const kinds = (Object.keys(KINDS) as Kind[]).filter((k) => k !== 'none' || options.optional);
  const select = el('select', { 'aria-label': `${label}: kind`, 'data-focus': `kind:${path}` }, ...kinds.map((k) => el('option', { value: k, selected: k === kind }, KINDS[k].label)));
  let current = value;
  const edit: EditHandler = (p, v) => {
    current = setParam(current, p, path, v);
    onEdit(p, v);
  };
  const draw = (k: Kind) => replaceChildren(params, ...(k === 'discrete' ? discreteRows(path, current, edit, (next) => {
    current = next;
    onEdit(path, current);
    draw('discrete');
  }) : paramInputs(k, path, current, edit)));
  select.addEventListener('change', () => {
    const k = select.value as Kind;
    current = k === 'none' ? undefined : fromCentre(k, centreOf(current));
    onEdit(path, current);
    draw(k);
  });
  draw(kind);
  wrapper.append(select, params, el('span', { class: 'field-error', role: 'alert' }));
  return wrapper;
}

/** One small box per parameter of the kind. */
function paramInputs(kind: Kind, path: string, value: unknown, onEdit: EditHandler): HTMLElement[] {
  return KINDS[kind].params.map(([name, below]) => paramBox(name, path + pointer(...below), valueBelow(value, below), onEdit));
}

function paramBox(name: string, p: string, value: unknown, onEdit: EditHandler): HTMLElement {
  const input = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'data-path': p, 'aria-label': name, value: numberText(value) });
  input.addEventListener('input', () => onEdit(p, parseNumberText(input.value)));
  return el('label', { class: 'field param' }, el('span', { class: 'param-label', 'aria-hidden': 'true' }, name), input, el('span', { class: 'field-error', role: 'alert' }));
}

/** The rows of a discrete distribution, each removable, and a button to add one. */
function discreteRows(path: string, value: unknown, onEdit: EditHandler, replace: (next: unknown) => void): HTMLElement[] {
  const rows = discretePairs(value);
  const rowOf = (pair: unknown[], i: number) => {
    const remove = el('button', { type: 'button', class: 'link remove', 'aria-label': `Remove value ${i + 1}`, 'data-focus': `remove:${path}/discrete/${i}` }, 'Remove');
    remove.addEventListener('click', () => {
      replace({ discrete: rows.filter((_, j) => j !== i) });
      focusLater(`[data-focus="add:${path}/discrete"]`);
    });
    return el(
      'span',
      { class: 'discrete-row', 'data-path': `${path}/discrete/${i}` },
      paramBox(`value ${i + 1}`, `${path}/discrete/${i}/0`, pair[0], onEdit),
      paramBox(`weight ${i + 1}`, `${path}/discrete/${i}/1`, pair[1], onEdit),
      remove,
    );
  };
  const add = el('button', { type: 'button', class: 'secondary add', 'data-focus': `add:${path}/discrete` }, 'Add a value');
  add.addEventListener('click', () => {
    const last = rows[rows.length - 1];
    replace({ discrete: [...rows, [Number(last?.[0] ?? 0), 1]] });
    focusLater(`[data-path="${path}/discrete/${rows.length}/0"]`);
  });
  return [...rows.map(rowOf), add];
}

function focusLater(selector: string): void {
  // After the redraw that follows the edit: the button clicked is gone by then.
  queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());
}

function discretePairs(value: unknown): unknown[][] {
  const d = (value as { discrete?: unknown } | undefined)?.discrete;
  return Array.isArray(d) ? d.map((pair) => (Array.isArray(pair) ? pair : [pair, 1])) : [];
}

/** The kind of a value, or null for what the form does not edit (something malformed). */
export function kindOf(value: unknown, optional = false): Kind | null {
  if (value === undefined && optional) return 'none';
  if (typeof value === 'number') return 'number';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] in KINDS && keys[0] !== 'number' && keys[0] !== 'none' ? (keys[0] as Kind) : null;
}

/** A representative value: the number, the mode, the mean or the middle of the range. */
export function centreOf(value: unknown): number {
  const v = value as Record<string, unknown>;
  const nums = (x: unknown): number[] => (Array.isArray(x) ? x.map(Number) : [Number(x)]);
  let c = NaN;
  if (typeof value === 'number') c = value;
  else if (v && 'uniform' in v) c = (nums(v.uniform)[0] + nums(v.uniform)[1]) / 2;
  else if (v && ('triangular' in v || 'pert' in v)) c = nums(v.triangular ?? v.pert)[1];
  else if (v && 'normal' in v) c = nums(v.normal)[0];
  else if (v && 'lognormal' in v) {
    const l = v.lognormal as { p5: number; p95: number };
    c = Math.sqrt(l.p5 * l.p95);
  } else if (v && 'discrete' in v) {
    const pairs = discretePairs(v).map((p) => [Number(p[0]), Number(p[1])]);
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    c = pairs.reduce((s, [x, w]) => s + x * w, 0) / total;
  } else if (v && ('fixed' in v || 'exponential' in v || 'bernoulli' in v)) c = Number(v.fixed ?? v.exponential ?? v.bernoulli);
  return Number.isFinite(c) ? c : 0;
}

/** A distribution of the kind centred on c; degenerate ranges, which the user then widens. */
export function fromCentre(kind: Exclude<Kind, 'none'>, c: number): unknown {
  switch (kind) {
    case 'number':
      return c;
    case 'fixed':
      return { fixed: c };
    case 'uniform':
      return { uniform: [c, c] };
    case 'triangular':
      return { triangular: [c, c, c] };
    case 'pert':
      return { pert: [c, c, c] };
    case 'normal':
      return { normal: [c, 0] };
    case 'lognormal':
      // a factor of two either side: the widest range a lognormal of a positive centre is usually given
      return { lognormal: { p5: c / 2, p95: c * 2 } };
    case 'exponential':
      return { exponential: c };
    case 'bernoulli':
      return { bernoulli: Math.min(1, Math.max(0, c)) };
    case 'discrete':
      return { discrete: [[c, 1]] };
  }
}

function valueBelow(value: unknown, below: (string | number)[]): unknown {
  return below.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** The value with one parameter replaced; a bare number is replaced whole. */
function setParam(value: unknown, paramPath: string, fieldPath: string, next: unknown): unknown {
  if (paramPath === fieldPath) return next;
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = paramPath.slice(fieldPath.length + 1).split('/');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]] = next;
  return copy;
}
