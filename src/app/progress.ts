/** The run's progress: a bar, trials done of the total, an estimate of the time left, and Cancel. */
import { el } from './dom.ts';
import { count, duration } from './format.ts';

export interface Progress {
  element: HTMLElement;
  start(trialsTotal: number): void;
  update(trialsDone: number, trialsTotal: number): void;
  /** hides the Cancel button and leaves a closing line; with trialsKept, the bar shows those (a stopped run keeps only its first trials without a gap) */
  finish(message: string, trialsKept?: number): void;
}

/** Don't guess the time left from the first moments: early chunks also run the attribution, so they are slower. */
const MIN_ELAPSED_FOR_ESTIMATE_MS = 1000;

/** Creates the progress panel; `onCancel` is called when the user cancels. */
export function createProgress(onCancel: () => void): Progress {
  const bar = el('progress', { max: 1, value: 0, 'aria-label': 'Trials simulated' });
  const label = el('span', { class: 'progress-label', 'aria-live': 'polite' }, 'Not run yet.');
  const cancel = el('button', { type: 'button', class: 'danger', hidden: true }, 'Cancel');
  cancel.addEventListener('click', onCancel);
  const element = el('section', { class: 'panel progress', 'aria-label': 'Progress' }, bar, el('div', { class: 'progress-row' }, label, cancel));
  let started = 0;
  return {
    element,
    start(total) {
      started = performance.now();
      bar.max = total;
      bar.value = 0;
      label.textContent = `Starting ${count(total)} trials…`;
      cancel.hidden = false;
      element.classList.add('running');
    },
    update(done, total) {
      bar.max = total;
      bar.value = done;
      const elapsed = performance.now() - started;
      const left = done > 0 && elapsed >= MIN_ELAPSED_FOR_ESTIMATE_MS ? `about ${duration(((elapsed / done) * (total - done)) / 1000)} left` : 'estimating the time left';
      label.textContent = `${count(done)} of ${count(total)} trials · ${left}`;
    },
    finish(message, trialsKept) {
      if (trialsKept !== undefined) bar.value = trialsKept;
      cancel.hidden = true;
      element.classList.remove('running');
      label.textContent = message;
    },
  };
}
