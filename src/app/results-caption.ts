/** A line above the numbers that says what they are: which scenario, how many trials, which seed, and whether the run is complete. */
import type { RunResult } from '../engine/result.ts';
import { el } from './dom.ts';
import { count } from './format.ts';

export interface ResultsCaption {
  element: HTMLElement;
  show(result: RunResult | null, scenarioName: string, trialsTotal: number, complete: boolean): void;
}

/** Creates the caption. */
export function createResultsCaption(): ResultsCaption {
  const element = el('p', { class: 'results-caption' });
  return {
    element,
    show(result, name, total, complete) {
      if (!result) {
        element.textContent = '';
        return;
      }
      const trials = complete ? `${count(result.trials)} trials` : `the first ${count(result.trials)} of ${count(total)} trials`;
      element.textContent = `${complete ? 'Results' : 'Partial results'} of ${name}: ${trials}, seed ${String(result.seed)}, scenario ${result.scenario.hash.slice(0, 12)}.`;
      element.classList.toggle('partial', !complete);
    },
  };
}
