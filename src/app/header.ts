/** The page header: the app's name and the scenario's name, description, unit and calendar month 0. */
import { el, replaceChildren } from './dom.ts';

export interface Header {
  element: HTMLElement;
  show(name: string, description: string | undefined, unit: string | undefined, monthZero?: string): void;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-04" as "April 2026"; anything else as given. */
export function monthText(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/** Creates the header. */
export function createHeader(): Header {
  const title = el('h1', { id: 'scenario-name' });
  // Unit and month 0 sit on their own line: the description is clamped to a few lines and would hide them.
  const meta = el('p', { class: 'scenario-meta' });
  const description = el('p', { class: 'scenario-description' });
  const element = el('header', { class: 'app-header' }, el('p', { class: 'app-name' }, 'Critical-minerals supply-chain resilience'), title, meta, description);
  return {
    element,
    show(name, text, unit, monthZero) {
      title.textContent = name;
      document.title = `${name} · supply-chain resilience`;
      const facts = [monthZero ? `Month 0 is ${monthText(monthZero)}` : '', unit ? `quantities in ${unit}` : ''].filter(Boolean).join('; ');
      replaceChildren(meta, facts ? `${facts.charAt(0).toUpperCase()}${facts.slice(1)}.` : '');
      meta.hidden = facts === '';
      replaceChildren(description, text ?? '');
    },
  };
}
