/** One line that says what went wrong (a worker failure, a broken link) or what the results on screen are. */
import { el, replaceChildren } from './dom.ts';

export type StatusKind = 'info' | 'warning' | 'error';

export interface StatusBanner {
  element: HTMLElement;
  show(kind: StatusKind, message: string): void;
  /** hides the banner; with a kind, only if it shows that kind */
  clear(kind?: StatusKind): void;
}

/** Creates the (hidden) banner. */
export function createStatusBanner(): StatusBanner {
  const element = el('div', { class: 'status-banner', role: 'status', hidden: true });
  return {
    element,
    show(kind, message) {
      element.hidden = false;
      element.className = `status-banner ${kind}`;
      element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      element.dataset.kind = kind;
      const close = el('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss' }, '×');
      close.addEventListener('click', () => (element.hidden = true));
      replaceChildren(element, el('span', {}, message), close);
    },
    clear(kind) {
      if (kind !== undefined && element.dataset.kind !== kind) return;
      element.hidden = true;
      delete element.dataset.kind;
      replaceChildren(element);
    },
  };
}
