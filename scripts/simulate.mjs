/**
 * npm run simulate: runs the command line (src/cli/main.ts) from its bundle; scripts/cli.mjs does the
 * work for every command. Kept as the simulate command's own file, which tests and the benchmark start.
 */
process.argv.splice(2, 0, 'main');
await import('./cli.mjs');
