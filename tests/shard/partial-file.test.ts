/**
 * The partial file's codec (src/shard/partial-file.ts over value-tree.ts): every bit of every number
 * comes back (NaN, -0, infinities, subnormals, the extremes of each integer type), for typed arrays of
 * every supported type, plain numbers and exact sums' partial lists, in any tree; a real partial result
 * comes back equal, byte for byte; and what is not a sound partial file is refused with a reason.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { compileRun } from '../../src/engine/compile-run.ts';
import { simulateChunk } from '../../src/engine/simulate-chunk.ts';
import type { Scenario } from '../../src/model/schema.ts';
import { decodePartialFile, encodePartialFile, PartialFileError, readPartialHeader, type PartialFile } from '../../src/shard/partial-file.ts';
import { runIdentity, type RunIdentity } from '../../src/shard/run-identity.ts';
import { TYPED_ARRAYS, type TypedArrayName } from '../../src/shard/value-tree.ts';

const exampleText = readFileSync(new URL('../fixtures/example-scenario.json', import.meta.url), 'utf8');
const example = JSON.parse(exampleText) as Scenario;

const identity: RunIdentity = {
  kind: 'test',
  scenarioHash: '0'.repeat(64),
  seed: 'x',
  trials: 10,
  strategies: ['baseline'],
  attributionTrials: 0,
  flows: false,
  engine: 'test',
};
const fileOf = (body: unknown, range = { from: 0, to: 10 }): PartialFile => ({ identity, range, scenario: '{}', body });

/** The bytes of any typed array or number list, to compare bit for bit (toEqual treats NaN payloads and -0 loosely). */
function bits(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return [value.constructor.name, Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')];
  if (typeof value === 'number') return ['number', Buffer.from(new Float64Array([value]).buffer).toString('hex')];
  if (Array.isArray(value)) return value.map(bits);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bits(v)]));
  return value;
}

const roundTrip = async (body: unknown) => (await decodePartialFile(await encodePartialFile(fileOf(body)))).body;

/** Doubles every codec must keep: each special value, and the edges of the subnormal range. */
const SPECIAL_DOUBLES = [NaN, -0, 0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072009e-308, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 1 / 3, -1e-300];

describe('the partial file codec', () => {
  it('keeps NaN, -0, infinities and subnormals in Float64Array, Float32Array, plain numbers and number lists', async () => {
    const body = {
      doubles: Float64Array.from(SPECIAL_DOUBLES),
      singles: Float32Array.from([NaN, -0, Infinity, -Infinity, 1.4e-45, -1.17549435e-38, 3.4e38]),
      nan: NaN,
      negativeZero: -0,
      infinity: -Infinity,
      tiny: Number.MIN_VALUE,
      sum: { partials: [...SPECIAL_DOUBLES] },
      emptySum: { partials: [] },
    };
    const back = (await roundTrip(body)) as typeof body;
    expect(bits(back)).toEqual(bits(body));
    expect(Number.isNaN(back.nan)).toBe(true);
    expect(Object.is(back.negativeZero, -0)).toBe(true);
    expect(Object.is(back.sum.partials[1], -0)).toBe(true);
    expect(back.doubles[5]).toBe(5e-324);
  });

  it('keeps the extremes of every integer array type, and each array keeps its type', async () => {
    const body = {
      i32: Int32Array.from([-(2 ** 31), -1, 0, 2 ** 31 - 1]),
      u32: Uint32Array.from([0, 2 ** 32 - 1]),
      i16: Int16Array.from([-32768, 32767]),
      u16: Uint16Array.from([0, 65535]),
      i8: Int8Array.from([-128, 0, 2, 127]),
      u8: Uint8Array.from([0, 255]),
      empty: new Int32Array(0),
    };
    const back = (await roundTrip(body)) as typeof body;
    expect(bits(back)).toEqual(bits(body));
    for (const [key, value] of Object.entries(body)) expect(back[key as keyof typeof body].constructor).toBe(value.constructor);
  });

  it('keeps strings, booleans, null, nested lists of arrays, keys that start with "$" and leaves out undefined fields', async () => {
    const body = {
      id: 'baseline',
      flag: true,
      none: null,
      without: [new Float64Array([1, -0]), new Float64Array(0)],
      $leaf: 'not a reference',
      $$twice: 1,
      'a/b~c': 2,
      nested: [{ x: [1, 2] }, 'text', [[NaN]]],
      tts: undefined,
    };
    const back = await roundTrip(body);
    const { tts: _, ...expected } = body;
    expect(bits(back)).toEqual(bits(expected));
    expect(Object.hasOwn(back as object, 'tts')).toBe(false);
  });

  it('round-trips any tree of typed arrays, numbers and sums bit for bit (property)', async () => {
    const names = Object.keys(TYPED_ARRAYS) as TypedArrayName[];
    const typedArray = fc.tuple(fc.constantFrom(...names), fc.array(fc.double(), { maxLength: 20 })).map(([name, xs]) => {
      const a = new TYPED_ARRAYS[name](xs.length);
      // Integer arrays take the doubles' low bits, so every bit pattern of each type turns up.
      if (name.startsWith('Float')) a.set(xs);
      else new Uint8Array(a.buffer).set(new Uint8Array(Float64Array.from(xs).buffer).subarray(0, a.byteLength));
      return a;
    });
    const leaf = fc.oneof(typedArray, fc.double(), fc.record({ partials: fc.array(fc.double(), { maxLength: 6 }) }), fc.string(), fc.boolean());
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
    })).node;
    await fc.assert(
      fc.asyncProperty(tree, async (t) => {
        expect(bits(await roundTrip(t))).toEqual(bits(t));
      }),
      { numRuns: 60 },
    );
  });

  it('gives back a real partial result equal to the one written, and its identity, range and scenario', async () => {
    const run = compileRun(example, { trials: 40, seed: 'codec' });
    const part = simulateChunk(run, 0, 40);
    const file: PartialFile = { identity: runIdentity(example, run), range: { from: 0, to: 40 }, scenario: exampleText, body: part };
    const bytes = await encodePartialFile(file);
    const back = await decodePartialFile(bytes);
    expect(bits(back.body)).toEqual(bits(part));
    expect(back.identity).toEqual(file.identity);
    expect(back.range).toEqual({ from: 0, to: 40 });
    expect(back.scenario).toBe(exampleText);
    // The header alone, as the merge reads it before any body.
    expect(readPartialHeader(bytes).identity).toEqual(file.identity);
    // Bytes at an odd offset (a Buffer sliced from Node's pool, as a Redis client may hand them over).
    const odd = new Uint8Array(bytes.length + 3).subarray(3);
    odd.set(bytes);
    expect(bits((await decodePartialFile(odd)).body)).toEqual(bits(part));
    // Same data, same bytes: a shard written twice is the same file.
    expect(Buffer.from(await encodePartialFile(file)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a file whose bytes were changed, cut, or are not a partial result, saying why', async () => {
    const bytes = await encodePartialFile(fileOf({ values: Float64Array.from({ length: 4096 }, (_, i) => i / 7) }));
    // A bit flipped in the middle of the values: Arrow reads it happily, the digest does not.
    const flipped = bytes.slice();
    flipped[bytes.length >> 1] ^= 0x10;
    await expect(decodePartialFile(flipped)).rejects.toThrow(/corrupted: its contents do not match the digest/);
    await expect(decodePartialFile(bytes.slice(0, bytes.length - 100))).rejects.toThrow(PartialFileError);
    await expect(decodePartialFile(new TextEncoder().encode('{"not": "arrow"}'))).rejects.toThrow(/not an Arrow IPC file/);
    expect(() => readPartialHeader(new Uint8Array(10))).toThrow(/not an Arrow IPC file/);
    const plainArrow = tableToIPC(tableFromArrays({ x: new Float64Array([1, 2]) }), 'file');
    await expect(decodePartialFile(plainArrow)).rejects.toThrow(/not a partial result \(no "minerals.partial" metadata\)/);
  });

  it('refuses a header that was edited: a range outside the run, a missing identity field, another format', async () => {
    const edit = async (change: (header: Record<string, any>) => void) => {
      const bytes = await encodePartialFile(fileOf({ x: 1 }));
      const text = new TextDecoder('latin1').decode(bytes);
      const start = text.indexOf('{"format"');
      const end = text.indexOf('","digest":"') + '","digest":"'.length + 64 + 2;
      const header = JSON.parse(text.slice(start, end));
      change(header);
      // Same length, so Arrow's offsets still hold: pad the JSON with spaces.
      const edited = JSON.stringify(header).padEnd(end - start, ' ');
      expect(edited.length).toBe(end - start);
      const out = bytes.slice();
      out.set(new TextEncoder().encode(edited), start);
      return out;
    };
    await expect(decodePartialFile(await edit((h) => (h.range.to = 11)))).rejects.toThrow(/trial range .* not within the run's 10 trials/);
    await expect(decodePartialFile(await edit((h) => delete h.identity.seed))).rejects.toThrow(/its run identity has no seed/);
    await expect(decodePartialFile(await edit((h) => (h.format = 9)))).rejects.toThrow(/format 9; this version reads format 1/);
    // A header edited within the rules still fails its digest: the identity is signed with the data.
    await expect(decodePartialFile(await edit((h) => (h.identity.seed = 'y')))).rejects.toThrow(/digest/);
  });

  it('refuses to store what it could not give back: functions, bigints, class instances, holes of undefined', async () => {
    await expect(encodePartialFile(fileOf({ f: () => 1 }))).rejects.toThrow(/cannot store a function at \/f/);
    await expect(encodePartialFile(fileOf({ big: new BigInt64Array(1) }))).rejects.toThrow(/cannot store a BigInt64Array at \/big/);
    await expect(encodePartialFile(fileOf({ when: new Date(0) }))).rejects.toThrow(/cannot store a Date at \/when/);
    await expect(encodePartialFile(fileOf({ list: ['a', undefined] }))).rejects.toThrow(/cannot store undefined at \/list\/1/);
  });
});
