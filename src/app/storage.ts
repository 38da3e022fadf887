/**
 * Edits kept across reloads in localStorage, one entry per scenario id (the editor's JSON text, kept
 * even while invalid so no typing is lost), and the id the app showed last. Storage may be full or
 * disabled (private windows): then the app works without it, and saving an edit says why it failed.
 */

const EDIT_PREFIX = 'minerals-resilience:edit:';
const LAST_KEY = 'minerals-resilience:last-scenario';

/** The stored text of a scenario's edit, or null. */
export function loadEdit(id: string): string | null {
  return read(EDIT_PREFIX + id);
}

/** Stores a scenario's edited text; returns why it could not be stored, or null. */
export function saveEdit(id: string, text: string): string | null {
  return write(EDIT_PREFIX + id, text);
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

/** Remembers the scenario shown, so a plain reload opens it again (a failure only costs that). */
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

function write(key: string, value: string): string | null {
  try {
    localStorage.setItem(key, value);
    return null;
  } catch (error) {
    return storageProblem(error);
  }
}

/** What a failed write means to the user. */
export function storageProblem(error: unknown): string {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  // QuotaExceededError everywhere today; Firefox named it NS_ERROR_DOM_QUOTA_REACHED before version 66.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return "this browser's storage for the simulator is full (edits of other scenarios take room: going back to the shipped version of one frees it)";
  }
  if (name === 'SecurityError' || error instanceof ReferenceError) return 'this browser does not let the page store anything (a private window, or a setting)';
  return `the browser refused to store it (${error instanceof Error ? error.message : String(error)})`;
}
