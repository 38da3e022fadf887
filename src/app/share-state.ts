/**
 * What the URL says about a draft: a shipped scenario by id when only its seed and trials changed; an
 * edited shipped scenario as a patch against the shipped file, or whole if that is shorter (an edit
 * that rewrote most of the file); anything else whole.
 */
import { scenarioHash } from '../model/scenario-hash.ts';
import { withoutRunSettings, type Draft } from './draft.ts';
import { diffScenario } from './scenario-patch.ts';
import { shareHash, type ShareState } from './share-url.ts';
import { SHIPPED } from './shipped-scenarios.ts';

/** The hash of a draft; null while its text is not valid JSON (the URL then keeps the last good one). */
export async function shareHashOf(draft: Draft): Promise<string | null> {
  const states = shareStatesOf(draft);
  if (states.length === 0) return null;
  const hashes = await Promise.all(states.map(shareHash));
  return hashes.reduce((a, b) => (b.length < a.length ? b : a));
}

/** The ways a draft can be written in a link, the preferred first: the caller keeps the shortest. */
export function shareStatesOf(draft: Draft): ShareState[] {
  if (draft.data === undefined) return [];
  const { seed, trials } = draft.data as { seed?: string | number; trials?: number };
  const whole: ShareState = { text: JSON.stringify(draft.data), seed, trials };
  const shipped = SHIPPED.get(draft.key);
  if (!shipped || !isObject(draft.data)) return [whole];
  const base: unknown = JSON.parse(shipped.text);
  if (JSON.stringify(withoutRunSettings(base)) === JSON.stringify(withoutRunSettings(draft.data))) return [{ scenarioId: draft.key, seed, trials }];
  return [{ scenarioId: draft.key, base: shippedHash(draft.key), patch: diffScenario(base, draft.data), seed, trials }, whole];
}

const hashes = new Map<string, string>();
/** The first 8 hex digits of the shipped file's scenario hash: enough to tell two versions of one file apart. */
export function shippedHash(id: string): string | undefined {
  const shipped = SHIPPED.get(id);
  if (!shipped) return undefined;
  if (!hashes.has(id)) hashes.set(id, scenarioHash(JSON.parse(shipped.text)).slice(0, 8));
  return hashes.get(id);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
