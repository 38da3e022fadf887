/**
 * The command line's bundle (scripts/cli-bundle.mjs): the worker threads load only the engine, never the
 * validator or mathjs; the command line loads them only when a run asks, and its validator, compiled
 * ahead, finds what the sources' finds; a changed source means a rebuild.
 */
import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle, freshManifest, OUT_DIR, type CliManifest } from '../../scripts/cli-bundle.mjs';
import { parseScenarioText } from '../../src/model/validate.ts';
import { scenarioWith, smallScenario, type Draft } from '../model/builders.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Packages that only validation and demand expressions need: seconds of start-up a worker must not pay. */
const MAIN_THREAD_ONLY = ['mathjs', 'ajv', '@sinclair/typebox'];
// esbuild heads each bundled module with a comment naming its file, e.g. "// node_modules/mathjs/lib/esm/...".
const bundledFrom = (text: string, pkg: string): boolean => text.includes(`// node_modules/${pkg}/`);

let manifest: CliManifest;
const read = (file: string): string => readFileSync(path.join(OUT_DIR, file), 'utf8');

/** The files a bundle file loads as it starts (static imports, followed), as opposed to import() on demand. */
function staticClosure(entry: string): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const text = read(queue.pop()!);
    for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)";|^import\s*"\.\/([^"]+)";/gm)) {
      const file = match[1] ?? match[2];
      if (!seen.has(file)) {
        seen.add(file);
        queue.push(file);
      }
    }
  }
  return [...seen];
}

beforeAll(async () => {
  await ensureCliBundle();
  manifest = freshManifest()!;
}, 120_000);

describe('the bundle', () => {
  it('gives the worker threads the engine alone: no mathjs, Ajv, TypeBox or validation code', () => {
    const inputs = manifest.workerInputs;
    expect(inputs).toContain('src/engine/simulate-chunk.ts');
    for (const pkg of MAIN_THREAD_ONLY) expect(inputs.filter((f) => f.startsWith(`node_modules/${pkg}/`))).toEqual([]);
    expect(inputs.filter((f) => /^src\/(model\/(validate|structure|expression|schema)|cli|export|charts)/.test(f))).toEqual([]);
    // A self-contained file, well under what validation alone bundles (about 1.1 MB with mathjs); about
    // half of it is stdlib's beta quantile (beta-PERT draws) and the special functions it stands on.
    expect(staticClosure(manifest.worker)).toEqual([manifest.worker]);
    expect(statSync(path.join(OUT_DIR, manifest.worker)).size).toBeLessThan(700_000);
    const text = read(manifest.worker);
    for (const pkg of MAIN_THREAD_ONLY) expect(bundledFrom(text, pkg), pkg).toBe(false);
  });

  it('starts the command line without mathjs, Ajv or TypeBox, which it loads on demand from files of their own', () => {
    const startup = staticClosure(manifest.main).map(read).join('\n');
    const everything = manifest.outputs.filter((f) => f.endsWith('.mjs')).map(read).join('\n');
    for (const pkg of MAIN_THREAD_ONLY) {
      expect(bundledFrom(startup, pkg), `${pkg} at start-up`).toBe(false);
      expect(bundledFrom(everything, pkg), `${pkg} somewhere in the build`).toBe(true);
    }
    // ...and names its worker by the built file, not by the TypeScript source.
    expect(startup).toContain(JSON.stringify(`./${manifest.worker}`));
    // The validator is compiled ahead: Ajv's compiler is in no file of the build.
    expect(everything).not.toContain('// node_modules/ajv/dist/compile/');
  });

  it('builds every command of package.json; Arrow only where partial files are read or written, BullMQ and ioredis left to Node', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(['main', 'merge', 'queue-submit', 'queue-worker']);
    expect(manifest.commands.main).toBe(manifest.main);
    const startup = (command: string) => staticClosure(manifest.commands[command]).map(read).join('\n');
    // npm run simulate without --partial never loads Arrow; merge does, bundled (it runs as built).
    expect(bundledFrom(startup('main'), 'apache-arrow')).toBe(false);
    expect(bundledFrom(startup('merge'), 'apache-arrow')).toBe(true);
    for (const command of ['queue-submit', 'queue-worker']) {
      const text = startup(command);
      expect(bundledFrom(text, 'bullmq') || bundledFrom(text, 'ioredis'), command).toBe(false);
      expect(text).toMatch(/from "bullmq"/);
    }
  });

  it("validates as the sources do, with the validator compiled ahead: every issue, path and message", async () => {
    const chunk = manifest.outputs.find((f) => f.startsWith('validate-'))!;
    const bundled = (await import(pathToFileURL(path.join(OUT_DIR, chunk)).href)) as typeof import('../../src/model/validate.ts');
    const broken: Draft[] = [
      smallScenario(),
      scenarioWith((s) => (s.nodes[3].capacity = '12kt')),
      scenarioWith((s) => delete s.nodes[0].country),
      scenarioWith((s) => (s.horizonMonths = 24.5)),
      scenarioWith((s) => (s.nodes[0].stage = 'mining')),
      scenarioWith((s) => (s.nodes[0].capcity = 1)),
      scenarioWith((s) => (s.routes[0].length = 3)),
      scenarioWith((s) => (s.disruptions[0].severity = { uniform: [0.1] })),
      scenarioWith((s) => (s.disruptions[0].severity = { gamma: [1, 2] })),
      scenarioWith((s) => (s.disruptions[0].severity = { fixed: 1, uniform: [0, 1] })),
      scenarioWith((s) => (s.strategies[0].levers[0] = { stockpile: { nodes: 'maker-a', units: -1 } })),
      scenarioWith((s) => (s.strategies[0].levers[0] = { stockpiles: {} })),
      scenarioWith((s) => (s.nodes[5].sources[0].share = 'most')),
      scenarioWith((s) => (s.nodes = 'none')),
      [],
    ];
    const texts = [...broken.map((d) => JSON.stringify(d)), '{ "id": "x", }', readFileSync(path.join(root, 'scenarios/gallium.json'), 'utf8')];
    let invalid = 0;
    for (const text of texts) {
      const expected = parseScenarioText(text);
      if (!expected.ok) invalid++;
      expect(await bundled.parseScenarioTextAsync(text), text.slice(0, 200)).toEqual(expected);
    }
    expect(invalid).toBe(texts.length - 2); // all but the small scenario and gallium
  });

  it('counts as out of date when a source it was built from changes, and is rebuilt then', async () => {
    const source = path.join(root, 'src/cli/table.ts');
    expect(manifest.inputs.map(([file]) => file)).toContain('src/cli/table.ts');
    const { atime, mtime } = statSync(source);
    // Put back to the millisecond only (utimes cannot restore the exact time), which is a change too.
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 1000));
      expect(freshManifest()).toBeNull();
    } finally {
      utimesSync(source, atime, mtime);
    }
    await ensureCliBundle();
    const rebuilt = freshManifest();
    expect(rebuilt?.inputs.find(([file]) => file === 'src/cli/table.ts')?.[1]).toBe(statSync(source).mtimeMs);
    // Same sources, same content, same file names: a rebuild that changes nothing changes no name.
    expect(rebuilt?.main).toBe(manifest.main);
  }, 60_000);
});
