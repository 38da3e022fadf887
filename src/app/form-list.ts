/** Lists in the editor form: an item's card with its Remove button, and the button that adds an item. */
import { el } from './dom.ts';
import { list, type FormContext } from './form-context.ts';

export interface CardOptions {
  title: string;
  subtitle?: string;
  /** the item's JSON pointer: issues about the item as a whole are shown on the card */
  path: string;
  /** the Remove button: it shows "Remove <what>" and is named "Remove <what> <name>" for screen readers */
  remove?: { what: string; name: string; onRemove(): void };
}

/**
 * A card holding one item's fields, closed to one line (its title and subtitle) so a long list reads
 * at a glance; an issue inside opens it (issue-placement.ts), and so does adding the item.
 */
export function itemCard(options: CardOptions, ...content: (HTMLElement | null)[]): HTMLElement {
  const remove = options.remove;
  const button = remove ? el('button', { type: 'button', class: 'link remove', 'aria-label': `Remove ${remove.what} ${remove.name}`, 'data-focus': `remove:${options.path}` }, `Remove ${remove.what}`) : null;
  if (button && remove) button.addEventListener('click', () => remove.onRemove());
  return el(
    'details',
    { class: 'card field-group', 'data-path': options.path, 'data-section': options.path },
    el('summary', {}, el('span', { class: 'card-title' }, options.title), options.subtitle ? el('span', { class: 'card-sub' }, options.subtitle) : null),
    el('span', { class: 'field-error', role: 'alert' }),
    el('div', { class: 'card-body' }, ...content, button ? el('div', { class: 'card-foot' }, button) : null),
  );
}

/** A button that adds an item; it keeps the focus key `add:<listPath>`, where the focus returns after a removal. */
export function addButton(label: string, listPath: string, onClick: () => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'secondary add', 'data-focus': `add:${listPath}` }, label);
  button.addEventListener('click', onClick);
  return button;
}

/** Adds `item` at the end of the list at `listPath`; the focus goes into the new item. */
export function appendItem(ctx: FormContext, listPath: string, current: unknown, item: unknown): void {
  const items = list(current);
  ctx.change(listPath, [...items, item], `${listPath}/${items.length}`);
}

/** Removes item `i` of the list at `listPath` (an empty optional list is removed too); the focus goes to the list's Add button. */
export function removeItem(ctx: FormContext, listPath: string, current: unknown, i: number, optional = true): void {
  const items = list(current).filter((_, j) => j !== i);
  ctx.change(listPath, items.length === 0 && optional ? undefined : items, `add:${listPath}`);
}
