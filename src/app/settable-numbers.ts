/**
 * The numbers a decision variable's size may set in its levers (issue 13): the choices of the form's
 * "The size sets" select, read from the schema of each lever kind so that they follow the format.
 */
import { isObj, list } from './form-context.ts';
import type { Choice } from './form-fields.ts';
import { LEVER_KINDS } from './form-levers.ts';
import { Lever } from '../model/schema.ts';

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };

const takesNumber = (s: Schema): boolean => s.type === 'number' || s.type === 'integer' || (s.anyOf ?? []).some(takesNumber);

/**
 * The numbers a size may set in these levers, as the schema defines each kind: every field that takes a
 * number and holds one or nothing yet (a distribution there would be replaced whole), the fields of the
 * new nodes and their sources included. check-optimise.ts accepts exactly such a pointer.
 */
export function settableNumbers(levers: unknown): Choice[] {
  const out: Choice[] = [];
  list(levers).forEach((lever, k) => {
    const kind = isObj(lever) ? Object.keys(lever)[0] : undefined;
    const member = (Lever.anyOf as Schema[]).find((m) => kind !== undefined && m.properties && kind in m.properties);
    if (!kind || !member || !isObj(lever)) return;
    const label = LEVER_KINDS.find((c) => c.value === kind)?.label ?? kind;
    numberFields(member.properties![kind], lever[kind], `/${k}/${kind}`, [], `Lever ${k + 1} (${label})`, out);
  });
  return out;
}

function numberFields(schema: Schema, value: unknown, at: string, names: string[], prefix: string, out: Choice[]): void {
  if (!schema.properties || !isObj(value)) return;
  for (const [key, sub] of Object.entries(schema.properties)) {
    const v = value[key];
    const path = `${at}/${key}`;
    if (takesNumber(sub)) {
      if (v === undefined || typeof v === 'number') out.push({ value: path, label: `${prefix}: ${[...names, key].join(' › ')}` });
    } else if (sub.type === 'array' && sub.items && Array.isArray(v)) {
      v.forEach((item, j) => numberFields(sub.items!, item, `${path}/${j}`, [...names, isObj(item) && typeof item.id === 'string' ? item.id : `${key} ${j + 1}`], prefix, out));
    } else if (sub.type === 'object') {
      numberFields(sub, v, path, [...names, key], prefix, out);
    }
  }
}
