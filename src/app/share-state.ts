/** What the URL says about a draft: a shipped scenario by id when only its seed and trials changed, else the whole JSON. */
import { withoutRunSettings, type Draft } from './draft.ts';
import type { ShareState } from './share-url.ts';
import { SHIPPED } from './shipped-scenarios.ts';

/** The share state of a draft; null while its text is not valid JSON (the URL then keeps the last good one). */
export function shareStateOf(draft: Draft): ShareState | null {
  if (draft.data === undefined) return null;
  const { seed, trials } = draft.data as { seed?: string | number; trials?: number };
  const shipped = SHIPPED.get(draft.key);
  const unedited = shipped !== undefined && JSON.stringify(withoutRunSettings(JSON.parse(shipped.text))) === JSON.stringify(withoutRunSettings(draft.data));
  return unedited ? { scenarioId: draft.key, seed, trials } : { text: JSON.stringify(draft.data), seed, trials };
}
