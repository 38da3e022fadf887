/**
 * Keeps the address bar's link in step with the editor, and copies it. Encoding is asynchronous
 * (compression), so only the latest request writes the URL. A link too long to share is never
 * written: the URL then drops its hash (a reload opens the stored edit) and Copy says why.
 */
import type { Draft } from './draft.ts';
import { shareHashOf } from './share-state.ts';
import { linkTooLong } from './share-url.ts';

export interface ShareLink {
  /** writes the draft's link into the URL; resolves with why it cannot be shared, or null */
  sync(draft: Draft): Promise<string | null>;
  /** writes the link and copies it; resolves with the sentence to show (done, or why not) and whether it failed */
  copy(draft: Draft): Promise<{ ok: boolean; message: string }>;
}

/** Creates the link keeper for this page. */
export function createShareLink(): ShareLink {
  let latest = 0;
  const sync = async (draft: Draft): Promise<string | null> => {
    const mine = ++latest;
    const hash = await shareHashOf(draft);
    if (mine !== latest || hash === null) return null; // a newer edit is being encoded; it writes the URL
    const page = `${location.pathname}${location.search}`;
    const problem = linkTooLong(`${location.origin}${page}${hash}`);
    if (problem) {
      if (location.hash) history.replaceState(null, '', page);
    } else if (hash !== location.hash) history.replaceState(null, '', hash);
    return problem;
  };
  return {
    sync,
    async copy(draft) {
      const problem = await sync(draft);
      if (problem) return { ok: false, message: `No link was copied: ${problem}.` };
      const fallback = { ok: true, message: 'Copy the address bar: it holds this scenario, seed and number of trials.' };
      // The clipboard exists only in secure contexts (https, localhost), and the user may refuse it.
      if (!navigator.clipboard) return fallback;
      try {
        await navigator.clipboard.writeText(location.href);
        return { ok: true, message: 'Link copied: it opens this scenario with this seed and number of trials.' };
      } catch {
        return fallback;
      }
    },
  };
}
