/**
 * BullMQ's lock and stall check times, for workers. Defaults as BullMQ's: a worker renews its shard's
 * lock every 15 s; a shard whose lock has lapsed for 30 s (its worker died) goes back to the queue at
 * the next stall check of any worker (every 30 s). Tests, and clusters that want a dead worker's shard
 * back sooner, shorten them with these environment variables; nothing else is needed to run.
 */
import { UserError } from '../src/cli/user-error.ts';

const DEFAULT_LOCK_MS = 30_000;
const DEFAULT_STALLED_MS = 30_000;

export interface QueueTiming {
  lockDuration: number;
  stalledInterval: number;
}

/** The times from MINERALS_QUEUE_LOCK_MS and MINERALS_QUEUE_STALLED_MS, else BullMQ's defaults. */
export function queueTiming(env: NodeJS.ProcessEnv = process.env): QueueTiming {
  return {
    lockDuration: milliseconds(env, 'MINERALS_QUEUE_LOCK_MS', DEFAULT_LOCK_MS),
    stalledInterval: milliseconds(env, 'MINERALS_QUEUE_STALLED_MS', DEFAULT_STALLED_MS),
  };
}

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!(Number.isInteger(n) && n >= 100)) throw new UserError(`${name} must be a whole number of milliseconds of at least 100, got ${JSON.stringify(text)}`);
  return n;
}
