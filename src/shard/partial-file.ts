/**
 * A partial result as a file: an Apache Arrow IPC file (the "Feather v2" format) whose rows are the
 * result's numeric leaves (path, type, values in a list column of the leaf's own element type), with
 * the run's identity, its trial range, the scenario's text, the tree's skeleton and a sha256 digest in
 * the schema's metadata. Arrow keeps every bit of the typed arrays (NaN, -0, subnormals) and is read by
 * pyarrow, DuckDB or polars, so a reviewer can open a shard without this code. See docs/model.md.
 */
import {
  Data,
  DataType,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  List,
  makeData,
  RecordBatch,
  RecordBatchReader,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { checkIdentity, type RunIdentity } from './run-identity.ts';
import { flattenTree, TYPED_ARRAYS, unflattenTree, type LeafType, type TreeLeaf, type TreeTypedArray, type TypedArrayName } from './value-tree.ts';

/** Bumped when the layout below changes; a reader refuses a format it does not know. */
export const PARTIAL_FORMAT = 1;
const HEADER_KEY = 'minerals.partial';
const SKELETON_KEY = 'minerals.partial.skeleton';

/** A partial result with what identifies it; `body` is the kind's own tree (a PartialResult for kind "run"). */
export interface PartialFile<Body = unknown> {
  identity: RunIdentity;
  /** the trials it holds: [from, to) of the run's identity.trials */
  range: { from: number; to: number };
  /** the scenario file's text, so that a merge needs nothing else (its hash is identity.scenarioHash) */
  scenario: string;
  body: Body;
}

/** What the file says of itself, readable without decoding the body. */
export interface PartialHeader {
  format: number;
  identity: RunIdentity;
  range: { from: number; to: number };
  scenario: string;
  /** sha256 hex of the header without this field, the skeleton and every leaf (digest()) */
  digest: string;
}

/** Thrown for bytes that are not a partial file this code can read, or whose contents fail their digest. */
export class PartialFileError extends Error {
  override readonly name = 'PartialFileError';
}

/** Each typed array's column and Arrow element type; plain numbers travel as doubles. */
const COLUMNS: Record<TypedArrayName, { column: string; type: () => DataType }> = {
  Float64Array: { column: 'float64', type: () => new Float64() },
  Float32Array: { column: 'float32', type: () => new Float32() },
  Int32Array: { column: 'int32', type: () => new Int32() },
  Uint32Array: { column: 'uint32', type: () => new Uint32() },
  Int16Array: { column: 'int16', type: () => new Int16() },
  Uint16Array: { column: 'uint16', type: () => new Uint16() },
  Int8Array: { column: 'int8', type: () => new Int8() },
  Uint8Array: { column: 'uint8', type: () => new Uint8() },
};

/** The typed array a leaf type is stored as. */
const storedAs = (type: LeafType): TypedArrayName => (type === 'number' || type === 'number[]' ? 'Float64Array' : type);

/** Encodes a partial file; the body may be any tree value-tree.ts can hold. */
export async function encodePartialFile(file: PartialFile): Promise<Uint8Array> {
  const { skeleton, leaves } = flattenTree(file.body);
  const unsigned = { format: PARTIAL_FORMAT, identity: file.identity, range: file.range, scenario: file.scenario };
  const skeletonJson = JSON.stringify(skeleton);
  const header: PartialHeader = { ...unsigned, digest: await digest(unsigned, skeletonJson, leaves) };
  const metadata = new Map([
    [HEADER_KEY, JSON.stringify(header)],
    [SKELETON_KEY, skeletonJson],
  ]);
  return tableToIPC(leafTable(leaves, metadata), 'file');
}

/** Reads the header alone (identity, range, scenario), without decoding the leaves; throws PartialFileError. */
export function readPartialHeader(bytes: Uint8Array): PartialHeader {
  let schema: Schema;
  try {
    const reader = RecordBatchReader.from(bytes);
    reader.open();
    schema = reader.schema;
  } catch (error) {
    throw new PartialFileError(`it is not an Arrow IPC file (${reason(error)})`);
  }
  if (schema === undefined || schema === null) throw new PartialFileError('it is not an Arrow IPC file (no schema)');
  return headerOf(schema.metadata);
}

/** Decodes a partial file and checks its digest; throws PartialFileError for anything else than a sound partial file. */
export async function decodePartialFile(bytes: Uint8Array): Promise<PartialFile> {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new PartialFileError(`it is not an Arrow IPC file (${reason(error)})`);
  }
  const header = headerOf(table.schema.metadata);
  const skeletonJson = table.schema.metadata.get(SKELETON_KEY);
  if (skeletonJson === undefined) throw new PartialFileError('it has no skeleton in its metadata');
  let leaves: TreeLeaf[];
  try {
    leaves = readLeaves(table);
  } catch (error) {
    throw new PartialFileError(`its rows cannot be read (${reason(error)})`);
  }
  const { digest: expected, ...unsigned } = header;
  if ((await digest(unsigned, skeletonJson, leaves)) !== expected) {
    throw new PartialFileError('it is corrupted: its contents do not match the digest written with them');
  }
  let body: unknown;
  try {
    body = unflattenTree({ skeleton: JSON.parse(skeletonJson), leaves });
  } catch (error) {
    throw new PartialFileError(`its skeleton does not fit its rows (${reason(error)})`);
  }
  return { identity: header.identity, range: header.range, scenario: header.scenario, body };
}

/** The header in a schema's metadata, checked field by field. */
function headerOf(metadata: Map<string, string>): PartialHeader {
  const text = metadata.get(HEADER_KEY);
  if (text === undefined) throw new PartialFileError('it is an Arrow file but not a partial result (no "minerals.partial" metadata)');
  let header: PartialHeader;
  try {
    header = JSON.parse(text);
  } catch {
    throw new PartialFileError('it is corrupted: its header is not JSON');
  }
  if (header?.format !== PARTIAL_FORMAT) {
    throw new PartialFileError(`it is a partial file of format ${JSON.stringify(header?.format)}; this version reads format ${PARTIAL_FORMAT}`);
  }
  try {
    checkIdentity(header.identity);
  } catch (error) {
    throw new PartialFileError(`it is corrupted: ${reason(error)}`);
  }
  const r = header.range;
  if (!(r && Number.isSafeInteger(r.from) && Number.isSafeInteger(r.to) && r.from >= 0 && r.from < r.to && r.to <= header.identity.trials)) {
    throw new PartialFileError(`it is corrupted: its trial range ${JSON.stringify(r)} is not within the run's ${header.identity.trials} trials`);
  }
  if (typeof header.scenario !== 'string' || typeof header.digest !== 'string') throw new PartialFileError('it is corrupted: its header has no scenario or digest');
  return header;
}

/** One row per leaf: its path and type, and its values in the list column of its element type (null in the others). */
function leafTable(leaves: TreeLeaf[], metadata: Map<string, string>): Table {
  const n = leaves.length;
  const fields: Field[] = [new Field('path', new Utf8(), false), new Field('type', new Utf8(), false)];
  const children: Data[] = [vectorFromArray(leaves.map((l) => l.path), new Utf8()).data[0], vectorFromArray(leaves.map((l) => l.type), new Utf8()).data[0]];
  for (const name of Object.keys(COLUMNS) as TypedArrayName[]) {
    const rows = leaves.map((l, i) => (storedAs(l.type) === name ? i : -1)).filter((i) => i >= 0);
    if (rows.length === 0) continue;
    const { column, type } = COLUMNS[name];
    const listType = new List(new Field('item', type(), false));
    fields.push(new Field(column, listType, true));
    children.push(listData(listType, name, leaves, new Set(rows), n));
  }
  const schema = new Schema(fields, metadata);
  const struct = makeData({ type: new Struct(fields), length: n, nullCount: 0, children });
  return new Table([new RecordBatch(schema, struct)]);
}

/** A list column holding the values of the leaves in `rows` and null elsewhere. */
function listData(listType: List, name: TypedArrayName, leaves: TreeLeaf[], rows: Set<number>, n: number): Data {
  const offsets = new Int32Array(n + 1);
  const validity = new Uint8Array(Math.ceil(n / 8));
  let length = 0;
  for (let i = 0; i < n; i++) {
    if (rows.has(i)) {
      length += leaves[i].values.length;
      validity[i >> 3] |= 1 << (i & 7);
    }
    offsets[i + 1] = length;
  }
  if (length > 0x7fffffff) throw new RangeError(`a partial result holds more than 2^31 values of ${name}`);
  const values = new TYPED_ARRAYS[name](length);
  for (let i = 0; i < n; i++) if (rows.has(i)) values.set(leaves[i].values as never, offsets[i]);
  const child = makeData({ type: listType.children[0].type, length, nullCount: 0, data: values });
  return makeData({ type: listType, length: n, nullCount: n - rows.size, nullBitmap: validity, valueOffsets: offsets, child });
}

/** The leaves of a decoded table, each a typed array of its own (copied out of the file's buffer). */
function readLeaves(table: Table): TreeLeaf[] {
  const paths = table.getChild('path');
  const types = table.getChild('type');
  if (paths === null || types === null) throw new Error('no path or type column');
  const leaves: TreeLeaf[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const type = types.get(i) as LeafType;
    const stored = storedAs(type);
    if (!Object.hasOwn(COLUMNS, stored)) throw new Error(`row ${i} has an unknown type ${JSON.stringify(type)}`);
    const list = table.getChild(COLUMNS[stored].column)?.get(i);
    if (list === null || list === undefined) throw new Error(`row ${i} (${type}) has no values in column ${COLUMNS[stored].column}`);
    const values = list.toArray() as TreeTypedArray;
    if (!(values instanceof TYPED_ARRAYS[stored])) throw new Error(`row ${i} holds ${values.constructor.name}, not ${stored}`);
    leaves.push({ path: String(paths.get(i)), type, values: values.slice() });
  }
  return leaves;
}

/** sha256 of the header's JSON, the skeleton and each leaf (path, type, length and the sha256 of its bytes). */
async function digest(unsigned: Omit<PartialHeader, 'digest'>, skeletonJson: string, leaves: TreeLeaf[]): Promise<string> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(JSON.stringify(unsigned)), encoder.encode('\0'), encoder.encode(skeletonJson)];
  // One leaf at a time, so that hashing never copies the whole result into one buffer.
  for (const leaf of leaves) {
    parts.push(encoder.encode(`\0${leaf.path}\0${leaf.type}\0${leaf.values.length}\0`));
    parts.push(new Uint8Array(await crypto.subtle.digest('SHA-256', leaf.values)));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', all))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
