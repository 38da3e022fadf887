/**
 * An edit of a shipped scenario as an RFC 6902 JSON Patch against the shipped file, so a link carries
 * only what changed. rfc6902 rather than our own diff: it is a complete, tested implementation of the
 * standard (any JSON Patch tool can read the edit), and it diffs arrays by edit distance, so removing
 * the first of eight disruptions is one "remove", not seven "replace"s of whole objects.
 */
import { applyPatch, createPatch, type Operation } from 'rfc6902';

export type { Operation } from 'rfc6902';

/** The operations that turn `base` into `edited` (both JSON objects; neither is changed). */
export function diffScenario(base: unknown, edited: unknown): Operation[] {
  return createPatch(base, edited);
}

/** `base` with the patch applied (base itself is not changed), or the first operation that does not apply. */
export function patchScenario(base: unknown, patch: unknown): { ok: true; data: unknown } | { ok: false; error: string } {
  if (!Array.isArray(patch) || !patch.every((op) => op !== null && typeof op === 'object' && typeof op.op === 'string' && typeof op.path === 'string')) {
    return { ok: false, error: 'the edit is not a list of JSON Patch operations' };
  }
  const data = structuredClone(base);
  const results = applyPatch(data, patch as Operation[]);
  const failed = results.findIndex((r) => r !== null);
  if (failed >= 0) {
    const op = patch[failed] as Operation;
    return { ok: false, error: `edit ${failed + 1} of ${patch.length} (${op.op} ${op.path || '/'}) does not apply: ${results[failed]!.message || results[failed]!.name}` };
  }
  return { ok: true, data };
}
