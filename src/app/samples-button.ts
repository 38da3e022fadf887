/** A button that downloads the per-trial samples of the run on screen as CSV (issue 12): every figure can be audited. */
import { downloadBlob } from '../export/download.ts';
import { el } from './dom.ts';

/** The "Samples (CSV)" button with a status line; `getSamples` is asked at each click. */
export function samplesButton(getSamples: () => { blob: Blob; fileName: string } | null): HTMLElement {
  const status = el('span', { role: 'status' });
  const button = el('button', { type: 'button', id: 'samples-button', title: 'Download every trial of the run on screen: strategy, trial, shortfall, % of demand, worst fulfilment, cost, time to recover and each maker\'s shortfall' }, 'Samples (CSV)');
  button.addEventListener('click', () => {
    const samples = getSamples();
    if (!samples) {
      status.textContent = 'Run the scenario first.';
      return;
    }
    status.textContent = '';
    downloadBlob(samples.blob, samples.fileName);
  });
  return el('span', { class: 'report-button' }, button, status);
}
