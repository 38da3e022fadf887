/** Semantic check: the fields each stage may and must have (model.md section 1). */
import { stageLabel, type NodeEntry, type ScenarioIndex } from './scenario-index.ts';
import { num } from './issue-text.ts';
import type { ValidationIssue } from './validate.ts';

const DEMAND_FIELDS = ['demand', 'growth', 'demandNoise', 'demandExpression'] as const;

/** Reports stage-specific fields at the wrong stage and missing ones, for the scenario's and the strategies' nodes. */
export function checkNodeFields(index: ScenarioIndex): ValidationIssue[] {
  return index.allNodes.flatMap(checkNode);
}

function checkNode({ node, path, strategy }: NodeEntry): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { stage } = node;
  const isA = stageLabel(stage);
  const refuse = (field: string, message: string) => issues.push({ path: `${path}/${field}`, message: `${message}; this is ${isA}` });

  if (node.yield !== undefined && stage !== 'processing') refuse('yield', 'only processing nodes have a yield');
  if (node.inventory !== undefined) {
    if (stage !== 'processing' && stage !== 'manufacturing') refuse('inventory', 'only processing nodes and makers hold an inventory');
    else if (node.inventory.opening > node.inventory.max) {
      issues.push({
        path: `${path}/inventory/opening`,
        message: `the opening inventory (${num(node.inventory.opening)}) must not exceed its max (${num(node.inventory.max)})`,
      });
    }
  }

  if (stage === 'manufacturing') {
    const hasDemand = node.demand !== undefined;
    const hasExpression = node.demandExpression !== undefined;
    if (!hasDemand && !hasExpression) {
      issues.push({ path, message: 'a maker needs its demand: give "demand" (units per year, with optional "growth") or "demandExpression"' });
    } else if (hasDemand && hasExpression) {
      issues.push({ path: `${path}/demandExpression`, message: 'give either "demand" or "demandExpression", not both' });
    } else if (node.growth !== undefined && !hasDemand) {
      issues.push({ path: `${path}/growth`, message: '"growth" goes with "demand"; a "demandExpression" already describes demand over time' });
    }
  } else {
    for (const field of DEMAND_FIELDS) {
      if (node[field] !== undefined) refuse(field, `only makers (manufacturing nodes) have "${field}"`);
    }
  }

  if (stage === 'exploration') {
    if (node.leadTimeMonths === undefined) {
      issues.push({ path, message: 'an exploration project needs "leadTimeMonths", the months until it comes online if it succeeds' });
    }
  } else {
    if (node.successProbability !== undefined) refuse('successProbability', 'only exploration projects have a "successProbability"');
    if (node.leadTimeMonths !== undefined) refuse('leadTimeMonths', 'only exploration projects have a "leadTimeMonths"');
  }

  if (node.rampMonths !== undefined && stage !== 'exploration' && strategy === null) {
    refuse('rampMonths', 'only exploration projects and new nodes (newCapacity) ramp up');
  }
  return issues;
}
