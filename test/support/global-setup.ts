import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Runs once per `vitest run`. Tells which database the suite uses; with TEST_DATABASE_URL, drops
 * the per-worker databases the suite created.
 */
export default function setup(): () => Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  // Workers inherit this: their scratch databases are named after the run, so two runs against
  // the same server never drop each other's databases.
  const runId = randomBytes(4).toString('hex');
  process.env.HOMEWARD_TEST_RUN = runId;
  if (!url) {
    console.log(
      '\n[homeward] TEST_DATABASE_URL is not set: running the suite on embedded PGlite only; ' +
        'PostgreSQL-only tests are skipped.\n',
    );
  } else {
    console.log(`\n[homeward] Running the suite against PostgreSQL (${new URL(url).host}).\n`);
  }
  return async () => {
    if (!url) {
      return;
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`hw_test_${runId}_%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
    await client.end();
  };
}
