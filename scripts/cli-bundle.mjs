/**
 * The command line built ahead: src/cli/main.ts and its worker threads' entry, bundled with esbuild into
 * node_modules/.cache/cli/, and rebuilt when any file they were built from has changed. Node then starts
 * from plain JavaScript instead of transpiling every source file through tsx at each run, and the
 * bundled packages load as a few files instead of hundreds (mathjs alone: ~0.5 s unbundled).
 *
 * Plain JavaScript on purpose: it runs before anything could transpile TypeScript.
 * Run directly (node scripts/cli-bundle.mjs) it rebuilds and prints what it wrote.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Beside the installed packages it was built with: `npm ci` clears it, and `vite build` (which empties dist/) does not. */
export const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'cli');
const MANIFEST = path.join(OUT_DIR, 'manifest.json');
/** Bumped when the manifest's shape or the layout of the output changes, so an older build is never trusted. */
const FORMAT = 1;
/**
 * What changes the output besides the bundled sources: this file (it holds the build options), and the
 * installed packages. npm rewrites node_modules/.package-lock.json at every install, while the files it
 * unpacks all carry the same date (1985), so that file, with each bundled package's package.json, stands
 * for the packages' files: a few hundred fewer stat calls. A hand edit inside node_modules goes unseen
 * (node scripts/cli-bundle.mjs rebuilds).
 */
const ALSO_WATCHED = ['scripts/cli-bundle.mjs', 'tsconfig.json', 'package.json', 'node_modules/.package-lock.json', 'node_modules/esbuild/package.json'];
/** A file inside an installed package: the package's folder, the innermost when packages nest. */
const PACKAGE_FILE = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;
/** Replaced in the bundle by the same validator compiled ahead: Ajv compiling the schema costs ~0.3 s a start. */
const SCENARIO_VALIDATOR = 'src/model/scenario-validator.ts';
/** Left to Node at run time: a native addon, and jsdom (large, reads files beside its code; only --out needs it). */
const EXTERNAL = ['@resvg/resvg-js', 'jsdom'];
/** Files of a superseded build stay this long: a run started before the rebuild may still load its lazy chunks. */
const KEEP_SUPERSEDED_MS = 24 * 60 * 60 * 1000;
// Bundled CommonJS packages may require Node's built-in modules, which an ES module has no `require` for.
const REQUIRE_BANNER = "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);";

/**
 * @typedef {object} CliManifest
 * @property {number} format
 * @property {string} main the command line's entry file, in OUT_DIR
 * @property {string} worker the worker threads' entry file, in OUT_DIR
 * @property {string[]} outputs every file of the build, in OUT_DIR
 * @property {string[]} workerInputs the files bundled into the worker entry (relative to the project's root)
 * @property {[string, number, number][]} inputs every file the build depends on: [path, mtimeMs, size]
 */

/** The command line's entry file (an absolute path), built or rebuilt first when missing or out of date. */
export async function ensureCliBundle() {
  const manifest = freshManifest() ?? (await buildCliBundle());
  return path.join(OUT_DIR, manifest.main);
}

/**
 * The manifest of the current build when that build is complete and every file it came from is as it was
 * (same modification time and size, not merely older: a file put back from elsewhere counts as changed).
 * A few hundred stat calls, a few milliseconds. Null when a build is needed.
 * @returns {CliManifest | null}
 */
export function freshManifest() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
  if (manifest?.format !== FORMAT) return null;
  for (const [file, mtimeMs, size] of manifest.inputs) {
    const stat = statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (stat === undefined || stat.mtimeMs !== mtimeMs || stat.size !== size) return null;
  }
  return manifest.outputs.every((file) => existsSync(path.join(OUT_DIR, file))) ? manifest : null;
}

/**
 * Bundles the command line and its worker entry, writes them, then the manifest. Every output is named by
 * its content and written by rename, and the manifest last: runs started at the same time may all
 * rebuild, and none ever loads a half-written or mismatched file.
 * @returns {Promise<CliManifest>}
 */
export async function buildCliBundle() {
  const started = Date.now();
  const esbuild = await import('esbuild');
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: OUT_DIR,
    // .mjs: under node_modules/, Node would not see the project's "type": "module".
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    external: EXTERNAL,
    banner: { js: REQUIRE_BANNER },
    metafile: true,
    write: false,
    logLevel: 'error',
  };
  // The worker alone, self-contained: it holds the engine and comlink, never the validator or mathjs
  // (tests/cli/cli-bundle.test.ts checks), and the command line can then name its file.
  const worker = await esbuild.build({ ...common, entryPoints: { 'simulation.node-worker': 'workers/simulation.node-worker.ts' } });
  const workerFile = entryOutput(worker.metafile, 'workers/simulation.node-worker.ts');
  const validator = await scenarioValidatorCode(esbuild, common);
  // Split, so that what only some runs need (validation, the expression parser, the chart export) loads
  // when asked for, from its own file.
  const main = await esbuild.build({
    ...common,
    entryPoints: { main: 'src/cli/main.ts' },
    splitting: true,
    define: { BUNDLED_WORKER_ENTRY: JSON.stringify(`./${workerFile}`) },
    plugins: [replaceModule(SCENARIO_VALIDATOR, validator.code)],
  });

  mkdirSync(OUT_DIR, { recursive: true });
  const outputs = [...worker.outputFiles, ...main.outputFiles];
  for (const file of outputs) writeAtomically(file.path, file.contents);
  /** @type {CliManifest} */
  const manifest = {
    format: FORMAT,
    main: entryOutput(main.metafile, 'src/cli/main.ts'),
    worker: workerFile,
    outputs: outputs.map((file) => path.relative(OUT_DIR, file.path)),
    workerInputs: Object.keys(worker.metafile.inputs),
    inputs: watchedFiles([worker.metafile, validator.metafile, main.metafile], started),
  };
  writeAtomically(MANIFEST, JSON.stringify(manifest));
  removeSuperseded(new Set(manifest.outputs));
  return manifest;
}

/**
 * The scenario validator compiled ahead (scripts/scenario-validator-code.ts, which runs Ajv on the
 * TypeScript schema: bundled and run here, since nothing here runs TypeScript), and what it was made from.
 */
async function scenarioValidatorCode(esbuild, common) {
  const generator = await esbuild.build({
    ...common,
    entryPoints: { 'scenario-validator-code': 'scripts/scenario-validator-code.ts' },
    entryNames: '[name]',
    outExtension: { '.js': `.${process.pid}.tmp.mjs` },
    external: [],
  });
  const [file] = generator.outputFiles;
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(file.path, file.contents);
  try {
    const { scenarioValidatorCode: generate } = await import(pathToFileURL(file.path).href);
    return { code: generate(), metafile: generator.metafile };
  } finally {
    rmSync(file.path, { force: true });
  }
}

/** An esbuild plugin that gives one source file (a path from the project's root) other contents. */
function replaceModule(file, contents) {
  const target = path.join(ROOT, file);
  return {
    name: `replace ${file}`,
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => (args.path === target ? { contents, loader: 'js', resolveDir: path.dirname(target) } : undefined));
    },
  };
}

/**
 * The output file (name in OUT_DIR) of a build's entry point. By the entry's source, not the first output
 * with an entry point: esbuild marks the file of each dynamic import as one too, in no set order.
 */
function entryOutput(metafile, source) {
  const [output] = Object.entries(metafile.outputs).filter(([, o]) => o.entryPoint === source);
  if (output === undefined) throw new Error(`cli-bundle: no output for the entry ${source}`);
  return path.relative(OUT_DIR, path.resolve(ROOT, output[0]));
}

/** [path, mtimeMs, size] of every source of the builds, every bundled package's package.json, and ALSO_WATCHED. */
function watchedFiles(metafiles, started) {
  const files = new Set(ALSO_WATCHED);
  for (const metafile of metafiles) {
    for (const file of Object.keys(metafile.inputs)) {
      const inPackage = PACKAGE_FILE.exec(file);
      files.add(inPackage ? `${inPackage[1]}/package.json` : file);
    }
  }
  const watched = [];
  for (const file of files) {
    const stat = statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (stat === undefined) continue;
    // Changed while the build ran: what was bundled may be the older text, so the next run rebuilds.
    watched.push([file, stat.mtimeMs >= started ? -1 : stat.mtimeMs, stat.size]);
  }
  return watched;
}

function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** Deletes files of earlier builds once no run could still be using them. */
function removeSuperseded(current) {
  const now = Date.now();
  for (const name of readdirSync(OUT_DIR)) {
    if (name === 'manifest.json' || current.has(name)) continue;
    const file = path.join(OUT_DIR, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat !== undefined && now - stat.mtimeMs > KEEP_SUPERSEDED_MS) rmSync(file, { force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const manifest = await buildCliBundle();
  process.stdout.write(`built the command line in ${OUT_DIR}:\n${manifest.outputs.map((f) => `  ${f}\n`).join('')}`);
}
