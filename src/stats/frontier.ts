/** The cost-shortfall frontier of strategies (model.md section 5, onFrontier). */

/** For each point: true when no other point has cost and shortfall both no higher and one strictly lower. */
export function frontierFlags(points: readonly { cost: number; shortfall: number }[]): boolean[] {
  return points.map((p, i) =>
    !points.some(
      (o, j) =>
        j !== i && o.cost <= p.cost && o.shortfall <= p.shortfall && (o.cost < p.cost || o.shortfall < p.shortfall),
    ),
  );
}
