/**
 * The URL hash that describes what is on screen: `#scenario=<id>&seed=S&trials=N` for a shipped
 * scenario (whatever its seed and trials), `#s=<base64url of the JSON>&seed=S&trials=N` for anything
 * else. Seed and trials are repeated beside the JSON so a reader of the link sees them.
 */

export interface ShareState {
  /** a shipped scenario's id, when the scenario is that one unedited (seed and trials aside) */
  scenarioId?: string;
  /** the scenario's JSON text otherwise */
  text?: string;
  seed?: string | number;
  trials?: number;
}

/** The hash (with its "#") for a state. */
export function shareHash(state: ShareState): string {
  const params = new URLSearchParams();
  if (state.scenarioId !== undefined) params.set('scenario', state.scenarioId);
  else if (state.text !== undefined) params.set('s', base64UrlEncode(state.text));
  if (state.seed !== undefined) params.set('seed', String(state.seed));
  if (state.trials !== undefined) params.set('trials', String(state.trials));
  return `#${params.toString()}`;
}

/** Reads a hash; null when it names no scenario. A text that does not decode is returned as an error. */
export function readShareHash(hash: string): ShareState | { error: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ShareState = {};
  const id = params.get('scenario');
  const encoded = params.get('s');
  if (id) state.scenarioId = id;
  else if (encoded) {
    try {
      state.text = base64UrlDecode(encoded);
    } catch {
      return { error: 'the scenario in the link is damaged (it is not valid base64url text); it may have been cut short when copied' };
    }
  } else return null;
  const seed = params.get('seed');
  if (seed !== null && seed !== '') state.seed = seedValue(seed);
  const trials = params.get('trials');
  if (trials !== null && /^\d+$/.test(trials)) state.trials = Number(trials);
  return state;
}

/** A seed as the command line reads it: a whole number stays a number, anything else is the text given. */
export function seedValue(text: string): string | number {
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  return Math.abs(n) <= 1e12 && String(n) === text ? n : text;
}

/** UTF-8 text to base64url without padding. */
export function base64UrlEncode(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padded or not) back to UTF-8 text; throws on anything else. */
export function base64UrlDecode(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
