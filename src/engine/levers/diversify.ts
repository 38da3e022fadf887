/** The diversify lever: after qualification, a buyer moves a fraction of its share from matching sources to new ones. */
import type { DiversifyLever } from '../../model/schema.ts';
import type { CompiledModel } from '../compiled-model.ts';

export interface CompiledDiversify {
  buyer: number;
  fraction: number;
  /** the buyer's links from matching sources */
  match: Int32Array;
  /** the buyer's links from the `to` nodes (new links, or existing ones that receive the moved share) */
  toLinks: Int32Array;
  toNodes: Int32Array;
  qualificationPeriods: number;
}

export interface LinkDraft {
  from: number;
  to: number;
  share: number;
  transit: number;
  route: number;
}

/** Resolves the lever against the links so far; appends the new links it needs (share 0 until it applies). */
export function compileDiversify(
  lever: DiversifyLever,
  links: LinkDraft[],
  ctx: { index: Map<string, number>; country: string[]; routeIndex: Map<string, number>; transit: number },
): CompiledDiversify {
  const buyer = ctx.index.get(lever.node)!;
  const match: number[] = [];
  links.forEach((l, i) => {
    if (l.to !== buyer) return;
    const hit = lever.fromNode !== undefined ? l.from === ctx.index.get(lever.fromNode) : ctx.country[l.from] === lever.fromCountry;
    if (hit) match.push(i);
  });
  const toNodes = lever.to.map((id) => ctx.index.get(id)!);
  const toLinks = toNodes.map((from) => {
    const existing = links.findIndex((l) => l.to === buyer && l.from === from);
    if (existing >= 0) return existing;
    links.push({ from, to: buyer, share: 0, transit: ctx.transit, route: lever.route === undefined ? -1 : ctx.routeIndex.get(lever.route)! });
    return links.length - 1;
  });
  return {
    buyer,
    fraction: lever.fraction,
    match: Int32Array.from(match.filter((l) => !toLinks.includes(l))),
    toLinks: Int32Array.from(toLinks),
    toNodes: Int32Array.from(toNodes),
    qualificationPeriods: 0,
  };
}

/** Applies the given diversify levers, in lever order, to base shares: writes the buyer's links of `share`. */
export function applyDiversify(share: Float64Array, base: Float64Array, levers: CompiledDiversify[], active: (k: number) => boolean, buyer: number, model: Pick<CompiledModel, 'buyerStart' | 'buyerLinks'>): void {
  for (let j = model.buyerStart[buyer]; j < model.buyerStart[buyer + 1]; j++) share[model.buyerLinks[j]] = base[model.buyerLinks[j]];
  levers.forEach((d, k) => {
    if (d.buyer !== buyer || !active(k)) return;
    let moved = 0;
    for (const l of d.match) {
      moved += share[l] * d.fraction;
      share[l] *= 1 - d.fraction;
    }
    for (const l of d.toLinks) share[l] += moved / d.toLinks.length;
  });
}
