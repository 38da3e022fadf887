/**
 * A field for a number-or-distribution (model.md section 3): a kind and its parameters. Changing the
 * kind keeps the centre of the old distribution, so switching from a number to a PERT starts from a
 * sensible place. Discrete distributions have too many numbers for a form: they stay in the JSON view.
 */
import { el, replaceChildren } from './dom.ts';
import { numberText, parseNumberText, type EditHandler } from './form-fields.ts';
import { pointer } from './json-pointer.ts';

type Kind = 'number' | 'fixed' | 'uniform' | 'triangular' | 'pert' | 'normal' | 'lognormal' | 'exponential' | 'bernoulli';

/** Each editable kind: its parameters' labels and the path of each below the field's own. */
const KINDS: Record<Kind, { label: string; params: [string, (string | number)[]][] }> = {
  number: { label: 'a number', params: [['value', []]] },
  fixed: { label: 'fixed', params: [['value', ['fixed']]] },
  uniform: { label: 'uniform', params: [['from', ['uniform', 0]], ['to', ['uniform', 1]]] },
  triangular: { label: 'triangular', params: [['min', ['triangular', 0]], ['mode', ['triangular', 1]], ['max', ['triangular', 2]]] },
  pert: { label: 'PERT', params: [['min', ['pert', 0]], ['mode', ['pert', 1]], ['max', ['pert', 2]]] },
  normal: { label: 'normal', params: [['mean', ['normal', 0]], ['sd', ['normal', 1]]] },
  lognormal: { label: 'lognormal (90% range)', params: [['p5', ['lognormal', 'p5']], ['p95', ['lognormal', 'p95']]] },
  exponential: { label: 'exponential', params: [['mean', ['exponential']]] },
  bernoulli: { label: 'Bernoulli', params: [['p', ['bernoulli']]] },
};

/** A labelled field for a number or a distribution at `path`. */
export function distributionField(label: string, path: string, value: unknown, onEdit: EditHandler): HTMLElement {
  const kind = kindOf(value);
  const params = el('span', { class: 'dist-params' });
  const wrapper = el(
    'div',
    { class: 'field dist', 'data-path': path },
    el('span', { class: 'field-label' }, label),
    params,
    el('span', { class: 'field-error', role: 'alert' }),
  );
  if (kind === null) {
    params.append(el('span', { class: 'field-hint' }, `${describe(value)}: edit it in the JSON view`));
    return wrapper;
  }
  const select = el('select', { 'aria-label': `${label}: kind` }, ...Object.entries(KINDS).map(([k, spec]) => el('option', { value: k, selected: k === kind }, spec.label)));
  let current = value;
  const draw = (k: Kind) => replaceChildren(params, select, ...paramInputs(k, path, current, (p, v) => {
    current = setParam(current, p, path, v);
    onEdit(p, v);
  }));
  select.addEventListener('change', () => {
    const k = select.value as Kind;
    current = fromCentre(k, centreOf(current));
    onEdit(path, current);
    draw(k);
  });
  draw(kind);
  return wrapper;
}

/** One small box per parameter of the kind. */
function paramInputs(kind: Kind, path: string, value: unknown, onEdit: EditHandler): HTMLElement[] {
  return KINDS[kind].params.map(([name, below]) => {
    const p = path + pointer(...below);
    const input = el('input', {
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      spellcheck: 'false',
      'data-path': p,
      'aria-label': name,
      value: numberText(valueBelow(value, below)),
    });
    input.addEventListener('input', () => onEdit(p, parseNumberText(input.value)));
    return el('label', { class: 'field param' }, el('span', { class: 'param-label' }, name), input, el('span', { class: 'field-error', role: 'alert' }));
  });
}

/** The kind of a value, or null for what the form does not edit (discrete, or something malformed). */
export function kindOf(value: unknown): Kind | null {
  if (typeof value === 'number') return 'number';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] in KINDS && keys[0] !== 'number' ? (keys[0] as Kind) : null;
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
  } else if (v && ('fixed' in v || 'exponential' in v || 'bernoulli' in v)) c = Number(v.fixed ?? v.exponential ?? v.bernoulli);
  return Number.isFinite(c) ? c : 0;
}

/** A distribution of the kind centred on c; degenerate ranges, which the user then widens. */
export function fromCentre(kind: Kind, c: number): unknown {
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

function describe(value: unknown): string {
  if (value !== null && typeof value === 'object' && 'discrete' in value) return 'a discrete distribution';
  return value === undefined ? 'not set' : 'not a number or a distribution the form knows';
}
