"""Step 1 of model.md section 2 over trials: events start (section 3) and set a_n, a_l, added transit and m_n.

Each disruption keeps its events in slots, arrays (slots x trials): end, end of recovery, magnitude and
added transit. A new event takes the first slot of its trial whose event is over (a new row when none
is), so a trial holds as many overlapping events of one disruption as it draws.
"""
import numpy as np

from compile_model import months_to_periods
from draws import draw


class Events:
    def __init__(self, model, rng, trials):
        self.m, self.rng, self.T = model, rng, trials
        D = len(model.disruptions)
        self.end = [np.zeros((0, trials), dtype=np.int64) for _ in range(D)]
        self.rend = [np.zeros((0, trials), dtype=np.int64) for _ in range(D)]
        self.mag = [np.zeros((0, trials)) for _ in range(D)]
        self.added = [np.zeros((0, trials), dtype=np.int64) for _ in range(D)]
        self.live_until = [-1] * D
        self.new_starts = [None] * D
        # Scripted starts, drawn once per trial; at or past the horizon they never happen.
        self.scripted = [
            months_to_periods(np.maximum(0.0, draw(d.start, rng, trials)), model.ppy) if d.occurrence == "scripted" else None
            for d in model.disruptions
        ]

    def draw_period(self, t):
        """New events of period t, disruptions in processing order (each correlated child after its parent)."""
        m, rng, T = self.m, self.rng, self.T
        for j, d in enumerate(m.disruptions):
            if d.occurrence == "scripted":
                count = (self.scripted[j] == t).astype(np.int64)
            elif d.occurrence == "poisson":
                count = rng.poisson(d.rate, T) if d.rate > 0 else np.zeros(T, dtype=np.int64)
            else:
                parent = self.new_starts[d.parent]
                count = rng.binomial(parent, d.probability) if parent.any() else np.zeros(T, dtype=np.int64)
            self.new_starts[j] = count
            most = int(count.max()) if T else 0
            for s in range(most):
                who = np.flatnonzero(count > s)
                k = len(who)
                duration = np.maximum(1, months_to_periods(np.maximum(0.0, draw(d.duration, rng, k)), m.ppy))
                raw = draw(d.magnitude, rng, k)
                magnitude = np.maximum(-1.0, raw) if d.kind == "demand" else np.clip(raw, 0.0, 1.0)
                added = months_to_periods(np.maximum(0.0, draw(d.added, rng, k)), m.ppy) if d.added is not None else np.zeros(k, dtype=np.int64)
                self._place(j, t, who, t + duration, t + duration + d.recovery, magnitude, added)

    def _place(self, j, t, who, end, rend, magnitude, added):
        slots = self.rend[j]
        if slots.shape[0]:
            free = slots[:, who] <= t
            has = free.any(axis=0)
            slot = free.argmax(axis=0)
        else:
            has = np.zeros(len(who), dtype=bool)
            slot = np.zeros(len(who), dtype=np.int64)
        if not has.all():
            self.end[j] = np.vstack([self.end[j], np.zeros((1, self.T), dtype=np.int64)])
            self.rend[j] = np.vstack([self.rend[j], np.zeros((1, self.T), dtype=np.int64)])
            self.mag[j] = np.vstack([self.mag[j], np.zeros((1, self.T))])
            self.added[j] = np.vstack([self.added[j], np.zeros((1, self.T), dtype=np.int64)])
            slot = np.where(has, slot, self.end[j].shape[0] - 1)
        self.end[j][slot, who] = end
        self.rend[j][slot, who] = rend
        self.mag[j][slot, who] = magnitude
        self.added[j][slot, who] = added
        self.live_until[j] = max(self.live_until[j], int(rend.max()))

    def apply(self, t, a_node, a_link, add_transit, demand_mult):
        """Sets the period's availabilities, added transit and demand multipliers (all reset by the caller)."""
        for j, d in enumerate(self.m.disruptions):
            if t >= self.live_until[j]:
                continue
            end, rend, mag = self.end[j], self.rend[j], self.mag[j]
            active = t < end
            # recovery period q = t - end: s x (1 - (q + 1) / (Q + 1)); over: 0
            x = np.where(active, mag, np.where(t < rend, mag * (1 - (t - end + 1) / (d.recovery + 1)), 0.0))
            if d.kind == "demand":
                demand_mult[d.targets] *= np.prod(1 + x, axis=0)
                continue
            factor = np.prod(1 - x, axis=0)
            if d.kind == "nodes":
                a_node[d.targets] *= factor
                continue
            a_link[d.targets] *= factor
            if d.added is not None:
                longest = np.where(active, self.added[j], 0).max(axis=0)
                add_transit[d.targets] = np.maximum(add_transit[d.targets], longest)
