/**
 * Edits kept across reloads in localStorage, one entry per scenario id (the editor's JSON text, kept
 * even while invalid so no typing is lost), and the id the app showed last. Storage may be full or
 * disabled (private windows): then the app works without it.
 */

const EDIT_PREFIX = 'minerals-resilience:edit:';
const LAST_KEY = 'minerals-resilience:last-scenario';

/** The stored text of a scenario's edit, or null. */
export function loadEdit(id: string): string | null {
  return read(EDIT_PREFIX + id);
}

/** Stores a scenario's edited text. */
export function saveEdit(id: string, text: string): void {
  write(EDIT_PREFIX + id, text);
}

/** Forgets a scenario's edit. */
export function clearEdit(id: string): void {
  try {
    localStorage.removeItem(EDIT_PREFIX + id);
  } catch {
    // storage unavailable: nothing was stored either
  }
}

/** The ids of every stored edit (imported scenarios included). */
export function editedIds(): string[] {
  try {
    return Object.keys(localStorage)
      .filter((key) => key.startsWith(EDIT_PREFIX))
      .map((key) => key.slice(EDIT_PREFIX.length));
  } catch {
    return [];
  }
}

/** The id of the scenario shown last, or null. */
export function loadLastScenarioId(): string | null {
  return read(LAST_KEY);
}

/** Remembers the scenario shown, so a plain reload opens it again. */
export function saveLastScenarioId(id: string): void {
  write(LAST_KEY, id);
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // full or disabled: the edit still lives in the page and in the URL
  }
}
