/**
 * The form's fields. Every control carries the JSON pointer of the value it edits in `data-path`, which
 * is how validation issues find the control they concern (issue-placement.ts). Numbers are typed as
 * text and passed on as typed when they are not numbers, so validation names the problem
 * ('must be a number >= 0, got "12kt"') instead of the browser silently emptying the box.
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
