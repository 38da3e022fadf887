/** The JSON view: the whole scenario as text, for everything the form does not show, with the issues no form control can show above it. */
import type { ValidationIssue } from '../model/validate.ts';
import { el, replaceChildren } from './dom.ts';

export interface JsonView {
  element: HTMLElement;
  /** replaces the text (keeping the scroll position when the text is the same scenario) */
  setText(text: string): void;
  showIssues(issues: ValidationIssue[]): void;
}

/** Creates the view; `onInput` gets the text after each change by the user. */
export function createJsonView(onInput: (text: string) => void): JsonView {
  const issues = el('div', { class: 'json-issues', role: 'alert', hidden: true });
  const textarea = el('textarea', {
    class: 'json-text',
    spellcheck: 'false',
    autocomplete: 'off',
    wrap: 'off',
    rows: 18,
    'aria-label': 'Scenario JSON',
  });
  textarea.addEventListener('input', () => onInput(textarea.value));
  const element = el(
    'details',
    { class: 'json-view', 'data-section': 'json' },
    el('summary', {}, 'JSON (for bulk edits)'),
    issues,
    textarea,
  );
  return {
    element,
    setText(text) {
      if (textarea.value === text) return;
      const { scrollTop } = textarea;
      textarea.value = text;
      textarea.scrollTop = scrollTop;
    },
    showIssues(list) {
      issues.hidden = list.length === 0;
      if (list.length === 0) return replaceChildren(issues);
      replaceChildren(
        issues,
        el('p', {}, list.length === 1 ? 'One problem the form cannot show:' : `${list.length} problems the form cannot show:`),
        el('ul', {}, ...list.map((i) => el('li', {}, el('code', {}, i.path || '/'), ' ', i.message))),
      );
      // Problems only the JSON can show are useless inside a closed section.
      element.open = true;
    },
  };
}
