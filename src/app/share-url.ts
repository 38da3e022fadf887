/**
 * The URL hash that describes what is on screen. Seed and trials are repeated beside the scenario so a
 * reader of the link sees them:
 * - `#scenario=<id>&seed=S&trials=N`: a shipped scenario as shipped (whatever its seed and trials);
 * - `#scenario=<id>&base=<8 hex>&edit=<z>&seed=S&trials=N`: a shipped scenario edited, the edit an RFC 6902
 *   JSON Patch against the shipped file whose hash begins with `base` (so a link made with another
 *   version of that file can say so);
 * - `#z=<z>&seed=S&trials=N`: any other scenario, its whole JSON;
 * where <z> is deflate-raw then base64url (share-codec.ts). `#s=<base64url JSON>`, the uncompressed
 * form of earlier versions, is still read.
 */
import { base64UrlDecode, compressToBase64Url, decompressFromBase64Url } from './share-codec.ts';
import type { Operation } from './scenario-patch.ts';

export interface ShareState {
  /** a shipped scenario's id: the scenario itself, or with `patch` the file the edit applies to */
  scenarioId?: string;
  /** the edit of the shipped scenario */
  patch?: Operation[];
  /** the start of the hash of the shipped file the patch was made against */
  base?: string;
  /** a whole scenario's JSON text otherwise */
  text?: string;
  seed?: string | number;
  trials?: number;
}

/**
 * The longest link the app writes: 32 x 1024 characters. Chromium's address bar shows (and copies)
 * only the site's origin for a longer URL (kMaxURLDisplayChars = 32 * 1024, content/public/common/
 * content_constants.cc), so a longer link copied from there would open the default scenario; Firefox
 * and Safari accept longer URLs, and a link that opens in Chromium opens everywhere.
 */
export const MAX_LINK_CHARS = 32 * 1024;

/** The most a link's scenario may unpack to: far above any real scenario (the shipped ones are under 40 kB). */
const MAX_UNPACKED_BYTES = 5_000_000;

/** The hash (with its "#") for a state. */
export async function shareHash(state: ShareState): Promise<string> {
  const params = new URLSearchParams();
  if (state.scenarioId !== undefined) {
    params.set('scenario', state.scenarioId);
    if (state.patch !== undefined) {
      if (state.base !== undefined) params.set('base', state.base);
      params.set('edit', await compressToBase64Url(JSON.stringify(state.patch)));
    }
  } else if (state.text !== undefined) params.set('z', await compressToBase64Url(state.text));
  if (state.seed !== undefined) params.set('seed', String(state.seed));
  if (state.trials !== undefined) params.set('trials', String(state.trials));
  return `#${params.toString()}`;
}

/** Reads a hash; null when it names no scenario; an error (a sentence to show) when its scenario does not decode. */
export async function readShareHash(hash: string): Promise<ShareState | { error: string } | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ShareState = {};
  const id = params.get('scenario');
  const edit = params.get('edit');
  const packed = params.get('z');
  const plain = params.get('s');
  try {
    if (id) {
      state.scenarioId = id;
      if (edit !== null) {
        const patch: unknown = JSON.parse(await decompressFromBase64Url(edit, MAX_UNPACKED_BYTES));
        if (!Array.isArray(patch)) throw new Error('it is not a list of edits');
        state.patch = patch as Operation[];
        state.base = params.get('base') ?? undefined;
      }
    } else if (packed) state.text = await decompressFromBase64Url(packed, MAX_UNPACKED_BYTES);
    else if (plain) state.text = base64UrlDecode(plain);
    else return null;
  } catch (error) {
    const what = edit !== null && id ? 'the edit in the link' : 'the scenario in the link';
    return { error: `${what} is damaged: ${error instanceof SyntaxError ? 'it is not valid JSON' : (error as Error).message}` };
  }
  const seed = params.get('seed');
  if (seed !== null && seed !== '') state.seed = seedValue(seed);
  const trials = params.get('trials');
  if (trials !== null && /^\d+$/.test(trials)) state.trials = Number(trials);
  return state;
}

/** Whether a hash names a scenario at all (without decoding it). */
export function hashNamesScenario(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return ['scenario', 'z', 's'].some((key) => params.get(key));
}

/** Why a link cannot be shared, or null when it can: too long for the address bar of the most common browser. */
export function linkTooLong(url: string): string | null {
  if (url.length <= MAX_LINK_CHARS) return null;
  return (
    `the link would be ${url.length.toLocaleString('en-US')} characters long, and Chromium-based browsers (Chrome, Edge) ` +
    `keep only the site's address of a link longer than ${MAX_LINK_CHARS.toLocaleString('en-US')} characters when it is copied ` +
    'from the address bar, so it would open the default scenario. Export the scenario as a file and send that instead'
  );
}

/** A seed as the command line reads it: a whole number stays a number, anything else is the text given. */
export function seedValue(text: string): string | number {
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  return Math.abs(n) <= 1e12 && String(n) === text ? n : text;
}
