#!/usr/bin/env python3
"""A plain vectorised numpy implementation of model.md's baseline (sections 1-3, statistics of section 5):
the yardstick issue 9 measures the engine against, and an independent check of the engine's numbers.

    python3 bench/numpy/baseline.py SCENARIO.json [--trials N] [--seed S] [--chunk C]

prints one JSON object: the run's size, its simulation time, and per-trial statistics (mean, sd, se) of
total shortfall, shortfall %, worst chain fulfilment, P(shortfall > 0) and the ledger's accounts. Trials
run in chunks of C (default 20,000: of 2,048 to 20,000, the fastest here for 20,000 trials of both
bench chains); numpy's Generator (PCG64) seeded with S. Strategies in the file are ignored: this is the
baseline only.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compile_model import compile_scenario  # noqa: E402
from period import LEDGER, Run  # noqa: E402


def summary(values):
    n = len(values)
    mean = float(values.mean())
    sd = float(values.std(ddof=1)) if n > 1 else 0.0
    return {"mean": mean, "sd": sd, "se": sd / math.sqrt(n)}


def simulate(scenario, trials, seed, chunk):
    """Per-trial outcomes of `trials` trials, simulated `chunk` at a time (only each chunk's outcomes are kept)."""
    model = compile_scenario(scenario)
    rng = np.random.default_rng(seed)
    parts = []
    for start in range(0, trials, chunk):
        run = Run(model, min(chunk, trials - start), rng).run()
        parts.append({"shortfall": run.shortfall, "demand": run.total_demand, "worst": run.worst, **run.ledger})
    cat = lambda key: np.concatenate([p[key] for p in parts])  # noqa: E731
    shortfall, demand = cat("shortfall"), cat("demand")
    return model, {
        "shortfall": shortfall,
        "shortfallPct": np.divide(100 * shortfall, demand, out=np.zeros(trials), where=demand > 0),
        "worstFulfilment": cat("worst"),
        "ledger": {k: cat(k) for k in LEDGER},
    }


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario")
    ap.add_argument("--trials", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=20000)
    args = ap.parse_args(argv)
    with open(args.scenario) as f:
        scenario = json.load(f)
    trials = args.trials or scenario.get("trials", 1000)
    started = time.perf_counter()
    model, out = simulate(scenario, trials, args.seed, max(1, args.chunk))
    seconds = time.perf_counter() - started
    shortfall = out["shortfall"]
    p = float((shortfall > 0).mean())
    result = {
        "scenario": scenario.get("id"),
        "trials": trials,
        "seed": args.seed,
        "nodes": model.N,
        "periods": model.H,
        "chunk": args.chunk,
        "simulateSeconds": seconds,
        "metrics": {
            "shortfall": summary(shortfall),
            "shortfallPct": summary(out["shortfallPct"]),
            "probShortfall": {"mean": p, "se": math.sqrt(p * (1 - p) / trials)},
            "worstFulfilment": summary(out["worstFulfilment"]),
        },
        "ledger": {k: summary(v) for k, v in out["ledger"].items()},
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
