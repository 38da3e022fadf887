/**
 * A tree of plain data (objects, arrays, strings, numbers, typed arrays) split into a JSON skeleton and a
 * list of named numeric leaves, and back. Every number travels as an IEEE double in a leaf, never through
 * JSON, so NaN, -0, infinities and subnormals come back as they went. Generic on purpose: a partial
 * result of any analysis (its own typed arrays, exact sums, counts) is stored without a codec of its own.
 */

/** The typed arrays a tree may hold; the name is the leaf's type in a partial file. */
export const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;

export type TypedArrayName = keyof typeof TYPED_ARRAYS;
export type TreeTypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;
/** A leaf: a typed array as it was, a plain number, or a plain array of numbers (an exact sum's partials), the last two as doubles. */
export type LeafType = TypedArrayName | 'number' | 'number[]';

export interface TreeLeaf {
  /** where the leaf sits in the tree, as a JSON Pointer (for people reading the file; decoding uses positions) */
  path: string;
  type: LeafType;
  values: TreeTypedArray;
}

export interface FlatTree {
  /** the tree with each leaf replaced by { "$leaf": its index }; object keys starting with "$" get one more "$" */
  skeleton: unknown;
  leaves: TreeLeaf[];
}

const LEAF = '$leaf';

/** Splits a tree into its skeleton and leaves; throws naming the path of anything it cannot hold (a function, a bigint, undefined in an array). */
export function flattenTree(value: unknown): FlatTree {
  const leaves: TreeLeaf[] = [];
  const leaf = (path: string, type: LeafType, values: TreeTypedArray) => {
    leaves.push({ path, type, values });
    return { [LEAF]: leaves.length - 1 };
  };
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'number') return leaf(path, 'number', new Float64Array([v]));
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (ArrayBuffer.isView(v)) {
      const type = typedArrayName(v);
      if (type === null) throw new TypeError(`cannot store a ${v.constructor.name} at ${path || '/'}`);
      return leaf(path, type, v as TreeTypedArray);
    }
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'number')) return leaf(path, 'number[]', Float64Array.from(v));
      return v.map((x, i) => {
        if (x === undefined) throw new TypeError(`cannot store undefined at ${path}/${i}`);
        return walk(x, `${path}/${i}`);
      });
    }
    if (typeof v === 'object' && isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(v as Record<string, unknown>)) {
        // Left out as JSON leaves it out: an optional field that is not there.
        if (x === undefined) continue;
        setOwn(out, key.startsWith('$') ? `$${key}` : key, walk(x, `${path}/${pointerToken(key)}`));
      }
      return out;
    }
    throw new TypeError(`cannot store a ${typeof v === 'object' ? v.constructor?.name ?? 'object' : typeof v} at ${path || '/'}`);
  };
  return { skeleton: walk(value, ''), leaves };
}

/** Rebuilds the tree from its skeleton and leaves; throws when they do not fit together. */
export function unflattenTree(flat: FlatTree): unknown {
  const used = new Set<number>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 1 && entries[0][0] === LEAF) return leafValue(flat.leaves, entries[0][1], used);
    const out: Record<string, unknown> = {};
    for (const [key, x] of entries) {
      if (key.startsWith('$') && !key.startsWith('$$')) throw new Error(`the skeleton has a key "${key}" that no tree gives`);
      setOwn(out, key.startsWith('$') ? key.slice(1) : key, walk(x));
    }
    return out;
  };
  const tree = walk(flat.skeleton);
  if (used.size !== flat.leaves.length) throw new Error(`the skeleton uses ${used.size} of ${flat.leaves.length} leaves`);
  return tree;
}

function leafValue(leaves: TreeLeaf[], index: unknown, used: Set<number>): unknown {
  if (!(Number.isInteger(index) && (index as number) >= 0 && (index as number) < leaves.length) || used.has(index as number)) {
    throw new Error(`the skeleton names leaf ${JSON.stringify(index)}, of ${leaves.length}, or names it twice`);
  }
  used.add(index as number);
  const { type, values } = leaves[index as number];
  if (type === 'number') {
    if (values.length !== 1) throw new Error(`a number leaf holds ${values.length} values`);
    return values[0];
  }
  if (type === 'number[]') return Array.from(values);
  if (typedArrayName(values) !== type) throw new Error(`a leaf of type ${type} holds a ${values.constructor.name}`);
  return values;
}

/** The name of a typed array's constructor among TYPED_ARRAYS, or null (Uint8ClampedArray, BigInt64Array, DataView). */
export function typedArrayName(v: ArrayBufferView): TypedArrayName | null {
  const name = v.constructor.name as TypedArrayName;
  return Object.hasOwn(TYPED_ARRAYS, name) && v instanceof TYPED_ARRAYS[name] ? name : null;
}

/** An object literal's kind of object (a null prototype included), not a class instance. */
function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Sets a key as an own property, even "__proto__", which plain assignment would take for the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A key as a JSON Pointer token (RFC 6901). */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
