/** JSON pointers (RFC 6901), the paths ValidationIssue uses, to read and write the scenario being edited. */

/** Splits a pointer into its unescaped segments; "" and "/" are the root. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a pointer. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at a pointer, or undefined when any step is missing. */
export function getAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of pointerSegments(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Sets the value at a pointer in place, creating missing parent objects; undefined deletes an object's field. */
export function setAt(root: unknown, path: string, value: unknown): void {
  const keys = pointerSegments(path);
  const last = keys.pop();
  if (last === undefined) throw new Error('cannot replace the root of the scenario');
  let parent = root as Record<string, unknown>;
  for (const key of keys) {
    if (parent[key] === null || typeof parent[key] !== 'object') {
      if (value === undefined) return; // deleting below a missing parent: nothing to do
      parent[key] = {};
    }
    parent = parent[key] as Record<string, unknown>;
  }
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
}

/** The pointers from a path up to the root, the path itself first: where an issue may be shown. */
export function pointerAncestors(path: string): string[] {
  const keys = pointerSegments(path);
  const out: string[] = [];
  for (let n = keys.length; n >= 1; n--) out.push(pointer(...keys.slice(0, n)));
  return out;
}
