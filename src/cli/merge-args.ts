/** The flags of npm run merge: partial files, and the same outputs as npm run simulate. */

export interface MergeOptions {
  files: string[];
  json: boolean;
  outDir?: string;
  help: boolean;
}

export const MERGE_USAGE = `usage: npm run merge -- <partial files...> [options]

Merges the partial results written by npm run simulate -- <scenario> --shard K/N --partial FILE
into the run's result: the same, bit for bit, as the run of every trial on one machine. The files
must be of one run (scenario, seed, trials, strategies, attribution, engine) and hold every trial
once; they may come in any order. The scenario travels in the files.

  --json             print the result as one JSON object on stdout
  --out DIR          write result.json, bands.csv, report.html and the charts to DIR
  --help             show this text
`;

export type MergeArgsResult = { ok: true; options: MergeOptions } | { ok: false; message: string };

/** Parses argv (without node and the script). */
export function parseMergeArgs(argv: readonly string[]): MergeArgsResult {
  const options: MergeOptions = { files: [], json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.files.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') options.files.push(arg);
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? argv[++i] : arg.slice('--out='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return { ok: false, message: '--out needs a directory' };
      options.outDir = value;
    } else return { ok: false, message: `unknown option ${JSON.stringify(arg.split('=')[0])}` };
  }
  if (!options.help && options.files.length === 0) return { ok: false, message: 'missing the partial files to merge' };
  return { ok: true, options };
}
