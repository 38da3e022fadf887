/** Semantic check: sourcing mixes (model.md section 1, "Links"). */
import { SOURCE_STAGES, stageLabel, stagesText, type NodeEntry, type ScenarioIndex } from './scenario-index.ts';
import { knownNames, num } from './issue-text.ts';
import type { ValidationIssue } from './validate.ts';

const SHARE_TOLERANCE = 1e-6;

/** Reports sources at the wrong stage, missing or unknown sources, repeated sources, share sums and unknown routes. */
export function checkSources(index: ScenarioIndex): ValidationIssue[] {
  return index.allNodes.flatMap((entry) => checkMix(index, entry));
}

function checkMix(index: ScenarioIndex, { node, path, strategy }: NodeEntry): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const sources = node.sources ?? [];
  const takes = SOURCE_STAGES[node.stage];
  if (!takes) {
    // An empty list is the default written out, so only a non-empty one is an error.
    if (sources.length > 0) {
      issues.push({ path: `${path}/sources`, message: `only processing nodes and makers have sources; this is ${stageLabel(node.stage)}` });
    }
    return issues;
  }
  if (sources.length === 0) {
    const from = stagesText(takes);
    issues.push({ path: node.sources ? `${path}/sources` : path, message: `${stageLabel(node.stage)} needs at least one source (from ${from})` });
    return issues;
  }

  const firstAt = new Map<string, number>();
  sources.forEach((link, j) => {
    const linkPath = `${path}/sources/${j}`;
    const source = index.nodeFor(link.from, strategy);
    if (!source) {
      issues.push({ path: `${linkPath}/from`, message: index.missingNode(link.from, strategy) });
    } else if (!takes.includes(source.node.stage)) {
      issues.push({
        path: `${linkPath}/from`,
        message: `"${link.from}" is ${stageLabel(source.node.stage)}; ${stageLabel(node.stage)} sources from ${stagesText(takes)}`,
      });
    }
    const earlier = firstAt.get(link.from);
    if (earlier === undefined) firstAt.set(link.from, j);
    else issues.push({ path: `${linkPath}/from`, message: `"${link.from}" appears twice in this mix (also at ${path}/sources/${earlier}); list each source once` });
    if (link.route !== undefined && !index.routes.includes(link.route)) {
      issues.push({ path: `${linkPath}/route`, message: `no route "${link.route}" exists${knownNames('routes', index.routes)}` });
    }
  });

  const total = sources.reduce((sum, link) => sum + link.share, 0);
  if (Math.abs(total - 1) > SHARE_TOLERANCE) {
    issues.push({ path: `${path}/sources`, message: `the shares must sum to 1, got ${num(total)}` });
  }
  return issues;
}
