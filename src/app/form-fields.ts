/**
 * The form's fields. Every control carries the JSON pointer of the value it edits in `data-path`, which
 * is how validation issues find the control they concern (issue-placement.ts). Numbers are typed as
 * text and passed on as typed when they are not numbers, so validation names the problem
 * ('must be a number >= 0, got "12kt"') instead of the browser silently emptying the box.
 * A value that is not one of a select's choices (an id that no longer exists) stays shown and chosen,
 * marked as missing, so the form never changes a value the user did not touch.
 */
import { el } from './dom.ts';

/** Called with the pointer of an edited value and its new value (undefined removes an optional field). */
export type EditHandler = (path: string, value: unknown) => void;

export interface FieldOptions {
  /** an empty box removes the field instead of leaving "" for validation to refuse */
  optional?: boolean;
  hint?: string;
  placeholder?: string;
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

/** The number a box holds, the text itself when it is not one, undefined for an empty optional box. */
export function parseNumberText(text: string, optional = false): unknown {
  if (text.trim() === '') return optional ? undefined : '';
  return NUMBER.test(text) ? Number(text) : text;
}

/** How a number is shown in a box: as JSON writes it, so the box and the JSON view agree. */
export function numberText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'number' ? String(value) : String(value);
}

/** A labelled box for a number. */
export function numberField(label: string, path: string, value: unknown, onEdit: EditHandler, options: FieldOptions = {}): HTMLElement {
  const input = el('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-path': path,
    value: numberText(value),
    placeholder: options.placeholder,
  });
  input.addEventListener('input', () => onEdit(path, parseNumberText(input.value, options.optional)));
  return fieldWrapper(label, input, options.hint);
}

/** A labelled box for text; `parse` turns the text into the stored value. */
export function textField(
  label: string,
  path: string,
  value: unknown,
  onEdit: EditHandler,
  options: FieldOptions & { parse?: (text: string) => unknown; maxLength?: number } = {},
): HTMLElement {
  const input = el('input', {
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-path': path,
    value: value === undefined || value === null ? '' : String(value),
    placeholder: options.placeholder,
    maxlength: options.maxLength,
  });
  const parse = options.parse ?? ((text: string) => text);
  input.addEventListener('input', () => onEdit(path, options.optional && input.value === '' ? undefined : parse(input.value)));
  return fieldWrapper(label, input, options.hint);
}

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/**
 * A labelled calendar month ("YYYY-MM"): the browser's month picker, or a text box while the value is
 * not a month (the picker would show it empty, hiding what the user has to fix).
 */
export function monthField(label: string, path: string, value: unknown, onEdit: EditHandler, options: FieldOptions = {}): HTMLElement {
  const text = value === undefined || value === null ? '' : String(value);
  const asMonth = text === '' || MONTH.test(text);
  const input = el('input', {
    type: asMonth ? 'month' : 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-path': path,
    value: text,
    placeholder: options.placeholder ?? 'YYYY-MM',
  });
  input.addEventListener('input', () => onEdit(path, options.optional && input.value === '' ? undefined : input.value));
  return fieldWrapper(label, input, options.hint);
}

/** One choice of a select or a group of checkboxes. */
export interface Choice {
  value: string;
  label: string;
}

/** A labelled select; `optional` adds a first choice that removes the field. A choice changes the value at once. */
export function selectField(
  label: string,
  path: string,
  value: unknown,
  choices: Choice[],
  onEdit: EditHandler,
  options: FieldOptions & { optional?: boolean; noneLabel?: string; parse?: (text: string) => unknown } = {},
): HTMLElement {
  const current = value === undefined || value === null ? '' : String(value);
  const all = [...choices];
  if (current !== '' && !all.some((c) => c.value === current)) all.push({ value: current, label: `${current} (missing)` });
  const select = el(
    'select',
    { 'data-path': path, autocomplete: 'off' },
    options.optional || current === '' ? el('option', { value: '' }, options.noneLabel ?? (options.optional ? 'none' : 'choose…')) : null,
    ...all.map((c) => el('option', { value: c.value, selected: c.value === current }, c.label)),
  );
  select.value = current;
  const parse = options.parse ?? ((text: string) => text);
  select.addEventListener('change', () => onEdit(path, select.value === '' && options.optional ? undefined : parse(select.value)));
  return fieldWrapper(label, select, options.hint);
}

/** A labelled box for longer text (descriptions, assumptions). */
export function textAreaField(label: string, path: string, value: unknown, onEdit: EditHandler, options: FieldOptions = {}): HTMLElement {
  const area = el('textarea', { 'data-path': path, rows: 2, spellcheck: 'true', placeholder: options.placeholder });
  area.value = value === undefined || value === null ? '' : String(value);
  area.addEventListener('input', () => onEdit(path, options.optional && area.value === '' ? undefined : area.value));
  return fieldWrapper(label, area, options.hint);
}

/** A checkbox for a true-or-absent flag (unchecked removes the field). */
export function checkboxField(label: string, path: string, value: unknown, onEdit: EditHandler, options: FieldOptions = {}): HTMLElement {
  const box = el('input', { type: 'checkbox', 'data-path': path, checked: value === true });
  box.addEventListener('change', () => onEdit(path, box.checked ? true : undefined));
  return el('label', { class: 'field checkbox' }, el('span', { class: 'check-row' }, box, el('span', { class: 'field-label' }, label)), options.hint ? el('span', { class: 'field-hint' }, options.hint) : null, el('span', { class: 'field-error', role: 'alert' }));
}

/**
 * A list of ids as a group of checkboxes, kept in the order of the choices. An empty list is removed
 * when `optional`, else left empty for validation to name.
 */
export function checkboxGroup(label: string, path: string, value: unknown, choices: Choice[], onEdit: EditHandler, options: FieldOptions = {}): HTMLElement {
  const chosen = Array.isArray(value) ? value.map(String) : [];
  const all = [...choices, ...chosen.filter((v) => !choices.some((c) => c.value === v)).map((v) => ({ value: v, label: `${v} (missing)` }))];
  const boxes = all.map((c) => el('input', { type: 'checkbox', value: c.value, checked: chosen.includes(c.value) }));
  const changed = () => {
    const next = boxes.filter((b) => b.checked).map((b) => b.value);
    onEdit(path, next.length === 0 && options.optional ? undefined : next);
  };
  boxes.forEach((b) => b.addEventListener('change', changed));
  return el(
    'fieldset',
    { class: 'field-group checks', 'data-path': path },
    el('legend', { class: 'field-label' }, label),
    all.length === 0 ? el('span', { class: 'field-hint' }, 'Nothing to choose from yet.') : null,
    ...all.map((c, i) => el('label', { class: 'check-row' }, boxes[i], ` ${c.label}`)),
    options.hint ? el('span', { class: 'field-hint' }, options.hint) : null,
    el('span', { class: 'field-error', role: 'alert' }),
  );
}

/**
 * The edit handler of the fields of one optional object at `path` (a cost, search settings, a window):
 * each edit writes the whole object, and with every field emptied the object is removed.
 */
export function objectFieldsEdit(path: string, value: unknown, onEdit: EditHandler): EditHandler {
  let current: Record<string, unknown> = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  return (fieldPath, next) => {
    const key = fieldPath.slice(path.length + 1);
    current = { ...current, [key]: next };
    if (next === undefined) delete current[key];
    onEdit(path, Object.keys(current).length === 0 ? undefined : current);
  };
}

/** Fields that make one value (a cost, a range, a window) in a grid, with the place where an issue about the whole is shown. */
export function fieldGridGroup(path: string, ...fields: (HTMLElement | null)[]): HTMLElement {
  return el('div', { class: 'field-group', 'data-path': path }, el('span', { class: 'field-error', role: 'alert' }), el('div', { class: 'field-grid' }, ...fields));
}

/** A label, its control and the place where an issue about it is shown. */
export function fieldWrapper(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return el(
    'label',
    { class: 'field' },
    el('span', { class: 'field-label' }, label),
    control,
    hint ? el('span', { class: 'field-hint' }, hint) : null,
    el('span', { class: 'field-error', role: 'alert' }),
  );
}
