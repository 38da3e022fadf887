/** Semantic check: strategies' levers (model.md section 4). */
import { SOURCE_STAGES, stageLabel, stagesText, type NodeEntry, type ScenarioIndex } from './scenario-index.ts';
import { knownNames } from './issue-text.ts';
import type { DiversifyLever, StageName, StockpileLever, Strategy } from './schema.ts';
import type { ValidationIssue } from './validate.ts';

/** Reports unknown or wrong-stage nodes in levers, incomplete or conflicting choices and double stockpiles. */
export function checkLevers(index: ScenarioIndex): ValidationIssue[] {
  return (index.scenario.strategies ?? []).flatMap((strategy, s) => checkStrategy(index, strategy, s));
}

function checkStrategy(index: ScenarioIndex, strategy: Strategy, s: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stockpiled = new Map<string, string>();

  /** Looks up each listed node, optionally requiring a stage; reports unknown, wrong-stage and repeated ids. */
  const nodeList = (ids: string[], path: string, stage?: { is: StageName; why: string }): NodeEntry[] => {
    const found: NodeEntry[] = [];
    const seen = new Set<string>();
    ids.forEach((id, j) => {
      const entry = index.nodeFor(id, s);
      if (!entry) issues.push({ path: `${path}/${j}`, message: index.missingNode(id, s) });
      else if (stage && entry.node.stage !== stage.is) {
        issues.push({ path: `${path}/${j}`, message: `"${id}" is ${stageLabel(entry.node.stage)}; ${stage.why}` });
      } else found.push(entry);
      if (seen.has(id)) issues.push({ path: `${path}/${j}`, message: `"${id}" is listed twice` });
      seen.add(id);
    });
    return found;
  };

  strategy.levers.forEach((lever, k) => {
    const base = `/strategies/${s}/levers/${k}`;
    if ('stockpile' in lever) checkStockpile(index, lever.stockpile, `${base}/stockpile`, s, stockpiled, issues, nodeList);
    if ('diversify' in lever) checkDiversify(index, lever.diversify, `${base}/diversify`, s, issues);
    if ('flexibility' in lever && lever.flexibility.stage !== 'processing' && lever.flexibility.stage !== 'manufacturing') {
      issues.push({
        path: `${base}/flexibility/stage`,
        message: `flexibility acts on buyers, so its stage must be "processing" or "manufacturing", got "${lever.flexibility.stage}"`,
      });
    }
    if ('recycling' in lever) {
      nodeList(lever.recycling.nodes, `${base}/recycling/nodes`, { is: 'processing', why: 'recycled material enters processing nodes' });
    }
    if ('substitution' in lever) {
      nodeList(lever.substitution.nodes, `${base}/substitution/nodes`, { is: 'manufacturing', why: 'substitution applies at makers' });
    }
    if ('newCapacity' in lever) {
      lever.newCapacity.nodes.forEach((node, j) => {
        if (node.stage === 'exploration') {
          issues.push({
            path: `${base}/newCapacity/nodes/${j}/stage`,
            message: 'a new node cannot be an exploration project: new capacity comes online after commissioning (use "extraction" with "rampMonths")',
          });
        }
      });
    }
  });
  return issues;
}

function checkStockpile(
  index: ScenarioIndex,
  lever: StockpileLever,
  path: string,
  s: number,
  stockpiled: Map<string, string>,
  issues: ValidationIssue[],
  nodeList: (ids: string[], path: string) => NodeEntry[],
): void {
  if (lever.nodes !== undefined && lever.stage !== undefined) issues.push({ path, message: 'give either "nodes" or "stage", not both' });
  if (lever.nodes === undefined && lever.stage === undefined) issues.push({ path, message: 'needs "nodes" (a list of node ids) or "stage"' });
  if (lever.units !== undefined && lever.months !== undefined) issues.push({ path, message: 'give either "units" or "months", not both' });
  if (lever.units === undefined && lever.months === undefined) issues.push({ path, message: 'needs its size: "units" or "months" of planned need' });

  // One stockpile per node: the engine keeps one level per node, so a second would silently merge.
  const claim = (id: string, at: string) => {
    const earlier = stockpiled.get(id);
    if (earlier === undefined) stockpiled.set(id, path);
    else if (earlier !== path) {
      issues.push({ path: at, message: `node "${id}" already has a stockpile in this strategy (${earlier}); a node takes one stockpile` });
    }
  };
  if (lever.nodes !== undefined) {
    const listed = nodeList(lever.nodes, `${path}/nodes`);
    for (const entry of listed) claim(entry.node.id, `${path}/nodes/${lever.nodes.indexOf(entry.node.id)}`);
  } else if (lever.stage !== undefined) {
    const atStage = [...index.nodes.values(), ...(index.newNodesOf[s]?.values() ?? [])].filter((e) => e.node.stage === lever.stage);
    for (const entry of atStage) claim(entry.node.id, `${path}/stage`);
  }
}

function checkDiversify(index: ScenarioIndex, lever: DiversifyLever, path: string, s: number, issues: ValidationIssue[]): void {
  const buyer = index.nodeFor(lever.node, s);
  const takes = buyer ? SOURCE_STAGES[buyer.node.stage] : undefined;
  if (!buyer) issues.push({ path: `${path}/node`, message: index.missingNode(lever.node, s) });
  else if (!takes) {
    issues.push({ path: `${path}/node`, message: `"${lever.node}" is ${stageLabel(buyer.node.stage)}; the buyer must be a processing node or a maker` });
  }

  if (lever.fromCountry !== undefined && lever.fromNode !== undefined) {
    issues.push({ path, message: 'give either "fromCountry" or "fromNode", not both' });
  }
  if (lever.fromCountry === undefined && lever.fromNode === undefined) {
    issues.push({ path, message: 'needs "fromCountry" or "fromNode": the sources whose share moves' });
  }
  // Not in model.md's list of checks, but a lever whose sources match nothing in the buyer's mix
  // would silently move nothing, which is never what its author meant.
  const mix = buyer && takes ? mixAfterDiversify(index, buyer, s) : undefined;
  if (lever.fromNode !== undefined) {
    if (!index.nodeFor(lever.fromNode, s)) issues.push({ path: `${path}/fromNode`, message: index.missingNode(lever.fromNode, s) });
    else if (mix && !mix.some((e) => e.node.id === lever.fromNode)) {
      issues.push({ path: `${path}/fromNode`, message: `"${lever.fromNode}" is not one of the sources of "${lever.node}", so nothing would move` });
    }
  }
  if (lever.fromCountry !== undefined && mix && !mix.some((e) => e.node.country === lever.fromCountry)) {
    issues.push({ path: `${path}/fromCountry`, message: `no source of "${lever.node}" is in ${lever.fromCountry}, so nothing would move` });
  }

  const seen = new Set<string>();
  lever.to.forEach((id, j) => {
    const entry = index.nodeFor(id, s);
    if (!entry) issues.push({ path: `${path}/to/${j}`, message: index.missingNode(id, s) });
    else if (buyer && takes && !takes.includes(entry.node.stage)) {
      issues.push({
        path: `${path}/to/${j}`,
        message: `"${id}" is ${stageLabel(entry.node.stage)}; "${lever.node}" sources from ${stagesText(takes)}`,
      });
    }
    if (seen.has(id)) issues.push({ path: `${path}/to/${j}`, message: `"${id}" is listed twice` });
    seen.add(id);
  });

  if (lever.route !== undefined && !index.routes.includes(lever.route)) {
    issues.push({ path: `${path}/route`, message: `no route "${lever.route}" exists${knownNames('routes', index.routes)}` });
  }
}

/** The buyer's possible sources once the strategy's diversify levers have added theirs. */
function mixAfterDiversify(index: ScenarioIndex, buyer: NodeEntry, s: number): NodeEntry[] {
  const ids = new Set((buyer.node.sources ?? []).map((l) => l.from));
  for (const lever of index.scenario.strategies?.[s]?.levers ?? []) {
    if ('diversify' in lever && lever.diversify.node === buyer.node.id) lever.diversify.to.forEach((id) => ids.add(id));
  }
  return [...ids].map((id) => index.nodeFor(id, s)).filter((e): e is NodeEntry => e !== undefined);
}
