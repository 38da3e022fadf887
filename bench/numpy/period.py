"""One trial-vectorised run of model.md section 2 (baseline): every per-node and per-link quantity is an
array over trials; Python loops over periods, nodes and links only.

It follows the contract and docs/model.md's choices step by step (src/engine/period/*.ts and ship.ts are
the engine's side of the same steps), but none of the engine's code or random streams: numbers agree with
the engine's in distribution, and exactly when a scenario draws nothing at random.
"""
import numpy as np

from compile_model import NEVER, months_to_periods
from draws import draw
from events import Events

EPS = 1e-12  # below this a later tier's request or need counts as none (block.ts)
LEDGER = ("extracted", "opening", "inTransitStart", "delivered", "closing", "inTransitEnd", "yieldLoss", "excess")


class Run:
    """The state of `trials` trials of one scenario through the horizon."""

    def __init__(self, m, trials, rng):
        self.m, self.T, self.rng = m, trials, rng
        N, L, M, T, R = m.N, m.L, len(m.makers), trials, m.R
        self.ar = np.arange(T)
        z = lambda *shape: np.zeros(shape)  # noqa: E731
        self.a_node, self.online, self.avail = z(N, T), np.ones((N, T)), z(N, T)
        self.a_link, self.add_transit = z(L, T), np.zeros((L, T), dtype=np.int64)
        self.demand_mult, self.demand, self.delivered = z(M, T), z(M, T), z(M, T)
        self.ns = np.repeat(m.static_share[:, None], T, axis=1)
        self.req, self.req_in, self.treq, self.treq_in = z(L, T), z(N, T), z(L, T), z(N, T)
        self.inventory = np.repeat(m.inv_open[:, None], T, axis=1)
        self.input_left, self.shipped_out, self.rit, self.refill_now = z(N, T), z(N, T), z(N, T), z(N, T)
        self.arrivals, self.refill_arrivals = z(R, N, T), (z(R, N, T) if m.refill else None)
        self.asked_link, self.asked_node = np.zeros(L, dtype=bool), np.zeros(N, dtype=bool)
        self.ledger = {k: z(T) for k in LEDGER}
        self.ledger["opening"] += m.inv_open.sum()
        self.shortfall, self.total_demand, self.worst = z(T), z(T), np.ones(T)
        # Once per trial: each exploration project's success, then its lead time (world stream in the engine).
        self.online_at = {}
        for p in m.projects:
            success = rng.random(T) < p.success
            lead = np.maximum(0.0, draw(p.lead, rng, T))
            self.online_at[p.node] = np.where(success, months_to_periods(lead, m.ppy), NEVER)
        self.events = Events(m, rng, T)

    # --- step 1 (without events): online, c_n(t), share'
    def set_online(self, t):
        for p in self.m.projects:
            at = self.online_at[p.node]
            ramp = np.minimum(1.0, (t - at + 1) / p.ramp) if p.ramp > 0 else 1.0
            self.online[p.node] = np.where(t < at, 0.0, ramp)

    def set_shares(self):
        m = self.m
        for b in m.dynamic_buyers:
            links = m.buyer_links[b]
            total = np.zeros(self.T)
            for l in links:
                total += m.link_share[l] * self.online[m.link_from[l]]
            safe = np.where(total > 0, total, 1.0)
            for l in links:
                self.ns[l] = np.where(total > 0, m.link_share[l] * self.online[m.link_from[l]] / safe, 0.0)

    # --- step 3
    def request_tier1(self, t, demand):
        """Tier-1 requests, makers first, then processing nodes: r_l = share' x min(need, c_n) / yield x g x a_l."""
        m, req, req_in = self.m, self.req, self.req_in
        req_in.fill(0.0)
        for buyer in m.makers + m.processors:
            need = demand[m.maker_pos[buyer]] if buyer in m.maker_pos else req_in[buyer]
            base = np.minimum(need, self.avail[buyer]) / m.yld[buyer]
            for l in m.buyer_links[buyer]:
                r = base * m.antic[l, t + m.K]
                r *= self.ns[l]
                r *= self.a_link[l]
                req[l] = r
                req_in[m.link_from[l]] += r

    # --- where shipments land
    def land(self, ring, l, t, amount):
        """Adds a shipment over link l in period t to the ring slot of its arrival (past the horizon: in transit at the end)."""
        m = self.m
        to = m.link_to[l]
        if not m.delayable[l]:
            at = t + m.link_transit[l]
            if at < m.H:
                ring[at % m.R, to] += amount
            else:
                self.ledger["inTransitEnd"] += amount
            return
        # Most trials add no transit: they land together; the few delayed ones trial by trial.
        added = self.add_transit[l]
        delayed = np.flatnonzero(added)
        at = t + m.link_transit[l]
        if len(delayed) == 0:
            if at < m.H:
                ring[at % m.R, to] += amount
            else:
                self.ledger["inTransitEnd"] += amount
            return
        on_time = np.where(added == 0, amount, 0.0)
        if at < m.H:
            ring[at % m.R, to] += on_time
        else:
            self.ledger["inTransitEnd"] += on_time
        late = at + added[delayed]
        inside = late < m.H
        ring[late[inside] % m.R, to, delayed[inside]] += amount[delayed[inside]]
        self.ledger["inTransitEnd"][delayed[~inside]] += amount[delayed[~inside]]

    def steady_start(self):
        """Links carry, for arrival in periods 0..k-1, what step 3 asked in -k..-1 with planned demand, no events, sources capped pro rata."""
        m = self.m
        self.set_online(0)
        self.avail[:] = m.cap[:, None] * self.online
        self.set_shares()
        self.a_link.fill(1.0)
        for t in range(-m.K, 0):
            self.request_tier1(t, np.repeat(m.demand_plan[:, t + m.off][:, None], self.T, axis=1))
            for i in range(m.N):
                total = self.req_in[i]
                ratio = np.divide(np.minimum(total, self.avail[i]), total, out=np.zeros(self.T), where=total > 0)
                for l in m.seller_links[i]:
                    at = t + m.link_transit[l]
                    if at < 0:
                        continue
                    amount = self.req[l] * ratio
                    self.ledger["inTransitStart"] += amount
                    if at < m.H:
                        self.arrivals[at % m.R, m.link_to[l]] += amount
                    else:
                        self.ledger["inTransitEnd"] += amount

    # --- steps 4 and 5
    def flows_and_delivery(self, t, slot):
        m, T, led = self.m, self.T, self.ledger
        for i in m.mines:
            total = self.req_in[i]
            x = np.minimum(total, self.avail[i])
            self.shipped_out[i] = x
            led["extracted"] += x
            ratio = np.divide(x, total, out=np.zeros(T), where=x > 0)
            for l in m.seller_links[i]:
                self.land(self.arrivals, l, t, self.req[l] * ratio)
        for i in m.processors:
            y = m.yld[i]
            supply = self.arrivals[slot, i] + self.inventory[i]
            used = np.minimum(np.minimum(supply, self.avail[i] / y), self.req_in[i] / y)
            output = used * y
            led["yieldLoss"] += used - output
            self.input_left[i] = supply - used
            self.shipped_out[i] = output
            ratio = np.divide(output, self.req_in[i], out=np.zeros(T), where=output > 0)
            for l in m.seller_links[i]:
                self.land(self.arrivals, l, t, self.req[l] * ratio)
        for k, i in enumerate(m.makers):
            supply = self.arrivals[slot, i] + self.inventory[i]
            done = np.minimum(supply, np.minimum(self.demand[k], self.avail[i]))
            self.input_left[i] = supply - done
            self.delivered[k] = done
            self.shipped_out[i] = done

    # --- step 6, tier 3 (refills)
    def receive_refills(self, slot):
        m = self.m
        for i in np.flatnonzero(m.inv_max > 0):
            r = self.refill_arrivals[slot, i]
            self.rit[i] = np.maximum(0.0, self.rit[i] - r)
            into = np.minimum(r, np.maximum(0.0, m.inv_max[i] - self.inventory[i]))
            self.inventory[i] += into
            self.arrivals[slot, i] += r - into

    def clear_tier(self):
        self.treq.fill(0.0)
        self.treq_in.fill(0.0)
        self.asked_link[:] = False
        self.asked_node[:] = False

    def tier_split(self, buyer, amount, pass_on):
        """Splits a later tier's request by share' (no g, no cap); a cut link's part is dropped; a pass-on uses transit-0 links only."""
        m = self.m
        for l in m.buyer_links[buyer]:
            if pass_on and m.link_transit[l] != 0:
                continue
            r = self.ns[l] * amount
            if m.cuttable[l] or (pass_on and m.delayable[l]):
                ok = (amount > EPS) & (self.a_link[l] == 1.0)
                if pass_on:
                    ok &= self.add_transit[l] == 0
                r = np.where(ok, r, 0.0)
            self.treq[l] += r
            self.treq_in[m.link_from[l]] += r
            self.asked_link[l] = True
            self.asked_node[m.link_from[l]] = True

    def ship_tier(self, i, x, t, refill):
        """Node i ships x in a later tier, pro rata over its customers' tier requests; in-period arrivals join now."""
        m, T = self.m, self.T
        ratio = np.divide(x, self.treq_in[i], out=np.zeros(T), where=self.treq_in[i] > 0)
        now = self.refill_now if refill else self.input_left
        ring = self.refill_arrivals if refill else self.arrivals
        for l in m.seller_links[i]:
            if not self.asked_link[l]:
                continue
            amount = self.treq[l] * ratio
            to, k = m.link_to[l], m.link_transit[l]
            if not m.delayable[l] and k == 0:
                now[to] += amount
                continue
            if m.delayable[l]:
                zero = (k + self.add_transit[l]) == 0
                now[to] += np.where(zero, amount, 0.0)
                amount = np.where(zero, 0.0, amount)
            if refill:
                self.rit[to] += amount
            self.land(ring, l, t, amount)

    def mines_serve(self, t, refill):
        for i in self.m.mines:
            if not self.asked_node[i]:
                continue
            total = self.treq_in[i]
            x = np.where(total > 0, np.minimum(total, np.maximum(0.0, self.avail[i] - self.shipped_out[i])), 0.0)
            self.shipped_out[i] += x
            self.ledger["extracted"] += x
            self.ship_tier(i, x, t, refill)

    def processors_serve(self, t, refill):
        m = self.m
        for i in m.processors:
            if not self.asked_node[i]:
                continue
            y = m.yld[i]
            total = self.treq_in[i]
            spare = np.maximum(0.0, self.avail[i] - self.shipped_out[i])
            x = np.where(total > 0, np.minimum(np.minimum(total, spare), self.input_left[i] * y), 0.0)
            self.input_left[i] = np.maximum(0.0, self.input_left[i] - x / y)
            self.ledger["yieldLoss"] += x / y - x
            self.shipped_out[i] += x
            self.ship_tier(i, x, t, refill)

    def refill_tier(self, t):
        m = self.m
        self.clear_tier()
        for i in m.makers:
            if m.inv_max[i] > 0:
                need = np.maximum(0.0, m.inv_max[i] - self.input_left[i] - self.rit[i])
                self.tier_split(i, np.where(need > EPS, need, 0.0), False)
        if self.asked_node.any():
            # processing nodes short of input pass what they miss on to their sources over transit-0 links
            for i in m.processors:
                if not self.asked_node[i]:
                    continue
                y, total = m.yld[i], self.treq_in[i]
                spare = np.maximum(0.0, self.avail[i] - self.shipped_out[i])
                miss = np.where(total > 0, (np.minimum(total, spare) - self.input_left[i] * y) / y, 0.0)
                self.tier_split(i, np.where(miss > EPS, miss, 0.0), True)
            self.mines_serve(t, False)
            self.processors_serve(t, True)
            # refills arriving in the period are delivered first, within what is still unmet
            for k, i in enumerate(m.makers):
                extra = np.minimum(self.refill_now[i], np.minimum(self.demand[k], self.avail[i]) - self.delivered[k])
                more = extra > 0
                self.delivered[k] += np.where(more, extra, 0.0)
                self.refill_now[i] = np.where(more, np.maximum(0.0, self.refill_now[i] - extra), self.refill_now[i])
        self.clear_tier()
        for i in m.processors:
            if m.inv_max[i] > 0:
                need = m.inv_max[i] - self.input_left[i] - self.refill_now[i] - self.rit[i]
                self.tier_split(i, np.where(need > EPS, need, 0.0), False)
        if self.asked_node.any():
            self.mines_serve(t, True)

    # --- step 7 and the period's accounts
    def close_period(self):
        m, led = self.m, self.ledger
        for i in m.processors + m.makers:
            total = self.input_left[i] + self.refill_now[i]
            keep = np.minimum(m.inv_max[i], total)
            self.inventory[i] = keep
            led["excess"] += total - keep
        short = self.demand - self.delivered
        short[short < 1e-9 * self.demand] = 0.0
        self.shortfall += short.sum(axis=0)
        period_demand = self.demand.sum(axis=0)
        period_delivered = self.delivered.sum(axis=0)
        self.total_demand += period_demand
        led["delivered"] += period_delivered
        f = np.divide(period_delivered, period_demand, out=np.ones(self.T), where=period_demand > 0)
        np.minimum(self.worst, f, out=self.worst)

    def run(self):
        m, rng, T = self.m, self.rng, self.T
        self.steady_start()
        for t in range(m.H):
            slot = t % m.R
            self.a_node.fill(1.0)
            self.a_link.fill(1.0)
            self.add_transit.fill(0)
            self.demand_mult.fill(1.0)
            self.events.draw_period(t)
            self.events.apply(t, self.a_node, self.a_link, self.add_transit, self.demand_mult)
            self.set_online(t)
            np.multiply(m.cap[:, None], self.a_node, out=self.avail)
            self.avail *= self.online
            self.set_shares()
            if m.refill:
                self.receive_refills(slot)
                self.refill_now.fill(0.0)
            for k in range(len(m.makers)):
                noise = np.maximum(0.0, draw(m.noise[k], rng, T)) if m.noise[k] is not None else 1.0
                self.demand[k] = m.demand_plan[k, t + m.off] * noise * self.demand_mult[k]
            self.request_tier1(t, self.demand)
            self.flows_and_delivery(t, slot)
            if m.refill:
                self.refill_tier(t)
            self.close_period()
            self.arrivals[slot] = 0.0
            if m.refill:
                self.refill_arrivals[slot] = 0.0
        self.ledger["closing"] += self.inventory.sum(axis=0)
        return self
