/** The page header: the app's name and the scenario's name, description, unit and calendar month 0. */
import { el, replaceChildren } from './dom.ts';

export interface Header {
  element: HTMLElement;
  show(name: string, description: string | undefined, unit: string | undefined, monthZero?: string): void;
}

/** Creates the header. */
export function createHeader(): Header {
  const title = el('h1', { id: 'scenario-name' });
  const description = el('p', { class: 'scenario-description' });
  const element = el('header', { class: 'app-header' }, el('p', { class: 'app-name' }, 'Critical-minerals supply-chain resilience'), title, description);
  return {
    element,
    show(name, text, unit, monthZero) {
      title.textContent = name;
      document.title = `${name} · supply-chain resilience`;
      replaceChildren(
        description,
        text ?? '',
        unit ? el('span', { class: 'unit' }, ` Quantities in ${unit}.`) : null,
        monthZero ? el('span', { class: 'month-zero' }, ` Month 0 is ${monthZero}.`) : null,
      );
    },
  };
}
