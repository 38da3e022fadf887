/**
 * Runs one command of the command line from its bundle: `node scripts/cli.mjs <command> args...`
 * (package.json's scripts: main for npm run simulate, merge, queue-submit, queue-worker). The bundle is
 * built first when missing or older than the sources (scripts/cli-bundle.mjs); the command reads
 * process.argv as its sources would, so the command's name is taken out of it first.
 */
import { pathToFileURL } from 'node:url';
import { COMMANDS, ensureCliBundle } from './cli-bundle.mjs';

const [command] = process.argv.splice(2, 1);
if (!Object.hasOwn(COMMANDS, command ?? '')) {
  process.stderr.write(`internal error: scripts/cli.mjs needs a command: ${Object.keys(COMMANDS).join(', ')}\n`);
  process.exit(1);
}
let entry;
try {
  entry = await ensureCliBundle(command);
} catch (error) {
  // esbuild has already printed where the sources fail to build; anything else (say, an unwritable folder) is said here.
  const reason = error instanceof Error && !('errors' in error) ? `: ${error.message.split('\n')[0]}` : ' (see above)';
  process.stderr.write(`internal error: the command line could not be built from its sources${reason}\n`);
  process.exit(1);
}
await import(pathToFileURL(entry).href);
