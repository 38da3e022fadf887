/**
 * Which scenario the app opens on: the one in the URL (a shipped id, or a whole scenario, with the
 * seed and trials given there), else the one shown last (with its stored edits), else the default.
 */
import { draftWithValue, type Draft, draftFromText } from './draft.ts';
import { patchScenario } from './scenario-patch.ts';
import { shippedHash } from './share-state.ts';
import { readShareHash } from './share-url.ts';
import { DEFAULT_SCENARIO_ID, formatScenario, SHIPPED } from './shipped-scenarios.ts';
import { loadEdit, loadLastScenarioId } from './storage.ts';

export interface Opening {
  draft: Draft;
  /** said to the user when the URL could not be followed */
  warning?: string;
}

/** The draft to open with, from the URL hash and storage. */
export async function openingDraft(hash: string): Promise<Opening> {
  const shared = await readShareHash(hash);
  if (shared && 'error' in shared) return { draft: storedOrDefault(), warning: `The link could not be opened: ${shared.error}.` };
  if (shared?.scenarioId !== undefined) {
    const shipped = SHIPPED.get(shared.scenarioId);
    if (!shipped) return { draft: storedOrDefault(), warning: `The link names a scenario "${shared.scenarioId}" that this version does not ship.` };
    const plain = draftFromText(shipped.id, shipped.text);
    if (shared.patch === undefined) return { draft: withRunSettings(plain, shared.seed, shared.trials) };
    const patched = patchScenario(JSON.parse(shipped.text), shared.patch);
    if (!patched.ok) {
      return { draft: withRunSettings(plain, shared.seed, shared.trials), warning: `The link's edit of "${shipped.name}" could not be applied (${patched.error}); the shipped scenario is shown instead.` };
    }
    const draft = withRunSettings(draftFromText(shipped.id, formatScenario(patched.data)), shared.seed, shared.trials);
    // An edit made against another version of the shipped file may not mean what its author meant.
    const other = shared.base !== undefined && shared.base !== shippedHash(shipped.id);
    return other ? { draft, warning: `The link's edit was made to another version of "${shipped.name}" than the one this version ships; it was applied to this one: check the scenario before relying on it.` } : { draft };
  }
  if (shared?.text !== undefined) {
    const draft = draftFromText('shared', formatted(shared.text));
    const id = (draft.data as { id?: unknown } | undefined)?.id;
    return { draft: withRunSettings({ ...draft, key: typeof id === 'string' && id !== '' ? id : 'shared' }, shared.seed, shared.trials) };
  }
  return { draft: storedOrDefault() };
}

/** The draft of a scenario id: its stored edit, else the shipped text; null for an id with neither. */
export function draftOf(id: string): Draft | null {
  const text = loadEdit(id) ?? SHIPPED.get(id)?.text;
  return text === undefined ? null : draftFromText(id, text);
}

/** The text re-indented the way the editor writes it, when it parses (a link holds compact JSON). */
function formatted(text: string): string {
  try {
    return formatScenario(JSON.parse(text));
  } catch {
    return text;
  }
}

function storedOrDefault(): Draft {
  const last = loadLastScenarioId();
  return (last && draftOf(last)) || draftOf(DEFAULT_SCENARIO_ID) || draftOf([...SHIPPED.keys()][0])!;
}

/** The draft with the URL's seed and trials written in (only when the text parsed). */
function withRunSettings(draft: Draft, seed: string | number | undefined, trials: number | undefined): Draft {
  let d = draft;
  if (d.data === undefined) return d;
  if (seed !== undefined) d = draftWithValue(d, '/seed', seed);
  if (trials !== undefined) d = draftWithValue(d, '/trials', trials);
  return d;
}
