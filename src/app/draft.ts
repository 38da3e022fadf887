/**
 * The scenario being edited: the JSON view's text (the truth, kept even while it is not valid JSON),
 * the data parsed from it for the form, and the key its edits are stored under.
 */
import { formatScenario } from './shipped-scenarios.ts';
import { setAt } from './json-pointer.ts';

export interface Draft {
  /** the id edits are stored under: the scenario's id when it was opened */
  key: string;
  text: string;
  /** the parsed text; undefined while the text is not valid JSON */
  data: unknown;
}

/** A draft from text (which may not parse). */
export function draftFromText(key: string, text: string): Draft {
  return { key, text, data: parseOrUndefined(text) };
}

/** The draft with one value changed, re-written as text; its data is a new object. */
export function draftWithValue(draft: Draft, path: string, value: unknown): Draft {
  const data = structuredClone(draft.data);
  setAt(data, path, value);
  return { key: draft.key, text: formatScenario(data), data };
}

/** The draft's data with seed and trials left out: two scenarios that differ only there are the same scenario run differently. */
export function withoutRunSettings(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const { seed: _seed, trials: _trials, ...rest } = data as Record<string, unknown>;
  return rest;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}
