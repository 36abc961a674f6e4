import { parseArgs } from 'node:util';

/** Database engine the benchmark runs against. */
export type BenchDatabase = 'embedded' | 'postgres';

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  /** Seconds of load per target (after a short warm-up). */
  duration: number;
  /** Concurrent HTTP connections autocannon keeps open. */
  connections: number;
  db: BenchDatabase;
  /** Where to write the results as JSON; null to skip. */
  json: string | null;
}

export const USAGE = `usage: npm run bench -- [--duration <s>] [--connections <n>] [--db embedded|postgres] [--json <file>]

  --duration <s>      seconds of load per target (default 10, at most 600)
  --connections <n>   concurrent connections (default 10, at most 1000)
  --db <kind>         embedded (in-memory PGlite, default) or postgres: a scratch database
                      hw_bench_<random> is created on BENCH_DATABASE_URL
                      (default postgres://postgres@127.0.0.1:5432/test) and dropped afterwards
  --json <file>       also write the results as JSON`;

/** Raised for unusable command-line arguments; the message is meant for the user. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function boundedInt(name: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be an integer from 1 to ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * Parses `argv` (without node and script). Throws `UsageError` on unknown flags or bad values.
 *
 * @example parseBenchArgs(['--db', 'postgres', '--duration', '5'])
 */
export function parseBenchArgs(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        db: { type: 'string', default: 'embedded' },
        json: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.db !== 'embedded' && values.db !== 'postgres') {
    throw new UsageError(`--db must be embedded or postgres, got "${values.db}"`);
  }
  return {
    duration: boundedInt('duration', values.duration, 600),
    connections: boundedInt('connections', values.connections, 1000),
    db: values.db,
    json: values.json ?? null,
  };
}
