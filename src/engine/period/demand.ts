/**
 * Step 2: d_n(t) = D_n(t) x noise x m_n(t). Noise is drawn for every maker every period (a new maker's from
 * its lever's stream, even before it is online), clipped at 0; a new maker has demand only once online.
 */
import { ALEA_STRIDE, aleaNext } from '../../random/alea.ts';
import { DistKind, quantilesInPlace } from '../../random/distributions.ts';
import { betaQuantileFast } from '../../random/beta-quantile-table.ts';
import type { Block } from '../block.ts';

/** Sets every maker's demand in every lane for period t. */
export function drawDemand(c: Block, t: number): void {
  const { B, n, M, makers, makerNoise, makerLever, wStream, leverStreams, demandPlan, W, OFF, laneQuiet, anyQuiet, laneScratch: noise, off, kernels, onlineAt } = c;
  const onlineAtAt = onlineAt.byteOffset >> 2;
  for (let k = 0; k < M; k++) {
    const dist = makerNoise[k];
    const o = k * B;
    if (dist === null || dist.kind === DistKind.Fixed) {
      const x = dist === null ? 1 : dist.p[0];
      for (let b = 0; b < n; b++) noise[b] = laneQuiet[b] === 1 ? 1 : x;
    } else {
      const stream = makerLever[k] < 0 ? wStream : leverStreams[makerLever[k]];
      // A quiet lane draws nothing: its placeholder uniform is replaced by 1 below.
      if (anyQuiet) for (let b = 0; b < n; b++) noise[b] = laneQuiet[b] === 1 ? 0.5 : aleaNext(stream, b * ALEA_STRIDE);
      else kernels.aleaRow(stream.byteOffset >> 3, off.laneScratch, n);
      // Normal, lognormal and beta-PERT noise (the usual kinds) in kernels, which compute the same bits
      // without boxing a double per draw as stdlib's exp does; the other kinds in JavaScript.
      const table = c.makerPertTable[k];
      if (dist.kind === DistKind.Normal || dist.kind === DistKind.Lognormal) kernels.normalQuantiles(off.laneScratch, dist.p[0], dist.p[1], dist.kind === DistKind.Lognormal, n);
      else if (table !== null) {
        const [lo, hi, alpha, beta] = dist.p;
        // Lanes in an end interval of the table keep their u for stdlib's quantile (betaQuantileFast's path).
        if (kernels.pertQuantiles(off.laneScratch, table.at, table.invAlpha, table.invBeta, table.stepLower, table.stepUpper, lo, hi, off.laneScratch2, n)) {
          for (let b = 0; b < n; b++) if (c.laneScratch2[b] === 1) noise[b] = lo + (hi - lo) * betaQuantileFast(noise[b], alpha, beta);
        }
      } else quantilesInPlace(dist, noise, n);
      if (anyQuiet) for (let b = 0; b < n; b++) if (laneQuiet[b] === 1) noise[b] = 1;
    }
    // The kernel clips the noise at 0, whatever its kind (a quiet lane's 1 stays 1).
    kernels.demandRow(off.demand + o, off.laneScratch, off.demandMult + o, onlineAtAt + makers[k] * B, demandPlan[k * W + t + OFF], t, n);
  }
}
