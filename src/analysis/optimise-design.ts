/**
 * The optimiser's first candidates: every point of the grid of the variables' sizes when there are few
 * enough, else a space-filling design snapped to the grid (a Halton sequence: deterministic, so the
 * same scenario gives the same candidates, and even in every projection), refined later around the
 * frontier by grid neighbours. A point is a list of level indices, one per variable.
 */

export type Point = number[];

/** The number of grid points (Infinity past 2^53 is fine: it only decides grid or design). */
export const gridSize = (levels: readonly number[]): number => levels.reduce((a, b) => a * b, 1);

/** A point's key, for sets and maps. */
export const pointKey = (point: readonly number[]): string => point.join(',');

/** Every grid point, the first variable varying slowest (so the candidates list reads like a table). */
export function fullGrid(levels: readonly number[]): Point[] {
  const points: Point[] = [[]];
  for (const count of levels) {
    const next: Point[] = [];
    for (const p of points) for (let i = 0; i < count; i++) next.push([...p, i]);
    points.splice(0, points.length, ...next);
  }
  return points;
}

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

/** The radical inverse of i in base b: the digits of i mirrored after the point (Halton's sequence). */
export function radicalInverse(i: number, base: number): number {
  let result = 0;
  let f = 1 / base;
  for (let n = i; n > 0; n = Math.floor(n / base)) {
    result += f * (n % base);
    f /= base;
  }
  return result;
}

/**
 * About `count` distinct grid points spread over the grid: the corners of all-smallest and all-largest
 * sizes, then Halton points (skipping index 0, the origin) snapped to the nearest level.
 */
export function haltonDesign(levels: readonly number[], count: number): Point[] {
  if (levels.length > PRIMES.length) throw new Error(`a design over more than ${PRIMES.length} variables is not supported`);
  const seen = new Set<string>();
  const points: Point[] = [];
  const add = (p: Point) => {
    const key = pointKey(p);
    if (!seen.has(key)) {
      seen.add(key);
      points.push(p);
    }
  };
  add(levels.map(() => 0));
  add(levels.map((l) => l - 1));
  const total = gridSize(levels);
  // Snapping merges nearby points: draw until `count` distinct ones, within a generous bound.
  for (let i = 1; points.length < Math.min(count, total) && i < 50 * count; i++) {
    add(levels.map((l, d) => Math.min(l - 1, Math.floor(radicalInverse(i, PRIMES[d]) * l))));
  }
  return points;
}

/** The grid points one step away from `point` along one variable. */
export function gridNeighbours(point: readonly number[], levels: readonly number[]): Point[] {
  const out: Point[] = [];
  point.forEach((v, d) => {
    for (const step of [-1, 1]) {
      const next = v + step;
      if (next >= 0 && next < levels[d]) out.push(point.map((x, e) => (e === d ? next : x)));
    }
  });
  return out;
}

/** The rungs' trial counts: n_R = trials and each rung a third of the next, the first at most `first` trials. */
export function rungTrials(trials: number, first: number): number[] {
  const rungs = [trials];
  while (rungs[0] > first && rungs.length < 8) rungs.unshift(Math.max(1, Math.ceil(rungs[0] / 3)));
  return rungs;
}
