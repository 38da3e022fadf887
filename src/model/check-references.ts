/** Semantic check: cited stage shares and the references that assumptions, stage shares, nodes, disruptions, strategies and observed series name. */
import type { ScenarioIndex } from './scenario-index.ts';
import { knownNames, num } from './issue-text.ts';
import { STAGES } from './schema.ts';
import type { ValidationIssue } from './validate.ts';

const STAGE_SHARE_TOLERANCE = 0.005;

/** Reports stage shares that do not sum to 1 and reference ids, anywhere in the scenario, that name no reference. */
export function checkReferences(index: ScenarioIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const unknown = (id: string, path: string) => {
    if (!index.references.includes(id)) {
      issues.push({ path, message: `no reference "${id}" exists${knownNames('references', index.references)}` });
    }
  };
  const stageShares = index.scenario.stageShares ?? {};
  for (const stage of STAGES) {
    const entry = stageShares[stage];
    if (!entry) continue;
    const path = `/stageShares/${stage}`;
    const total = Object.values(entry.shares).reduce((sum, share) => sum + share, 0);
    if (Math.abs(total - 1) > STAGE_SHARE_TOLERANCE) {
      issues.push({ path: `${path}/shares`, message: `the country shares must sum to 1 (within ${STAGE_SHARE_TOLERANCE}), got ${num(total)}` });
    }
    unknown(entry.reference, `${path}/reference`);
  }
  (index.scenario.assumptions ?? []).forEach((assumption, i) => {
    (assumption.references ?? []).forEach((id, j) => unknown(id, `/assumptions/${i}/references/${j}`));
  });
  for (const { node, path } of index.allNodes) (node.refs ?? []).forEach((id, j) => unknown(id, `${path}/refs/${j}`));
  (index.scenario.disruptions ?? []).forEach((d, i) => (d.refs ?? []).forEach((id, j) => unknown(id, `/disruptions/${i}/refs/${j}`)));
  (index.scenario.strategies ?? []).forEach((st, i) => (st.refs ?? []).forEach((id, j) => unknown(id, `/strategies/${i}/refs/${j}`)));
  (index.scenario.observed ?? []).forEach((series, i) => {
    unknown(series.reference, `/observed/${i}/reference`);
    series.points.forEach((point, j) => {
      if (point.reference !== undefined) unknown(point.reference, `/observed/${i}/points/${j}/reference`);
    });
  });
  return issues;
}
