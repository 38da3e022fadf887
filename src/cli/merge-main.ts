/**
 * npm run merge: partial results (npm run simulate --shard K/N --partial FILE) in, the run's result out,
 * as npm run simulate prints and writes it. All headers are read and checked first (one run, every
 * trial once), so that a wrong set of files is refused at once, with every problem named; then each
 * file's trials are decoded and added one at a time, in trial order, so memory holds the run and one file.
 */
import { readFile } from 'node:fs/promises';
import { summariseRun } from '../engine/summarise-run.ts';
import { scenarioHash } from '../model/scenario-hash.ts';
import { shardSetProblems } from '../shard/check-shards.ts';
import { decodePartialFile, PartialFileError, readPartialHeader, type PartialHeader } from '../shard/partial-file.ts';
import { compileIdentity, createRunMerger } from '../shard/run-merger.ts';
import { parseScenario } from './load-scenario.ts';
import { MERGE_USAGE, parseMergeArgs } from './merge-args.ts';
import { printResult } from './print-result.ts';
import { EXIT_OK, runCommand } from './run-command.ts';
import { fsReason, UserError } from './user-error.ts';
import { prepareOutDir } from './write-outputs.ts';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseMergeArgs(argv);
  if (!parsed.ok) throw new UserError(`${parsed.message}\nRun with --help to see the options.`);
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(MERGE_USAGE);
    return EXIT_OK;
  }
  const headers = await readHeaders(options.files);
  const problems = shardSetProblems(headers.map((h) => ({ name: h.file, identity: h.header.identity, range: h.header.range })));
  if (problems.length > 0) throw new UserError(`cannot merge these partial results:\n${problems.map((p) => `  ${p}\n`).join('')}`.trimEnd());

  const first = headers[0];
  const scenario = await parseScenario(first.header.scenario, `the scenario in ${first.file}`);
  if (scenarioHash(scenario) !== first.header.identity.scenarioHash) throw new UserError(`${first.file} is corrupted: its scenario does not have the hash of its run`);
  let run;
  try {
    run = compileIdentity(scenario, first.header.identity);
  } catch (error) {
    throw new UserError(`cannot merge these partial results: ${(error as Error).message}`);
  }
  if (options.outDir !== undefined) await prepareOutDir(options.outDir);

  const merger = createRunMerger(first.header.identity, run);
  // In trial order, whatever the order given: the accumulator keeps a partial that arrives before the
  // trials ahead of it, so this order holds the run and one file, never more.
  const inTrialOrder = [...headers].sort((a, b) => a.header.range.from - b.header.range.from);
  for (const { file } of inTrialOrder) {
    try {
      merger.add(await decodePartialFile(await read(file)), file);
    } catch (error) {
      if (error instanceof PartialFileError) throw new UserError(`${file} cannot be merged: ${error.message}`);
      if (error instanceof UserError) throw error;
      throw new UserError(`cannot merge these partial results: ${(error as Error).message}`);
    }
  }
  const result = summariseRun(scenario, run, merger.result());
  await printResult(result, scenario, options);
  return EXIT_OK;
}

/** Every file's header; every file that cannot be read or is not a partial result is named, all at once. */
async function readHeaders(files: string[]): Promise<{ file: string; header: PartialHeader }[]> {
  const headers: { file: string; header: PartialHeader }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      headers.push({ file, header: readPartialHeader(await read(file)) });
    } catch (error) {
      if (error instanceof UserError) problems.push(error.message);
      else if (error instanceof PartialFileError) problems.push(`${file} is not a partial result this version can merge: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  return headers;
}

async function read(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new UserError(`cannot read ${JSON.stringify(file)}: ${fsReason(error)}`);
  }
}

runCommand(main);
