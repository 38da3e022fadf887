/** The scripted disruptions as spans of months, which the fulfilment and replay charts shade. */
import type { DisruptionWindow } from '../charts/data-types.ts';
import type { Scenario } from '../model/schema.ts';
import { compileDist, distMean } from '../random/distributions.ts';

/** Scripted disruptions (those with a `start`): from the fixed or mean start, for the mean duration, in months. */
export function disruptionWindows(scenario: Scenario): DisruptionWindow[] {
  return (scenario.disruptions ?? [])
    .filter((d) => d.start !== undefined)
    .map((d) => {
      // a drawn start is clipped at 0 (model.md section 3), so its window cannot begin earlier
      const startMonth = Math.max(0, distMean(compileDist(d.start!)));
      return { id: d.id, name: d.name ?? d.id, startMonth, endMonth: startMonth + Math.max(0, distMean(compileDist(d.duration))) };
    });
}
