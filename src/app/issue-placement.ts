/**
 * Shows validation issues beside the form control they concern: the control whose data-path is the
 * issue's path, or failing that its nearest ancestor that has one (an issue about a distribution's
 * third number lands on that box; one about a whole mix lands on the mix). Issues no control
 * matches are returned, for the list above the JSON view.
 */
import type { ValidationIssue } from '../model/validate.ts';
import { pointerAncestors } from './json-pointer.ts';

/** Clears the old issues in the form and places the new ones; returns those with no control. */
export function placeIssues(form: HTMLElement, issues: ValidationIssue[]): ValidationIssue[] {
  clearIssues(form);
  const unmatched: ValidationIssue[] = [];
  for (const issue of issues) {
    const control = controlFor(form, issue.path);
    if (control) showBeside(control, issue.message);
    else unmatched.push(issue);
  }
  return unmatched;
}

/** The element with the issue's path, or the nearest ancestor path's, or null. */
function controlFor(form: HTMLElement, path: string): HTMLElement | null {
  for (const p of pointerAncestors(path)) {
    const found = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (found) return found;
  }
  return null;
}

function showBeside(control: HTMLElement, message: string): void {
  const field = control.closest('.field, .field-group') ?? control;
  const slot = [...field.children].find((c) => c.classList.contains('field-error'));
  field.classList.add('has-error');
  control.setAttribute('aria-invalid', 'true');
  if (slot) slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  // An issue inside a closed section would be invisible: open it.
  for (let d = control.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
}

function clearIssues(form: HTMLElement): void {
  form.querySelectorAll('.has-error').forEach((e) => e.classList.remove('has-error'));
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
}
