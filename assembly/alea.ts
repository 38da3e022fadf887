// seedrandom's alea (src/random/alea.ts), stepped in the kernels: a lane's stream is four numbers (s0, s1,
// s2, c) at element 4 x lane of a stream row; the same operations, so the same uniforms.

const TWO_POW_MINUS_32: f64 = 2.3283064365386963e-10;

/** The next uniform of the stream at element s (advances it). */
@inline function aleaNext(s: i32): f64 {
  const p = <usize>s << 3;
  const t = 2091639 * load<f64>(p) + load<f64>(p, 24) * TWO_POW_MINUS_32;
  store<f64>(p, load<f64>(p, 8));
  store<f64>(p, load<f64>(p, 16), 8);
  // t is in [0, 2091640): t | 0 is its truncation
  const c = Math.trunc(t);
  store<f64>(p, c, 24);
  const u = t - c;
  store<f64>(p, u, 16);
  return u;
}

/** One uniform from each of lanes 0..n-1's streams (row `stream`) into `out`. */
export function aleaRow(stream: i32, out: i32, n: i32): void {
  for (let b = 0; b < n; b++) store<f64>(<usize>(out + b) << 3, aleaNext(stream + 4 * b));
}

/**
 * A Poisson disruption's uniform for each of lanes 0..n-1 into `out`; whether any lane's u is above
 * exp(-rate), the only lanes where an event can start.
 */
export function poissonRow(stream: i32, out: i32, expMinusRate: f64, n: i32): bool {
  let any = false;
  for (let b = 0; b < n; b++) {
    const u = aleaNext(stream + 4 * b);
    store<f64>(<usize>(out + b) << 3, u);
    if (u > expMinusRate) any = true;
  }
  return any;
}
