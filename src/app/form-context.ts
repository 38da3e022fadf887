/**
 * What every section of the editor form is built from: the scenario's data, the two kinds of edit,
 * and the choices its selects offer (nodes, routes, disruptions, references), read once per build.
 */
import type { Choice, EditHandler } from './form-fields.ts';

export type Obj = Record<string, unknown>;

export interface FormContext {
  data: Obj;
  unit: string;
  /** the currency of costs (model.md: default USD) */
  currency: string;
  /** a value changed; the form stays as it is (the user is typing in it) */
  edit: EditHandler;
  /**
   * The shape changed (an item added or removed, a kind switched): the form is rebuilt, and the focus
   * goes to the control with `focus` as its data-path or data-focus (default: where it was).
   */
  change(path: string, value: unknown, focus?: string): void;
  /** the nodes to choose from, with their stages: the scenario's and those strategies add (a strategy's levers: its own only) */
  nodes: (Choice & { stage: string })[];
  /** every node id of the scenario, its strategies and the optimiser's variables: a new node's id must differ from all */
  allNodeIds: string[];
  routes: Choice[];
  disruptions: Choice[];
  /** the scenario's references: the value is the id, the label the id and the start of the title */
  references: (Choice & { title: string })[];
  /** in a decision variable's levers, the pointer of the number its size sets: that field says so */
  setBySize?: string;
}

export const STAGES = ['exploration', 'extraction', 'processing', 'manufacturing'] as const;
export const STAGE_CHOICES: Choice[] = STAGES.map((s) => ({ value: s, label: s }));

/** The context of one build of the form. */
export function formContext(data: Obj, edit: EditHandler, change: FormContext['change']): FormContext {
  const own = list(data.nodes).filter(isObj);
  const added = list(data.strategies).flatMap(newNodesOf);
  const optimised = optimiseVariables(data).flatMap(newNodesOf);
  return {
    data,
    unit: typeof data.unit === 'string' && data.unit !== '' ? data.unit : 'units',
    currency: typeof data.currency === 'string' && data.currency !== '' ? data.currency : 'USD',
    edit,
    change,
    nodes: nodeChoices([...own, ...added]),
    allNodeIds: [...own, ...added, ...optimised].map((n) => String(n.id)),
    routes: list(data.routes).filter(isObj).map(named),
    disruptions: list(data.disruptions).filter(isObj).map(named),
    references: list(data.references).filter(isObj).map(referenceChoice),
  };
}

/** A reference as a choice: a select shows its id and the start of its title, a checklist its whole title. */
function referenceChoice(r: Obj): Choice & { title: string } {
  const id = String(r.id);
  const title = typeof r.title === 'string' ? r.title.trim() : '';
  const short = title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return { value: id, label: short ? `${id}: ${short}` : id, title };
}

/** A strategy's context: its levers choose among the scenario's nodes and its own new nodes, not those of other strategies. */
export function strategyContext(ctx: FormContext, strategy: unknown): FormContext {
  return { ...ctx, nodes: nodeChoices([...list(ctx.data.nodes).filter(isObj), ...newNodesOf(strategy)]) };
}

/**
 * The optimiser's context: its variables' levers choose among the scenario's nodes and the new nodes of
 * every variable (a candidate strategy holds all the variables' levers at once: check-optimise.ts).
 */
export function optimiseContext(ctx: FormContext): FormContext {
  return { ...ctx, nodes: nodeChoices([...list(ctx.data.nodes).filter(isObj), ...optimiseVariables(ctx.data).flatMap(newNodesOf)]) };
}

/** The optimiser's decision variables (each, like a strategy, holds levers). */
function optimiseVariables(data: Obj): unknown[] {
  return isObj(data.optimise) ? list(data.optimise.variables) : [];
}

/** The nodes a strategy (or a decision variable) adds with its newCapacity levers. */
function newNodesOf(strategy: unknown): Obj[] {
  if (!isObj(strategy)) return [];
  return list(strategy.levers)
    .filter(isObj)
    .flatMap((l) => (isObj(l.newCapacity) ? list(l.newCapacity.nodes).filter(isObj) : []));
}

function nodeChoices(nodes: Obj[]): (Choice & { stage: string })[] {
  return nodes.filter((n) => typeof n.id === 'string').map((n) => ({ ...named(n), stage: String(n.stage) }));
}

function named(x: Obj): Choice {
  return { value: String(x.id), label: x.name && x.name !== x.id ? `${String(x.name)} (${String(x.id)})` : String(x.id) };
}

/** Choices shown by their ids: node names are too long for a group of checkboxes. */
export function byId(choices: Choice[]): Choice[] {
  return choices.map((c) => ({ value: c.value, label: c.value }));
}

/** The nodes at the given stages, as choices. */
export function nodesAt(ctx: FormContext, ...stages: string[]): Choice[] {
  return ctx.nodes.filter((n) => stages.includes(n.stage));
}

/** An id not yet among `taken`: `prefix`, else `prefix-2`, `prefix-3`... */
export function freshId(prefix: string, taken: Iterable<unknown>): string {
  const used = new Set([...taken].map(String));
  if (!used.has(prefix)) return prefix;
  let n = 2;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** The ids of every item of a list. */
export function idsOf(items: unknown): unknown[] {
  return list(items)
    .filter(isObj)
    .map((x) => x.id);
}

export function isObj(x: unknown): x is Obj {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

export function list(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/** The object with `key` replaced by `next` (and the value it is given) in the same place among its keys. */
export function renameKey(obj: Obj, key: string, next: string, value: unknown = obj[key]): Obj {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => (k === key ? [next, value] : [k, v])));
}

/** A summary line from a text function of the exports (scenario-text.ts), or `fallback` while the item is malformed. */
export function summaryOf(text: () => string, fallback: string): string {
  try {
    return text();
  } catch {
    return fallback;
  }
}
