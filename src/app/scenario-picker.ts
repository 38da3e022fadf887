/** The scenario picker: the shipped scenarios, the historical replays, then those imported, each marked when it has edits. */
import { el, replaceChildren } from './dom.ts';

export interface PickerItem {
  id: string;
  name: string;
  edited: boolean;
  imported: boolean;
  /** a historical replay (scenarios/replays/), listed under its own heading */
  replay?: boolean;
}

export interface ScenarioPicker {
  element: HTMLElement;
  render(items: PickerItem[], selected: string): void;
}

/** Creates the picker; `onPick` gets the id chosen. */
export function createScenarioPicker(onPick: (id: string) => void): ScenarioPicker {
  const select = el('select', { id: 'scenario-picker' });
  select.addEventListener('change', () => onPick(select.value));
  const element = el('div', { class: 'picker' }, el('label', { for: 'scenario-picker', class: 'field-label' }, 'Scenario'), select);
  return {
    element,
    render(items, selected) {
      const option = (i: PickerItem) => el('option', { value: i.id, selected: i.id === selected }, `${i.name}${i.edited ? ' (edited)' : ''}`);
      const shipped = items.filter((i) => !i.imported && !i.replay);
      const replays = items.filter((i) => !i.imported && i.replay);
      const imported = items.filter((i) => i.imported);
      replaceChildren(
        select,
        el('optgroup', { label: 'Shipped scenarios' }, ...shipped.map(option)),
        replays.length > 0 && el('optgroup', { label: 'Historical replays' }, ...replays.map(option)),
        imported.length > 0 && el('optgroup', { label: 'Imported' }, ...imported.map(option)),
      );
      select.value = selected;
    },
  };
}
