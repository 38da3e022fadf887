"""Distributions of model.md section 3 drawn with numpy, one array of draws over trials at a time.

They match the engine's in distribution, not draw for draw: the engine turns alea uniforms into values
by inverse CDF; here numpy's Generator does, by inverse CDF where it is one line (uniform, triangular,
bernoulli, discrete) and with numpy's own samplers elsewhere (beta for beta-PERT, normal, exponential).
"""
import math

import numpy as np

Z95 = 1.6448536269514722  # z of the 95th percentile: a person's 90% interval to sigma


def compile_dist(d):
    """A scenario distribution (or a bare number) as (kind, params), as src/random/distributions.ts compiles it."""
    if isinstance(d, (int, float)):
        return ("fixed", (float(d),))
    if "fixed" in d:
        return ("fixed", (float(d["fixed"]),))
    if "uniform" in d:
        a, b = d["uniform"]
        return ("fixed", (a,)) if a == b else ("uniform", (a, b))
    if "triangular" in d:
        a, m, c = d["triangular"]
        return ("fixed", (a,)) if a == c else ("triangular", (a, m, c))
    if "pert" in d:
        a, m, c = d["pert"]
        if a == c:
            return ("fixed", (a,))
        return ("pert", (a, c, 1 + 4 * (m - a) / (c - a), 1 + 4 * (c - m) / (c - a)))
    if "normal" in d:
        mean, sd = d["normal"]
        return ("fixed", (mean,)) if sd == 0 else ("normal", (mean, sd))
    if "lognormal" in d:
        lo, hi = math.log(d["lognormal"]["p5"]), math.log(d["lognormal"]["p95"])
        return ("lognormal", ((lo + hi) / 2, (hi - lo) / (2 * Z95)))
    if "exponential" in d:
        return ("exponential", (d["exponential"],))
    if "bernoulli" in d:
        return ("bernoulli", (d["bernoulli"],))
    if "discrete" in d:
        values = np.array([v for v, _ in d["discrete"]], dtype=float)
        cumulative = np.cumsum([w for _, w in d["discrete"]], dtype=float)
        return ("discrete", (values, cumulative))
    raise ValueError(f"unknown distribution {d!r}")


def is_fixed(dist):
    return dist[0] == "fixed"


def draw(dist, rng, n):
    """n draws of a compiled distribution, as a float64 array."""
    kind, p = dist
    if kind == "fixed":
        return np.full(n, p[0])
    if kind == "uniform":
        return p[0] + (p[1] - p[0]) * rng.random(n)
    if kind == "triangular":
        a, m, c = p
        u = rng.random(n)
        f = (m - a) / (c - a)
        return np.where(u < f, a + np.sqrt(u * (c - a) * (m - a)), c - np.sqrt((1 - u) * (c - a) * (c - m)))
    if kind == "pert":
        return p[0] + (p[1] - p[0]) * rng.beta(p[2], p[3], n)
    if kind == "normal":
        return rng.normal(p[0], p[1], n)
    if kind == "lognormal":
        return np.exp(p[0] + p[1] * rng.standard_normal(n))
    if kind == "exponential":
        return rng.exponential(p[0], n)
    if kind == "bernoulli":
        return (rng.random(n) < p[0]).astype(float)
    if kind == "discrete":
        values, cumulative = p
        x = rng.random(n) * cumulative[-1]
        return values[np.minimum(np.searchsorted(cumulative, x, side="right"), len(values) - 1)]
    raise ValueError(kind)


def upper_bound(dist):
    """The largest value a draw can take (None when unbounded), as block.ts bounds the arrival ring."""
    kind, p = dist
    if kind == "fixed":
        return p[0]
    if kind == "uniform":
        return p[1]
    if kind == "triangular":
        return p[2]
    if kind == "pert":
        return p[1]
    if kind == "bernoulli":
        return 1.0
    if kind == "discrete":
        return float(p[0].max())
    return None
