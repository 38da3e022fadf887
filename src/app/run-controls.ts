/**
 * Run, share and revert: the buttons under the editor, a switch for attribution, and a line saying
 * whether the scenario can run.
 */
import { el } from './dom.ts';

export interface RunControlsState {
  /** the number of validation issues (nothing runs while there are any) */
  issues: number;
  running: boolean;
  /** the editor's scenario differs from the one the results on screen came from */
  stale: boolean;
  /** a stored edit or an imported scenario that differs from the shipped one, which Revert brings back */
  revertible: boolean;
}

export interface RunControls {
  element: HTMLElement;
  setState(state: RunControlsState): void;
  /** says, for a moment, that the link was copied */
  flashShared(message: string): void;
  /** whether the next run computes attribution (the switch; on by default) */
  attribution(): boolean;
}

export interface RunControlsHandlers {
  onRun(): void;
  onShare(): void;
  onRevert(): void;
}

/** Creates the buttons. */
export function createRunControls(handlers: RunControlsHandlers): RunControls {
  const run = el('button', { type: 'button', class: 'primary', id: 'run-button' }, 'Run');
  const share = el('button', { type: 'button', class: 'secondary' }, 'Copy link');
  const revert = el('button', { type: 'button', class: 'secondary', hidden: true }, 'Back to the shipped scenario');
  const note = el('p', { class: 'run-note', 'aria-live': 'polite' });
  // Attribution re-simulates the first 500 trials once per disruption and once without any: off, a
  // quick look at a scenario being edited runs several times faster.
  const attribution = el('input', { type: 'checkbox', id: 'attribution-switch', checked: true, 'aria-describedby': 'attribution-hint' });
  const attributionField = el(
    'div',
    { class: 'switch-row' },
    el('label', { for: 'attribution-switch' }, attribution, ' Attribute the shortfall to disruptions'),
    el('span', { class: 'field-hint', id: 'attribution-hint' }, 'Off: a quicker run without the breakdown by disruption.'),
  );
  run.addEventListener('click', handlers.onRun);
  share.addEventListener('click', handlers.onShare);
  revert.addEventListener('click', handlers.onRevert);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let noteText = '';
  const element = el('div', { class: 'run-controls' }, el('div', { class: 'button-row' }, run, share, revert), attributionField, note);
  return {
    element,
    setState({ issues, running, stale, revertible }) {
      run.disabled = issues > 0 || running;
      revert.hidden = !revertible;
      note.classList.toggle('error', issues > 0);
      noteText =
        issues > 0
          ? `${issues === 1 ? 'One problem' : `${issues} problems`} in the scenario: nothing runs until ${issues === 1 ? 'it is' : 'they are'} fixed. The results shown are from the last valid run.`
          : running
            ? 'Running…'
            : stale
              ? 'The scenario has changed since these results: Run to update them.'
              : '';
      note.textContent = noteText;
    },
    attribution: () => attribution.checked,
    flashShared(message) {
      clearTimeout(flashTimer);
      note.textContent = message;
      flashTimer = setTimeout(() => (note.textContent = noteText), 4000);
    },
  };
}
