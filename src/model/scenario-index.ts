/**
 * Lookups the semantic checks share: every node (existing, and each strategy's new nodes) with
 * its JSON pointer, and the ids of routes, disruptions and references.
 */
import type { NewCapacityLever, Scenario, ScenarioNode, StageName } from './schema.ts';

export interface NodeEntry {
  node: ScenarioNode;
  /** JSON pointer of the node object */
  path: string;
  /** index of the strategy whose newCapacity lever adds it; null for the scenario's own nodes */
  strategy: number | null;
}

/** What each stage sources from (model.md section 1); stages absent here take no sources. */
export const SOURCE_STAGES: Partial<Record<StageName, readonly StageName[]>> = {
  processing: ['extraction', 'exploration'],
  manufacturing: ['processing'],
};

const STAGE_LABELS: Record<StageName, string> = {
  exploration: 'an exploration project',
  extraction: 'an extraction node (mine)',
  processing: 'a processing node',
  manufacturing: 'a maker (manufacturing node)',
};

/** Stages as the end of a sentence: "extraction or exploration nodes". */
export const stagesText = (stages: readonly StageName[]): string => `${stages.join(' or ')} nodes`;

/** A node's stage as a sentence fragment: "a processing node". */
export const stageLabel = (stage: StageName): string => STAGE_LABELS[stage];

/** A scenario indexed once for all semantic checks; built only after the structure has been validated. */
export class ScenarioIndex {
  readonly periodsPerYear: number;
  /** the scenario's nodes, first occurrence of each id */
  readonly nodes = new Map<string, NodeEntry>();
  /** every strategy's new nodes, first occurrence of each id */
  readonly newNodes = new Map<string, NodeEntry>();
  /** per strategy index, its own new nodes */
  readonly newNodesOf: Map<string, NodeEntry>[];
  /** the scenario's nodes then every new node, in file order, duplicates included */
  readonly allNodes: NodeEntry[] = [];
  readonly routes: string[];
  readonly disruptions = new Map<string, number>();
  readonly references: string[];

  constructor(readonly scenario: Scenario) {
    this.periodsPerYear = scenario.periodsPerYear ?? 12;
    scenario.nodes.forEach((node, i) => {
      const entry = { node, path: `/nodes/${i}`, strategy: null };
      this.allNodes.push(entry);
      if (!this.nodes.has(node.id)) this.nodes.set(node.id, entry);
    });
    this.newNodesOf = (scenario.strategies ?? []).map((strategy, s) => {
      const own = new Map<string, NodeEntry>();
      strategy.levers.forEach((lever, k) => {
        if (!('newCapacity' in lever)) return;
        (lever.newCapacity as NewCapacityLever).nodes.forEach((node, j) => {
          const entry = { node, path: `/strategies/${s}/levers/${k}/newCapacity/nodes/${j}`, strategy: s };
          this.allNodes.push(entry);
          if (!own.has(node.id)) own.set(node.id, entry);
          if (!this.newNodes.has(node.id)) this.newNodes.set(node.id, entry);
        });
      });
      return own;
    });
    this.routes = (scenario.routes ?? []).map((r) => r.id);
    (scenario.disruptions ?? []).forEach((d, i) => {
      if (!this.disruptions.has(d.id)) this.disruptions.set(d.id, i);
    });
    this.references = (scenario.references ?? []).map((r) => r.id);
  }

  /** The node a strategy sees under this id: the scenario's own, or one of that strategy's new nodes. */
  nodeFor(id: string, strategy: number | null): NodeEntry | undefined {
    return this.nodes.get(id) ?? (strategy === null ? undefined : this.newNodesOf[strategy]?.get(id));
  }

  /** Any node under this id, including a new node of any strategy (disruption targets may name those). */
  anyNode(id: string): NodeEntry | undefined {
    return this.nodes.get(id) ?? this.newNodes.get(id);
  }

  /** Why an id names no node a strategy can see, as the end of a sentence. */
  missingNode(id: string, strategy: number | null): string {
    const elsewhere = this.newNodes.get(id);
    if (elsewhere) {
      const owner = this.scenario.strategies?.[elsewhere.strategy ?? 0]?.id ?? '';
      return `"${id}" is a new node of strategy "${owner}" and exists only in that strategy`;
    }
    return `no node "${id}" exists${strategy === null ? '' : " in the scenario or this strategy's new nodes"}`;
  }
}
