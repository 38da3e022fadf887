"""A scenario file (model.md section 1) compiled for the baseline: index arrays, the plan P and anticipation g.

Follows src/engine/compile.ts and plan.ts: links in node order then mix order, mines = extraction and
exploration nodes, the plan over a window from -K - 1 to three transits past the horizon (clipped at its
end), disruptions in a stable topological order. Strategies are ignored: this is the baseline only.
"""
import math
from types import SimpleNamespace

import numpy as np

from draws import compile_dist, upper_bound
from expression import compile_expression

NEVER = 0x3FFFFFFF
STAGES = ("exploration", "extraction", "processing", "manufacturing")


def months_to_periods(months, ppy):
    """roundHalfUp(months x periodsPerYear / 12), scalar or array (model.md section 1)."""
    return np.floor(np.asarray(months, dtype=float) * ppy / 12 + 0.5).astype(np.int64)


def _demand_function(node):
    """Annual demand as a function of months, 0 where not finite or not positive (docs/model.md)."""
    if "demandExpression" in node:
        expr = compile_expression(node["demandExpression"])

        def guarded(m):
            try:
                v = expr(m)
            except (OverflowError, ZeroDivisionError, ValueError):
                return 0.0
            return v if math.isfinite(v) and v > 0 else 0.0

        return guarded
    demand, growth = node.get("demand", 0.0), node.get("growth", 0.0)

    def grown(m):
        try:
            v = demand * math.pow(1 + growth, m / 12)
        except OverflowError:
            return 0.0
        return v if math.isfinite(v) and v > 0 else 0.0

    return grown


def _disruption_order(ds):
    """File order, each correlated child after its parent (src/engine/disruption-order.ts)."""
    ids = {d["id"] for d in ds}
    placed, order, remaining = set(), [], list(range(len(ds)))
    while remaining:
        pick = 0
        for k, i in enumerate(remaining):
            parent = ds[i].get("correlatedWith", {}).get("id")
            if parent is None or parent in placed or parent not in ids:
                pick = k
                break
        i = remaining.pop(pick)
        placed.add(ds[i]["id"])
        order.append(i)
    return order


def compile_scenario(sc):
    ppy = sc.get("periodsPerYear", 12)
    H = int(months_to_periods(sc["horizonMonths"], ppy))
    nodes = sc["nodes"]
    N = len(nodes)
    index = {n["id"]: i for i, n in enumerate(nodes)}
    routes = {r["id"]: i for i, r in enumerate(sc.get("routes", []))}
    stage = np.array([STAGES.index(n["stage"]) for n in nodes])
    cap = np.array([n["capacity"] / ppy for n in nodes])
    yld = np.array([n.get("yield", 1.0) if n["stage"] == "processing" else 1.0 for n in nodes])
    inv_open = np.array([n.get("inventory", {}).get("opening", 0.0) for n in nodes])
    inv_max = np.array([n.get("inventory", {}).get("max", 0.0) for n in nodes])
    makers = [i for i in range(N) if stage[i] == 3]
    processors = [i for i in range(N) if stage[i] == 2]
    mines = [i for i in range(N) if stage[i] <= 1]
    maker_pos = {m: k for k, m in enumerate(makers)}
    projects = [
        SimpleNamespace(
            node=i,
            success=nodes[i].get("successProbability", 1.0),
            lead=compile_dist(nodes[i].get("leadTimeMonths", 0)),
            ramp=int(months_to_periods(nodes[i].get("rampMonths", 0), ppy)),
        )
        for i in range(N)
        if stage[i] == 0
    ]

    link_from, link_to, link_share, link_transit, link_route = [], [], [], [], []
    for to, n in enumerate(nodes):
        for s in n.get("sources", []):
            link_from.append(index[s["from"]])
            link_to.append(to)
            link_share.append(s["share"])
            link_transit.append(int(months_to_periods(s.get("transitMonths", 0), ppy)))
            link_route.append(routes[s["route"]] if "route" in s else -1)
    L = len(link_from)
    link_from, link_to = np.array(link_from, dtype=np.int64), np.array(link_to, dtype=np.int64)
    link_share, link_transit = np.array(link_share, dtype=float), np.array(link_transit, dtype=np.int64)
    link_route = np.array(link_route, dtype=np.int64)
    K = int(link_transit.max()) if L else 0
    buyer_links = [[l for l in range(L) if link_to[l] == i] for i in range(N)]
    seller_links = [[l for l in range(L) if link_from[l] == i] for i in range(N)]

    # The plan: D(t) at makers, then P upstream one stage at a time (plan.ts).
    off = K + 1
    W = off + H + 3 * K + 2
    demand_fns = [_demand_function(nodes[m]) for m in makers]
    plan = np.zeros((N, W))
    demand_plan = np.zeros((len(makers), W))
    for k, m in enumerate(makers):
        demand_plan[k] = [demand_fns[k]((i - off) * 12 / ppy) / ppy for i in range(W)]
        plan[m] = demand_plan[k]
    for group in (processors, mines):
        for n in group:
            for l in seller_links[n]:
                c = link_to[l]
                shifted = plan[c, np.minimum(W - 1, np.arange(W) + link_transit[l])]
                plan[n] += link_share[l] / yld[c] * shifted
    # g(t, k) for t in [-K, H): index t + K
    antic = np.ones((L, H + K))
    for l in range(L):
        b, k = link_to[l], link_transit[l]
        now = plan[b, off - K: off + H]
        later = plan[b, off - K + k: off + H + k]
        antic[l] = np.where(now > 0, later / np.where(now > 0, now, 1), 1.0)

    disruptions = _compile_disruptions(sc.get("disruptions", []), ppy, nodes, index, routes, stage, maker_pos, link_from, link_to, link_route)
    added = [upper_bound(d.added) for d in disruptions if d.kind == "links" and d.added is not None]
    bound = 0
    for b in added:
        bound = max(bound, H if b is None else min(H, max(0, int(months_to_periods(max(0.0, b), ppy)))))
    R = min(H, K + bound) + 1

    project_source = np.zeros(N, dtype=bool)
    project_source[[p.node for p in projects]] = True
    dynamic_buyers = [i for i in range(N) if any(project_source[link_from[l]] for l in buyer_links[i])]
    static_share = np.zeros(L)
    for i in range(N):
        total = link_share[buyer_links[i]].sum() if buyer_links[i] else 0.0
        for l in buyer_links[i]:
            static_share[l] = link_share[l] / total if total > 0 else 0.0
    cuttable = np.zeros(L, dtype=bool)
    delayable = np.zeros(L, dtype=bool)
    for d in disruptions:
        if d.kind == "links":
            cuttable[d.targets] = True
            if d.added is not None:
                delayable[d.targets] = True

    return SimpleNamespace(
        ppy=ppy, H=H, N=N, L=L, K=K, R=R, W=W, off=off, ids=[n["id"] for n in nodes],
        stage=stage, cap=cap, yld=yld, inv_open=inv_open, inv_max=inv_max,
        makers=makers, processors=processors, mines=mines, maker_pos=maker_pos, projects=projects,
        noise=[compile_dist(nodes[m]["demandNoise"]) if "demandNoise" in nodes[m] else None for m in makers],
        link_from=link_from, link_to=link_to, link_share=link_share, link_transit=link_transit,
        buyer_links=buyer_links, seller_links=seller_links,
        demand_plan=demand_plan, plan=plan, antic=antic,
        disruptions=disruptions, dynamic_buyers=dynamic_buyers, static_share=static_share,
        cuttable=cuttable, delayable=delayable,
        refill=bool((inv_max > 0).any()),
    )


def _compile_disruptions(ds, ppy, nodes, index, routes, stage, maker_pos, link_from, link_to, link_route):
    order = _disruption_order(ds)
    position = {ds[i]["id"]: k for k, i in enumerate(order)}
    out = []
    for i in order:
        d = ds[i]
        t = d["target"]
        if "demand" in t:
            ids = t.get("nodes") or [n["id"] for n in nodes if n["stage"] == "manufacturing"]
            kind, targets = "demand", [maker_pos[index[x]] for x in ids if index[x] in maker_pos]
        elif "route" in t:
            kind, targets = "links", [l for l in range(len(link_route)) if link_route[l] == routes[t["route"]]]
        elif "country" in t:
            stages = {STAGES.index(s) for s in t.get("stages", STAGES)}
            hit = [n["country"] == t["country"] and stage[j] in stages for j, n in enumerate(nodes)]
            if t.get("exportsOnly"):
                kind = "links"
                targets = [l for l in range(len(link_from)) if hit[link_from[l]] and nodes[link_to[l]]["country"] != t["country"]]
            else:
                kind, targets = "nodes", [j for j in range(len(nodes)) if hit[j]]
        else:
            ids = [t["node"]] if "node" in t else t["nodes"]
            kind, targets = "nodes", [index[x] for x in ids if x in index]
        if "ratePerYear" in d:
            occurrence, rate = "poisson", d["ratePerYear"] / ppy
        elif "probabilityPerYear" in d:
            occurrence, rate = "poisson", -math.log(1 - d["probabilityPerYear"]) / ppy
        elif "correlatedWith" in d:
            occurrence, rate = "correlated", 0.0
        else:
            occurrence, rate = "scripted", 0.0
        out.append(SimpleNamespace(
            id=d["id"], occurrence=occurrence, rate=rate,
            start=compile_dist(d["start"]) if "start" in d else None,
            parent=position[d["correlatedWith"]["id"]] if "correlatedWith" in d else -1,
            probability=d.get("correlatedWith", {}).get("probability", 0.0),
            duration=compile_dist(d["duration"]),
            magnitude=compile_dist(d.get("change" if kind == "demand" else "severity", 0)),
            added=compile_dist(d["addedTransitMonths"]) if "addedTransitMonths" in d else None,
            recovery=int(months_to_periods(d.get("recoveryMonths", 0), ppy)),
            kind=kind, targets=np.array(targets, dtype=np.int64),
        ))
    return out
