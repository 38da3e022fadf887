/**
 * The app: wires the panels to the scenario being edited and to runs on the worker pool. The page
 * opens on a scenario (the URL's, the last one shown or the default) and runs it at once; after that a
 * run starts when the user asks, and only when the scenario is valid. Whatever ends a run (done,
 * cancelled, a failing worker), the last good results stay on screen, with a line saying what they are.
 */
import './styles.css';
import type { RunResult } from '../engine/result.ts';
import type { Scenario, Strategy } from '../model/schema.ts';
import { loadExpressionParser } from '../model/expression.ts';
import { parseScenarioText, type ValidationResult } from '../model/validate.ts';
import { chartExportMenu, type ExportContext } from './chart-export-menu.ts';
import { createChartsPanel } from './charts-panel.ts';
import { el } from './dom.ts';
import { draftFromText, draftWithValue, type Draft } from './draft.ts';
import { createEditorForm } from './editor-form.ts';
import { count, runTime } from './format.ts';
import { createHeader } from './header.ts';
import { createHeadlinePanel } from './headline-panel.ts';
import { createImportExport } from './import-export.ts';
import { placeIssues } from './issue-placement.ts';
import { createJsonView } from './json-view.ts';
import { createMetricsTable } from './metrics-table.ts';
import { createPoolKeeper } from './pool-keeper.ts';
import { createOptimisePanel } from './optimise-panel.ts';
import { reportButton } from './report-button.ts';
import { createProgress } from './progress.ts';
import { createResultsCaption } from './results-caption.ts';
import { createRunControls } from './run-controls.ts';
import { startRun, type RunHandle, type RunOutcome } from './run-session.ts';
import { pickerItems } from './picker-items.ts';
import { createScenarioPicker } from './scenario-picker.ts';
import { createShareLink } from './share-link.ts';
import { hashNamesScenario } from './share-url.ts';
import { formatScenario, SHIPPED } from './shipped-scenarios.ts';
import { createSourcesPanel } from './sources-panel.ts';
import { draftOf, openingDraft } from './startup.ts';
import { createStatusBanner } from './status-banner.ts';
import { clearEdit, saveEdit, saveLastScenarioId } from './storage.ts';
import { installTestHooks, recordShown, testWatchdog } from './test-hooks.ts';
import { createStressPanel } from './stress-panel.ts';
import { createSensitivityPanel } from './sensitivity-panel.ts';
import { samplesButton } from './samples-button.ts';
import { downloadName } from '../export/file-names.ts';

/** What the results on screen came from. */
interface Shown {
  result: RunResult;
  scenario: Scenario;
  /** the editor text the run started from: when it differs from the editor's, the results are stale */
  text: string;
  name: string;
  trialsTotal: number;
  complete: boolean;
  /** the run's per-trial samples as CSV */
  samples: () => Blob;
}

type RunState = 'idle' | 'running' | 'complete' | 'cancelled' | 'failed' | 'invalid';

const VALIDATE_DELAY_MS = 250;
const FORM_REBUILD_DELAY_MS = 600;
const HASH_DELAY_MS = 400;

// Validation runs on every edit and must answer at once, so the demand-expression parser (mathjs, its
// own chunk) starts loading now and is awaited before the first scenario is opened.
const expressionParser = loadExpressionParser();
const pools = createPoolKeeper();
// The workers start now, loading the engine while the page waits for the parser and the scenario, so the
// opening run does not wait for them.
pools.acquire();
const shareLink = createShareLink();
let draft: Draft;
let validation: { text: string; result: ValidationResult } | null = null;
let shown: Shown | null = null;
let running: RunHandle | null = null;
let settledState: RunState = 'idle';

// ---- panels ---------------------------------------------------------------------------------

const header = createHeader();
const picker = createScenarioPicker((id) => {
  const picked = draftOf(id);
  if (picked) openDraft(picked, true);
});
const form = createEditorForm(onFormEdit);
const jsonView = createJsonView(onJsonInput);
const controls = createRunControls({ onRun: runNow, onShare: share, onRevert: revert });
const importExport = createImportExport({ importText, exportFile });
const banner = createStatusBanner();
const progress = createProgress(cancel);
const caption = createResultsCaption();
const headlinePanel = createHeadlinePanel();
const metrics = createMetricsTable();
// Downloads use what is on screen: the last results, with the scenario they came from.
const exportContext = (): ExportContext => (shown ? { result: shown.result, scenario: shown.scenario } : null);
const charts = createChartsPanel({ toolbar: (name) => chartExportMenu(name, exportContext) });
const sources = createSourcesPanel();
const optimisePanel = createOptimisePanel({ pools: createPoolKeeper(), onAddStrategy: addStrategy });
// The analyses of issue 12 take the editor's scenario when it is valid; the report adds them when they are of the run shown.
const validScenario = (): Scenario | null => {
  if (draft === undefined) return null;
  const checked = validateNow();
  return checked.ok ? checked.scenario : null;
};
const stressPanel = createStressPanel(validScenario);
const sensitivityPanel = createSensitivityPanel(validScenario);
const reportContext = (): ExportContext => {
  const context = exportContext();
  return context && { ...context, analyses: { stress: stressPanel.result() ?? undefined, sensitivity: sensitivityPanel.result() ?? undefined } };
};
const samples = samplesButton(() => (shown ? { blob: shown.samples(), fileName: downloadName(shown.result, 'samples', 'csv') } : null));

document.getElementById('app')!.replaceChildren(
  header.element,
  el(
    'div',
    { class: 'layout' },
    el(
      'aside',
      { class: 'sidebar', 'aria-label': 'Scenario' },
      // The picker and Run stay in view while the long form scrolls past.
      el('div', { class: 'sidebar-head' }, picker.element, controls.element),
      form.element,
      jsonView.element,
      importExport.element,
    ),
    el(
      'main',
      { class: 'results' },
      banner.element,
      progress.element,
      el('div', { class: 'results-head' }, caption.element, reportButton(reportContext), samples),
      headlinePanel.element,
      metrics.element,
      charts.element,
      optimisePanel.element,
      stressPanel.element,
      sensitivityPanel.element,
      sources.element,
    ),
  ),
);
installTestHooks(pools);
await expressionParser;
void openFromUrl();
// A link pasted into the address bar of an open tab changes only the hash: open what it names.
window.addEventListener('hashchange', () => {
  if (hashNamesScenario(location.hash)) void openFromUrl();
});

// ---- opening and editing --------------------------------------------------------------------

/** Opens what the URL names (else the last scenario, else the default) and runs it. */
async function openFromUrl(): Promise<void> {
  const opening = await openingDraft(location.hash);
  if (opening.warning) banner.show('warning', opening.warning);
  openDraft(opening.draft, true);
}

/** Shows a draft in every panel and, if asked and valid, runs it. */
function openDraft(next: Draft, run: boolean): void {
  draft = next;
  saveLastScenarioId(draft.key);
  jsonView.setText(draft.text);
  form.render(draft.data);
  renderPicker();
  const valid = validateNow();
  showScenarioInfo();
  syncHash();
  if (run && valid.ok) runNow();
  else updateControls();
}

function onFormEdit(path: string, value: unknown): void {
  if (draft.data === undefined) return;
  draft = draftWithValue(draft, path, value);
  jsonView.setText(draft.text);
  afterEdit();
}

function onJsonInput(text: string): void {
  const before = draft.data;
  draft = draftFromText(draft.key, text);
  afterEdit();
  // Rebuilding the form on every keystroke would be wasted work; a pause is enough.
  later('form', FORM_REBUILD_DELAY_MS, () => {
    if (draft.data !== before) form.render(draft.data);
    validateNow();
  });
}

function afterEdit(): void {
  persist();
  renderPicker();
  updateControls();
  later('validate', VALIDATE_DELAY_MS, () => {
    validateNow();
    showScenarioInfo();
  });
  later('hash', HASH_DELAY_MS, syncHash);
}

/** Keeps the edit across reloads; an edit that brings back the shipped text is forgotten instead. */
function persist(): void {
  const shipped = SHIPPED.get(draft.key);
  if (shipped && shipped.text === draft.text) clearEdit(draft.key);
  else reportStorage(saveEdit(draft.key, draft.text));
}

let storageWarned = false;
/** An edit that could not be stored is said once, and unsaid when storing works again. */
function reportStorage(problem: string | null): void {
  if (problem && !storageWarned) banner.show('warning', `Your edit could not be saved in this browser: ${problem}. It stays on this page and in its link until you close it; Export scenario keeps a copy.`);
  else if (!problem && storageWarned) banner.clear('warning');
  storageWarned = problem !== null;
}

/** Validates the editor's text now (cached per text) and shows every issue beside its field or above the JSON. */
function validateNow(): ValidationResult {
  if (validation?.text !== draft.text) validation = { text: draft.text, result: parseScenarioText(draft.text) };
  const issues = validation.result.ok ? [] : validation.result.issues;
  jsonView.showIssues(placeIssues(form.element, issues));
  optimisePanel.setScenario(validation.result.ok ? validation.result.scenario : null);
  updateControls();
  if (!validation.result.ok && !running) setRunState('invalid');
  else if (document.body.dataset.runState === 'invalid') setRunState(settledState);
  return validation.result;
}

/** Adds a strategy (the optimiser's) at the end of the scenario's strategies, as an edit in the form would. */
function addStrategy(strategy: Strategy): void {
  const data = draft.data as { strategies?: unknown } | undefined;
  const list = Array.isArray(data?.strategies) ? data.strategies : [];
  onFormEdit('/strategies', [...list, strategy]);
  form.render(draft.data);
}

function revert(): void {
  const shipped = SHIPPED.get(draft.key);
  if (!shipped) return;
  clearEdit(draft.key);
  openDraft(draftFromText(shipped.id, shipped.text), true);
}

/** Takes an imported file if it is a valid scenario; returns its issues otherwise, and then changes nothing. */
function importText(text: string): { path: string; message: string }[] {
  const checked = parseScenarioText(text);
  if (!checked.ok) return checked.issues;
  const imported = draftFromText(checked.scenario.id, formatScenario(JSON.parse(text.replace(/^\uFEFF/, ''))));
  openDraft(imported, false);
  persist();
  renderPicker();
  runNow();
  return [];
}

function exportFile(): { text: string; fileName: string } {
  return { text: draft.text, fileName: `${draft.key}.json` };
}

// ---- running --------------------------------------------------------------------------------

/** Runs the editor's scenario if it is valid, cancelling a run in progress. */
function runNow(): void {
  const checked = validateNow();
  if (!checked.ok) return;
  running?.cancel();
  const scenario = checked.scenario;
  const text = draft.text;
  const trialsTotal = scenario.trials ?? 1000;
  const started = performance.now();
  // A new run answers the last run's error; a warning about the link still stands.
  banner.clear('error');
  progress.start(trialsTotal);
  const handle = startRun(
    scenario,
    pools,
    {
      onProgress: (done, total) => {
        if (running === handle) progress.update(done, total);
      },
      // A run replaced by a newer one may still report its last prefix: it must not replace the newer results.
      onPrefix: (result) => {
        if (running === handle) showResults({ result, scenario, text, name: scenario.name, trialsTotal, complete: false, samples: handle.samples });
      },
    },
    { attribution: controls.attribution(), watchdog: testWatchdog() },
  );
  running = handle;
  setRunState('running');
  updateControls();
  syncHash();
  void handle.outcome.then((outcome) => {
    if (running !== handle) return; // a newer run replaced this one
    running = null;
    finishRun(outcome, { scenario, text, trialsTotal, started, samples: handle.samples });
    updateControls();
  });
}

function finishRun(outcome: RunOutcome, run: { scenario: Scenario; text: string; trialsTotal: number; started: number; samples: () => Blob }): void {
  if (outcome.status === 'complete') {
    showResults({ result: outcome.result, scenario: run.scenario, text: run.text, name: run.scenario.name, trialsTotal: run.trialsTotal, complete: true, samples: run.samples });
    // From the start of the run to the last chart drawn (showResults draws them all before it returns).
    const seconds = (performance.now() - run.started) / 1000;
    document.body.dataset.runSeconds = seconds.toFixed(1);
    progress.finish(`Done: ${count(run.trialsTotal)} trials in ${runTime(seconds)}.`);
    setRunState('complete');
    return;
  }
  const kept = outcome.trialsDone > 0 ? `The results of its first ${count(outcome.trialsDone)} trials stay on screen.` : shown ? 'The results of the previous run stay on screen.' : '';
  if (outcome.status === 'cancelled') {
    progress.finish(`Cancelled after ${count(outcome.trialsDone)} of ${count(run.trialsTotal)} trials. ${kept}`, outcome.trialsDone);
    setRunState('cancelled');
  } else {
    progress.finish('Stopped by an error.', outcome.trialsDone);
    banner.show('error', `The run stopped: ${outcome.message}. ${kept} Run again to retry with fresh workers.`);
    setRunState('failed');
  }
}

function cancel(): void {
  running?.cancel();
}

function showResults(next: Shown): void {
  shown = next;
  caption.show(next.result, next.name, next.trialsTotal, next.complete);
  headlinePanel.show(next.result, next.scenario, next.complete);
  metrics.show(next.result);
  charts.show(next.result, next.scenario);
  recordShown(next.result, next.scenario);
  stressPanel.noteScenario(next.result.scenario.hash);
  sensitivityPanel.noteScenario(next.result.scenario.hash);
  document.body.dataset.resultTrials = String(next.result.trials);
  updateControls();
}

/** The state of the page for the end-to-end tests and for styling: body[data-run-state]. */
function setRunState(state: RunState): void {
  document.body.dataset.runState = state;
  // An invalid edit only hides the state of the last run; fixing the edit brings it back.
  if (state !== 'invalid') settledState = state;
}

// ---- sharing --------------------------------------------------------------------------------

/** Writes the editor's scenario, seed and trials into the URL hash, so a reload or a copied link shows it. */
function syncHash(): void {
  void shareLink.sync(draft);
}

function share(): void {
  void shareLink.copy(draft).then(({ ok, message }) => {
    // A refused link is worth more than a passing note: it says what to do instead.
    if (ok) controls.flashShared(message);
    else banner.show('warning', message);
  });
}

// ---- small helpers --------------------------------------------------------------------------

function updateControls(): void {
  // Between an edit and its validation the last validation's count stands, so the button does not flicker.
  const issues = validation && !validation.result.ok ? validation.result.issues.length : 0;
  const shipped = SHIPPED.get(draft.key);
  controls.setState({
    issues,
    running: running !== null,
    stale: shown !== null && shown.text !== draft.text,
    revertible: shipped !== undefined && shipped.text !== draft.text,
  });
}

/** The header and the sources from the editor's data, valid or not (a half-typed name is still its name). */
function showScenarioInfo(): void {
  const data = (draft.data ?? {}) as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  header.show(text(data.name) ?? draft.key, text(data.description), text(data.unit), text(data.monthZero));
  sources.show(data);
}

function renderPicker(): void {
  picker.render(pickerItems(draft), draft.key);
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
/** Runs `task` after `ms` of quiet under `key`; a newer call with the same key replaces it. */
function later(key: string, ms: number, task: () => void): void {
  clearTimeout(timers.get(key));
  timers.set(key, setTimeout(task, ms));
}
