/** Where the scenario's figures come from: its references, with links, and its stated assumptions. */
import { el, replaceChildren } from './dom.ts';

interface Reference {
  id: string;
  title: string;
  url: string;
  accessed?: string;
  note?: string;
}

interface Assumption {
  text: string;
  reason: string;
  references?: string[];
}

export interface SourcesPanel {
  element: HTMLElement;
  show(scenario: { references?: unknown; assumptions?: unknown } | null): void;
}

/** Creates the panel. */
export function createSourcesPanel(): SourcesPanel {
  const element = el('section', { class: 'panel sources', 'aria-label': 'Sources and assumptions' });
  return {
    element,
    show(scenario) {
      // The editor may hold a scenario that does not validate yet: show only well-formed entries.
      const refs = objects(scenario?.references).filter((r) => typeof r.title === 'string') as unknown as Reference[];
      const assumptions = objects(scenario?.assumptions).filter((a) => typeof a.text === 'string') as unknown as Assumption[];
      replaceChildren(
        element,
        el('h2', {}, 'Sources'),
        refs.length > 0 ? el('ol', { class: 'references' }, ...refs.map(reference)) : el('p', { class: 'notice' }, 'This scenario cites no sources.'),
        el('h2', {}, 'Assumptions'),
        assumptions.length > 0 ? el('ul', { class: 'assumptions' }, ...assumptions.map(assumption)) : el('p', { class: 'notice' }, 'This scenario states no assumptions.'),
      );
    },
  };
}

function objects(x: unknown): Record<string, unknown>[] {
  return Array.isArray(x) ? x.filter((v) => v !== null && typeof v === 'object') : [];
}

function reference(r: Reference): HTMLElement {
  // Only web links are made clickable: a scenario from a link or a file must not smuggle in javascript: URLs.
  const safe = typeof r.url === 'string' && /^https?:\/\//i.test(r.url);
  return el(
    'li',
    { id: `ref-${r.id}` },
    safe ? el('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer' }, r.title) : el('span', {}, r.title),
    r.accessed ? el('span', { class: 'muted' }, ` (accessed ${r.accessed})`) : null,
    !safe && r.url ? el('span', { class: 'muted' }, ` ${r.url}`) : null,
    r.note ? el('p', { class: 'ref-note' }, r.note) : null,
  );
}

function assumption(a: Assumption): HTMLElement {
  const refs = Array.isArray(a.references) ? a.references.map(String) : [];
  return el(
    'li',
    {},
    el('p', {}, a.text),
    el('p', { class: 'muted' }, `Why: ${a.reason}`),
    refs.length > 0 ? el('p', { class: 'muted' }, 'See ', ...refs.flatMap((id, i) => [i > 0 ? ', ' : '', refLink(id)])) : null,
  );
}

/** A link to a reference in the list; it scrolls instead of navigating, because the URL hash holds the shared scenario. */
function refLink(id: string): HTMLElement {
  const a = el('a', { href: `#ref-${id}`, class: 'ref-link' }, id);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    const target = document.getElementById(`ref-${id}`);
    target?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target?.classList.add('flash');
    setTimeout(() => target?.classList.remove('flash'), 1500);
  });
  return a;
}
