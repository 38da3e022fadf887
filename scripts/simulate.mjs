/**
 * npm run simulate: runs the command line (src/cli/main.ts) from its bundle, built first when missing or
 * older than the sources (scripts/cli-bundle.mjs). The bundle reads process.argv as the sources would.
 */
import { pathToFileURL } from 'node:url';
import { ensureCliBundle } from './cli-bundle.mjs';

let entry;
try {
  entry = await ensureCliBundle();
} catch (error) {
  // esbuild has already printed where the sources fail to build; anything else (say, an unwritable folder) is said here.
  const reason = error instanceof Error && !('errors' in error) ? `: ${error.message.split('\n')[0]}` : ' (see above)';
  process.stderr.write(`internal error: the command line could not be built from its sources${reason}\n`);
  process.exit(1);
}
await import(pathToFileURL(entry).href);
