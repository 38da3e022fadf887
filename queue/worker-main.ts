/**
 * npm run queue:worker: takes shards from the queue on Redis (REDIS_URL) one at a time, simulates each on
 * this machine's worker threads and leaves its partial result in Redis for the submitter. Start as many
 * as you like, on any machine that reaches the server. SIGINT or SIGTERM stops it after its current
 * shard; a second one stops it at once (the shard then goes back to the queue when its lock lapses).
 */
import { hostname, availableParallelism } from 'node:os';
import { Worker } from 'bullmq';
import { EXIT_OK, runCommand } from '../src/cli/run-command.ts';
import { UserError } from '../src/cli/user-error.ts';
import { trialsText } from '../src/shard/shard-range.ts';
import { createNodePool, type NodePool } from '../workers/node-pool.ts';
import { queueTiming } from './queue-timing.ts';
import { bullConnection, connectRedis, redisUrl, shownUrl } from './redis-connection.ts';
import { createShardProcessor } from './shard-processor.ts';
import { MAX_STALLS, QUEUE_NAME, shardName, type ShardJobData, type ShardJobResult } from './shard-job.ts';

const USAGE = `usage: npm run queue:worker -- [--threads N]

Takes shards of runs submitted with npm run queue:submit from the queue on the Redis server at
REDIS_URL (default ${shownUrl('redis://127.0.0.1:6379')}), simulates them and stores their partial
results there. Start one per machine; it uses every core. Stops after its current shard on SIGINT or
SIGTERM.

  --threads N        worker threads (default: the number of cores)
  --help             show this text
`;

async function main(argv: readonly string[]): Promise<number> {
  let threads = availableParallelism();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    const value = arg === '--threads' ? argv[++i] : arg.startsWith('--threads=') ? arg.slice('--threads='.length) : undefined;
    if (value === undefined) throw new UserError(`unknown option ${JSON.stringify(arg)}\nRun with --help to see the options.`);
    threads = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(threads >= 1 && threads <= 1024)) throw new UserError(`--threads must be a whole number from 1 to 1024, got ${JSON.stringify(value)}`);
  }
  const timing = queueTiming();
  const url = redisUrl();
  const redis = await connectRedis(url);
  const name = `${hostname()}:${process.pid}`;

  // Started now, not at the first shard: a thread that cannot start fails here, and the first shard
  // does not pay for the threads' start-up.
  let pool: NodePool | null = createNodePool(threads);
  const processor = createShardProcessor({
    redis,
    name,
    pool: () => (pool ??= createNodePool(threads)),
    discardPool: async () => {
      const broken = pool;
      pool = null;
      await broken?.close();
    },
  });
  const worker = new Worker<ShardJobData, ShardJobResult>(QUEUE_NAME, processor, {
    connection: bullConnection(url),
    concurrency: 1,
    name,
    maxStalledCount: MAX_STALLS,
    ...timing,
  });
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const about = (d: ShardJobData) => `${shardName(d.shard, d.shards)} of run ${d.runId} (${trialsText(d.from, d.to)})`;
  worker.on('active', (job) => log(`${about(job.data)}: started`));
  worker.on('completed', (job, result) => log(`${about(job.data)}: done in ${result.seconds.toFixed(1)} s, ${result.bytes} bytes`));
  worker.on('failed', (job, error) => log(`${job ? about(job.data) : 'a shard'}: failed: ${error.message.split('\n')[0]}`));
  worker.on('error', (error) => process.stderr.write(`${new Date().toISOString()} queue: ${error.message.split('\n')[0]}\n`));
  await worker.waitUntilReady();
  log(`worker ${name} with ${threads} threads, waiting for shards on ${shownUrl(url)}`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) process.exit(130);
      stopping = true;
      log(`${signal}: stopping after the current shard (again to stop now)`);
      worker.close().then(resolve, resolve);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  await (pool as NodePool | null)?.close();
  redis.disconnect();
  log('stopped');
  return EXIT_OK;
}

runCommand(main);
