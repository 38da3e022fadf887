/**
 * What a stress test cuts (issue 12): every node, every country at each stage where it has nodes, and
 * every chokepoint route some link passes, each as a disruption target (model.md section 3), with a
 * stable id that orders ties and names the target in files.
 */
import type { DisruptionTarget, Scenario, StageName } from '../model/schema.ts';
import { STAGES } from '../model/schema.ts';
import { TARGET_LINKS, type CompiledModel } from '../engine/compiled-model.ts';

export type StressTargetKind = 'node' | 'country' | 'route';

export interface StressTarget {
  /** "node:<id>", "country:<CC>:<stage>" or "route:<id>": unique, and the order of ties */
  id: string;
  kind: StressTargetKind;
  /** in words: the node's name, "CN processing", the route's name */
  name: string;
  /** the node's country, or the country cut */
  country?: string;
  /** the node's stage, or the stage cut */
  stage?: StageName;
  target: DisruptionTarget;
}

/** Which kinds of target to list; all by default. */
export interface StressTargetOptions {
  kinds?: StressTargetKind[];
}

/** The targets of a scenario: nodes in file order, then countries by stage (alphabetically), then routes in file order. */
export function listStressTargets(scenario: Scenario, options: StressTargetOptions = {}): StressTarget[] {
  const kinds = new Set(options.kinds ?? ['node', 'country', 'route']);
  const targets: StressTarget[] = [];
  if (kinds.has('node')) {
    for (const n of scenario.nodes) {
      targets.push({ id: `node:${n.id}`, kind: 'node', name: n.name ?? n.id, country: n.country, stage: n.stage, target: { node: n.id } });
    }
  }
  if (kinds.has('country')) {
    for (const stage of STAGES) {
      const countries = [...new Set(scenario.nodes.filter((n) => n.stage === stage).map((n) => n.country))].sort();
      for (const cc of countries) {
        targets.push({ id: `country:${cc}:${stage}`, kind: 'country', name: `${cc} ${stage}`, country: cc, stage, target: { country: cc, stages: [stage] } });
      }
    }
  }
  if (kinds.has('route')) {
    const used = new Set(scenario.nodes.flatMap((n) => (n.sources ?? []).map((s) => s.route)).filter((r): r is string => r !== undefined));
    for (const r of scenario.routes ?? []) {
      if (used.has(r.id)) targets.push({ id: `route:${r.id}`, kind: 'route', name: r.name ?? r.id, target: { route: r.id } });
    }
  }
  return targets;
}

/** Ids in the order ties are listed: plain code-unit order, the same in every locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A key per stress cut of the model that is equal for two cuts hitting the same nodes or links (a country
 * with one node at a stage cuts exactly what that node's own cut does), so that each is simulated once.
 */
export function cutKeys(model: CompiledModel): string[] {
  return model.stressCuts.map((cut) => `${cut.targetKind}:${[...cut.targets].sort((a, b) => a - b).join(',')}`);
}

/**
 * Per stress cut of the model, per maker position: 1 if the maker depends on what the cut hits, that is,
 * the maker is a hit node or lies downstream of one (or of a hit link's buyer) over the model's links.
 */
export function cutDependents(model: CompiledModel): Uint8Array[] {
  const n = model.nodeIds.length;
  const M = model.makers.length;
  return model.stressCuts.map((cut) => {
    const reached = new Uint8Array(n);
    const queue: number[] = [];
    const reach = (i: number) => {
      if (reached[i] === 0) {
        reached[i] = 1;
        queue.push(i);
      }
    };
    for (const x of cut.targets) reach(cut.targetKind === TARGET_LINKS ? model.linkTo[x] : x);
    while (queue.length > 0) {
      const i = queue.pop()!;
      for (let j = model.sellerStart[i]; j < model.sellerStart[i + 1]; j++) reach(model.linkTo[model.sellerLinks[j]]);
    }
    return Uint8Array.from({ length: M }, (_, k) => reached[model.makers[k]]);
  });
}
