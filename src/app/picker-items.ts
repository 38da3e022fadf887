/** The picker's list: every shipped scenario and replay (marked when it has a stored edit), then imported ones, then the one open if it is neither. */
import { draftFromText, type Draft } from './draft.ts';
import type { PickerItem } from './scenario-picker.ts';
import { SHIPPED } from './shipped-scenarios.ts';
import { editedIds, loadEdit } from './storage.ts';

/** The items, with the open draft among them. */
export function pickerItems(open: Draft): PickerItem[] {
  const items: PickerItem[] = [...SHIPPED.values()].map((s) => ({ id: s.id, name: s.name, edited: loadEdit(s.id) !== null, imported: false, replay: s.group === 'replay' }));
  for (const id of editedIds()) {
    if (!SHIPPED.has(id)) items.push({ id, name: nameOf(draftFromText(id, loadEdit(id) ?? '')), edited: false, imported: true });
  }
  // A scenario opened from a link is not stored until it is edited, but it is what the page shows.
  if (!items.some((i) => i.id === open.key)) items.push({ id: open.key, name: nameOf(open), edited: false, imported: true });
  return items;
}

function nameOf(draft: Draft): string {
  const name = (draft.data as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : draft.key;
}
