/**
 * A shard as a job of the queue: what the submitter puts in (everything a worker needs, the scenario's
 * text included, so a job is whole on its own and a retry needs nothing else) and what a worker returns
 * (where it left the partial result, not the partial itself: see partialKey).
 */
import type { RunIdentity } from '../src/shard/run-identity.ts';

/** The BullMQ queue every submitter and worker of this project uses. */
export const QUEUE_NAME = 'minerals-shards';

/** Attempts of a shard whose worker reports an error (a thread that crashed, Redis gone a moment); a worker that dies is a stall, counted apart. */
export const SHARD_ATTEMPTS = 3;

/** Times a shard may go back to the queue because its worker stopped renewing its lock (died, or hung); then the run fails. */
export const MAX_STALLS = 3;

/** Partials left in Redis (by a submitter that stopped before fetching them) expire after this. */
export const PARTIAL_TTL_SECONDS = 24 * 60 * 60;

export interface ShardJobData {
  runId: string;
  /** shard k of n */
  shard: number;
  shards: number;
  /** its trials [from, to) */
  from: number;
  to: number;
  /** the scenario file's text */
  scenario: string;
  /** the run's options, as compileRun takes them */
  options: { trials: number; seed: string | number; strategies: string[]; attribution: boolean; flows: boolean };
  /** the identity the worker's run must have: a worker with another engine refuses the shard */
  identity: RunIdentity;
}

export interface ShardJobResult {
  /** the Redis key holding the partial file's bytes */
  key: string;
  bytes: number;
  /** "host:pid" of the worker that simulated it */
  worker: string;
  seconds: number;
}

/** The job's id: one job per shard of a run, so adding it twice adds nothing. */
export const shardJobId = (runId: string, shard: number): string => `${runId}-${shard}`;

/**
 * Where a worker leaves a shard's partial file. A key of its own rather than the job's return value:
 * BullMQ keeps a return value twice (in the job and in the events stream, which keeps thousands of
 * events), as JSON, so a 100 MB typed array would cost far more than its bytes; a key holds the bytes
 * once, and the submitter deletes it as soon as it has read it.
 */
export const partialKey = (runId: string, shard: number): string => `minerals:partial:${runId}:${shard}`;

/** Set by a submitter that gave up on a run (timeout, a failed shard), so that workers skip its remaining shards. */
export const cancelKey = (runId: string): string => `minerals:cancelled:${runId}`;

/** "shard 2/3": shards are counted from 0, as --shard K/N counts them. */
export const shardName = (shard: number, shards: number): string => `shard ${shard}/${shards}`;
