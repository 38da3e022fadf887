/**
 * The Redis server the queue runs on: REDIS_URL (redis://[user:password@]host:port[/db], or rediss://
 * for TLS), else Redis on this machine. The only setting a submitter or worker needs.
 */
import { Redis } from 'ioredis';
import { UserError } from '../src/cli/user-error.ts';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const CONNECT_TIMEOUT_MS = 5000;

/** The server's URL from the environment. */
export function redisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL?.trim() || DEFAULT_REDIS_URL;
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** BullMQ's connection options for the URL (BullMQ opens its own connections, blocking ones included). */
export function bullConnection(url: string): { url: string; connectTimeout: number } {
  return { url, connectTimeout: CONNECT_TIMEOUT_MS };
}

/**
 * A client for this project's own keys (the partial results), connected and answering; a server that
 * cannot be reached is a user error at once, rather than a wait with retries in the background.
 */
export async function connectRedis(url: string): Promise<Redis> {
  let client: Redis;
  try {
    client = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 3 });
  } catch (error) {
    throw new UserError(`REDIS_URL is not a Redis URL (redis://host:port): ${JSON.stringify(shownUrl(url))}: ${(error as Error).message}`);
  }
  // The socket's own error (ECONNREFUSED, a DNS failure) says more than connect()'s "Connection is closed".
  let socketError: Error | null = null;
  client.on('error', (error: Error) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = (socketError ?? (error as Error)).message.split('\n')[0];
    throw new UserError(`cannot reach Redis at ${shownUrl(url)} (set REDIS_URL to its address): ${reason}`);
  }
  return client;
}
