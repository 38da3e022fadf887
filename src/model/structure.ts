/**
 * Structural validation: Ajv against the published JSON Schema, with Ajv's errors rewritten as
 * plain sentences and its anyOf noise reduced to the one branch the user evidently meant.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { at, names, show } from './issue-text.ts';
import { scenarioValidator } from './scenario-validator.ts';
import type { ValidationIssue } from './validate.ts';

type Schema = { [key: string]: unknown };

/** The schema's general limit on every number; only worth mentioning when it is the one broken. */
const MAX = 1e12;
const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const COUNTRY_PATTERN = '^[A-Z]{2}$';
const SHORT_LIST = 8;

let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= scenarioValidator());

/** Checks the input against the JSON Schema; every structural error, in plain sentences. */
export function checkStructure(input: unknown): ValidationIssue[] {
  const validate = validator();
  if (validate(input)) return [];
  const issues = render(validate.errors ?? []);
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const isUnder = (path: string, base: string): boolean => path === base || path.startsWith(`${base}/`);

/** An error belongs to an anyOf when it was raised by one of that anyOf's branches on the same value. */
const inside = (e: ErrorObject, anyOf: ErrorObject): boolean =>
  e !== anyOf && e.schemaPath.startsWith(`${anyOf.schemaPath}/`) && isUnder(e.instancePath, anyOf.instancePath);

function render(errors: ErrorObject[]): ValidationIssue[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const outer = anyOfs.filter((a) => !anyOfs.some((b) => inside(a, b)));
  const issues: ValidationIssue[] = [];
  for (const e of errors) {
    if (outer.some((a) => inside(e, a))) continue;
    if (e.keyword === 'anyOf') issues.push(...renderAnyOf(e, errors.filter((x) => inside(x, e))));
    else issues.push(renderOne(e));
  }
  return issues;
}

function renderAnyOf(anyOf: ErrorObject, inner: ErrorObject[]): ValidationIssue[] {
  const branches = anyOf.schema as Schema[];
  const data: unknown = anyOf.data;
  const path = anyOf.instancePath;
  if (branches.every((b) => 'const' in b)) {
    return [{ path, message: `must be one of ${either(branches.map((b) => show(b.const)))}, got ${show(data)}` }];
  }
  const chosen = chooseBranch(branches, data);
  if (chosen !== undefined) {
    const prefix = `${anyOf.schemaPath}/${chosen}/`;
    const own = inner.filter((e) => e.schemaPath.startsWith(prefix));
    if (own.length > 0) return render(own);
  }
  return [{ path, message: `must be one of ${either(branches.map(describeForm))}, got ${show(data)}` }];
}

const either = (forms: string[]): string => (forms.length <= 1 ? forms.join('') : `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const accepts = (branch: Schema, type: string): boolean =>
  'const' in branch ? jsonType(branch.const) === type : branch.type === type || (branch.type === 'integer' && type === 'number');

/**
 * The branch the user evidently meant: the only one of the value's type or, for an object, the
 * one whose fields it uses (a single key such as "uniform" or "stockpile" names its branch).
 * Undefined when the value fits no branch or several equally well.
 */
function chooseBranch(branches: Schema[], data: unknown): number | undefined {
  const type = jsonType(data);
  const candidates = branches.map((_, i) => i).filter((i) => accepts(branches[i], type));
  if (type === 'object' && candidates.length > 1) {
    const keys = Object.keys(data as object);
    const scored = candidates
      .map((i) => {
        const props = Object.keys((branches[i].properties as Schema | undefined) ?? {});
        const matched = keys.filter((k) => props.includes(k)).length;
        const missing = ((branches[i].required as string[] | undefined) ?? []).filter((r) => !keys.includes(r)).length;
        return { i, matched, score: matched - (keys.length - matched), missing };
      })
      .filter((s) => s.matched > 0)
      .sort((a, b) => b.score - a.score || a.missing - b.missing);
    const [best, next] = scored;
    if (best && (!next || best.score > next.score || best.missing < next.missing)) return best.i;
    return undefined;
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

function describeForm(branch: Schema): string {
  if ('const' in branch) return show(branch.const);
  if (branch.type === 'object') {
    const required = new Set((branch.required as string[] | undefined) ?? []);
    const fields = Object.keys((branch.properties as Schema | undefined) ?? {}).map((k) => (required.has(k) ? k : `${k}?`));
    return `{ ${fields.join(', ')} }`;
  }
  return describe(branch);
}

function renderOne(e: ErrorObject): ValidationIssue {
  const path = e.instancePath;
  const parent = (e.parentSchema ?? {}) as Schema;
  const got = show(e.data);
  switch (e.keyword) {
    case 'required':
      return { path, message: `missing required field "${(e.params as { missingProperty: string }).missingProperty}"` };
    case 'additionalProperties':
      return unknownField(path, (e.params as { additionalProperty: string }).additionalProperty, parent);
    case 'minimum':
    case 'maximum': {
      const limit = (e.params as { limit: number }).limit;
      if (Math.abs(limit) >= MAX) {
        return { path, message: `must lie between -1e12 and 1e12, the largest magnitude a scenario may use, got ${got}` };
      }
      return { path, message: `must be ${describe(parent)}, got ${got}` };
    }
    case 'minItems':
    case 'maxItems':
    case 'additionalItems':
      if (Array.isArray(parent.items)) return { path, message: `must be ${describe(parent)}, got ${got}` };
      return { path, message: `must list at least ${String(parent.minItems)} item${parent.minItems === 1 ? '' : 's'}, got ${got}` };
    case 'type':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'const':
    case 'pattern':
    case 'minLength':
      return { path, message: `must be ${describe(parent)}, got ${got}` };
    default:
      return { path, message: `${e.message ?? 'is not valid'}, got ${got}` };
  }
}

function unknownField(objectPath: string, field: string, parent: Schema): ValidationIssue {
  const patterns = Object.keys((parent.patternProperties as Schema | undefined) ?? {});
  if (patterns.length > 0) {
    const keys = patterns.map((p) => (p === COUNTRY_PATTERN ? describe({ type: 'string', pattern: p }) : `a text matching ${p}`));
    return { path: at(objectPath, field), message: `"${field}" is not a valid key here: keys must be ${either(keys)}` };
  }
  const allowed = Object.keys((parent.properties as Schema | undefined) ?? {});
  const close = allowed.filter((a) => a.toLowerCase() === field.toLowerCase() || editDistance(a, field) <= 2);
  let message = `unknown field "${field}"`;
  if (close.length > 0) message += ` (did you mean ${names(close)}?)`;
  if (allowed.length <= SHORT_LIST) message += allowed.length ? `; allowed fields: ${names(allowed, 'and')}` : '; no fields are allowed here';
  return { path: at(objectPath, field), message };
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** What a schema accepts, as a noun phrase: "a number between 0 and 1", "a kebab-case id". */
function describe(schema: Schema): string {
  if ('const' in schema) return show(schema.const);
  if (Array.isArray(schema.anyOf)) {
    return `one of ${either((schema.anyOf as Schema[]).map(describeForm))}`;
  }
  switch (schema.type) {
    case 'number':
      return `a number${range(schema)}`;
    case 'integer':
      return `a whole number${range(schema)}`;
    case 'string':
      if (schema.pattern === ID_PATTERN) return 'a kebab-case id (lowercase letters and digits, words joined by single hyphens, like "mine-au")';
      if (schema.pattern === COUNTRY_PATTERN) return 'a two-letter country code in capitals (ISO 3166 alpha-2, XX for rest of world)';
      if (typeof schema.pattern === 'string') return `a text matching ${schema.pattern}`;
      return typeof schema.minLength === 'number' && schema.minLength > 0 ? 'a non-empty text' : 'a text';
    case 'boolean':
      return 'true or false';
    case 'array':
      if (Array.isArray(schema.items)) {
        const items = schema.items as Schema[];
        const noun = items.every((i) => i.type === 'number') ? 'numbers' : 'items';
        return `a list of exactly ${items.length} ${noun}`;
      }
      return typeof schema.minItems === 'number' && schema.minItems > 0 ? 'a non-empty list' : 'a list';
    case 'object': {
      const fields = Object.keys((schema.properties as Schema | undefined) ?? {});
      return fields.length > 0 && fields.length <= 6 ? `an object ${describeForm(schema)}` : 'an object';
    }
    default:
      return 'a valid value';
  }
}

function range(schema: Schema): string {
  const bound = (inclusive: unknown, exclusive: unknown, sign: 1 | -1): { value: number; strict: boolean } | undefined => {
    if (typeof exclusive === 'number') return { value: exclusive, strict: true };
    if (typeof inclusive === 'number' && sign * inclusive < MAX) return { value: inclusive, strict: false };
    return undefined;
  };
  const lo = bound(schema.minimum, schema.exclusiveMinimum, -1);
  const hi = bound(schema.maximum, schema.exclusiveMaximum, 1);
  if (lo && hi && !lo.strict && !hi.strict) return ` between ${lo.value} and ${hi.value}`;
  const parts = [lo && `${lo.strict ? '>' : '>='} ${lo.value}`, hi && `${hi.strict ? '<' : '<='} ${hi.value}`].filter(Boolean);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}
