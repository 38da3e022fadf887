/**
 * Which scenario the app opens on: the one in the URL (a shipped id, or a whole scenario, with the
 * seed and trials given there), else the one shown last (with its stored edits), else the default.
 */
import { draftWithValue, type Draft, draftFromText } from './draft.ts';
import { readShareHash } from './share-url.ts';
import { DEFAULT_SCENARIO_ID, SHIPPED } from './shipped-scenarios.ts';
import { loadEdit, loadLastScenarioId } from './storage.ts';

export interface Opening {
  draft: Draft;
  /** said to the user when the URL could not be followed */
  warning?: string;
}

/** The draft to open with, from the URL hash and storage. */
export function openingDraft(hash: string): Opening {
  const shared = readShareHash(hash);
  if (shared && 'error' in shared) return { draft: storedOrDefault(), warning: `The link could not be opened: ${shared.error}.` };
  if (shared?.scenarioId !== undefined) {
    const shipped = SHIPPED.get(shared.scenarioId);
    if (!shipped) return { draft: storedOrDefault(), warning: `The link names a scenario "${shared.scenarioId}" that this version does not ship.` };
    return { draft: withRunSettings(draftFromText(shipped.id, shipped.text), shared.seed, shared.trials) };
  }
  if (shared?.text !== undefined) {
    const draft = draftFromText('shared', shared.text);
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
