// The shared shipping primitives' lane loops (src/engine/ship.ts).
import { addTo, addWhere, anyIn, get2, intZero2, keepAboveEps, set2, pick } from './lanes';

/** Tier 1 over a link whose shipments all land in one row: request x ratio, kept as the link's shipment and added where it lands. */
export function shipFixed(rq: i32, ra: i32, sl: i32, into: i32, n: i32): void {
  for (let b = 0; b < n; b += 2) {
    const amount = f64x2.mul(get2(rq + b), get2(ra + b));
    set2(sl + b, amount);
    addTo(into + b, amount);
  }
}

/** A later tier over a link whose shipments all land in one row: tier request x ratio added there (and to the refills in transit at rt, unless rt < 0). */
export function shipLate(tq: i32, ra: i32, into: i32, rt: i32, n: i32): void {
  for (let b = 0; b < n; b += 2) {
    const amount = f64x2.mul(get2(tq + b), get2(ra + b));
    if (rt >= 0) addTo(rt + b, amount);
    addTo(into + b, amount);
  }
}

/** A later tier's split over a link no event cuts: share' x asked, to the link's and the source's tier requests. */
export function splitAll(ns: i32, sc: i32, tq: i32, ti: i32, n: i32): void {
  for (let b = 0; b < n; b += 2) {
    const r = f64x2.mul(get2(ns + b), get2(sc + b));
    addTo(tq + b, r);
    addTo(ti + b, r);
  }
}

/** The same over a link that can be cut: 0 in lanes where a_l < 1 (and, from at >= 0, where the link has added transit); whether any lane asked. */
export function splitCut(ns: i32, sc: i32, tq: i32, ti: i32, al: i32, at: i32, n: i32): bool {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  let asked = false;
  for (let b = 0; b < n; b += 2) {
    let open = f64x2.eq(get2(al + b), one);
    if (at >= 0) open = v128.and(open, intZero2(at + b));
    const r = pick(open, f64x2.mul(get2(ns + b), get2(sc + b)), zero);
    addTo(tq + b, r);
    addTo(ti + b, r);
    if (anyIn(f64x2.gt(r, zero), b, n)) asked = true;
  }
  return asked;
}

/** What a processing node misses of its tier requests: (min(asked, unused capacity) - unused input x yield) / yield where asked, kept above EPS; whether any lane misses. */
export function shortInput(ti: i32, il: i32, av: i32, so: i32, sc: i32, y: f64, n: i32): bool {
  const zero = f64x2.splat(0);
  const vy = f64x2.splat(y);
  let misses = false;
  for (let b = 0; b < n; b += 2) {
    const total = get2(ti + b);
    const free = f64x2.max(zero, f64x2.sub(get2(av + b), get2(so + b)));
    const miss = pick(f64x2.gt(total, zero), f64x2.div(f64x2.sub(f64x2.min(total, free), f64x2.mul(get2(il + b), vy)), vy), zero);
    if (keepAboveEps(sc + b, miss, b, n)) misses = true;
  }
  return misses;
}

/** A mine serves a tier's requests from unused capacity: served to sc, served / asked to ratio; whether any lane ships. */
export function mineServe(ti: i32, av: i32, so: i32, st: i32, sc: i32, ratio: i32, extracted: i32, n: i32): bool {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  let any = false;
  for (let b = 0; b < n; b += 2) {
    const total = get2(ti + b);
    const asked = f64x2.gt(total, zero);
    const s = get2(so + b);
    const x = pick(asked, f64x2.min(total, f64x2.max(zero, f64x2.sub(get2(av + b), s))), zero);
    set2(sc + b, x);
    set2(ratio + b, pick(f64x2.eq(x, total), pick(asked, one, zero), f64x2.div(x, total)));
    const m = f64x2.gt(x, zero);
    if (!v128.any_true(m)) continue;
    addWhere(so + b, m, x);
    addWhere(st + b, m, x);
    addWhere(extracted + b, m, x);
    if (anyIn(m, b, n)) any = true;
  }
  return any;
}

/** A processing node serves a tier's requests from unused capacity and unused input (x / y of it, the rest yield loss); whether any lane ships. */
export function processorServe(ti: i32, il: i32, av: i32, so: i32, st: i32, sc: i32, ratio: i32, loss: i32, y: f64, n: i32): bool {
  const zero = f64x2.splat(0);
  const one = f64x2.splat(1);
  const vy = f64x2.splat(y);
  let any = false;
  for (let b = 0; b < n; b += 2) {
    const total = get2(ti + b);
    const asked = f64x2.gt(total, zero);
    const s = get2(so + b);
    const left = get2(il + b);
    const x = pick(asked, f64x2.min(f64x2.min(total, f64x2.max(zero, f64x2.sub(get2(av + b), s))), f64x2.mul(left, vy)), zero);
    set2(sc + b, x);
    set2(ratio + b, pick(f64x2.eq(x, total), pick(asked, one, zero), f64x2.div(x, total)));
    const m = f64x2.gt(x, zero);
    if (!v128.any_true(m)) continue;
    const used = f64x2.div(x, vy);
    set2(il + b, pick(m, f64x2.max(zero, f64x2.sub(left, used)), left));
    addWhere(loss + b, m, f64x2.sub(used, x));
    addWhere(so + b, m, x);
    addWhere(st + b, m, x);
    if (anyIn(m, b, n)) any = true;
  }
  return any;
}
