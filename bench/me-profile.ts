/**
 * `node --cpu-prof bin/run-ts.mjs bench/me-profile.ts [seconds]`: serves Homeward on a scratch
 * PostgreSQL database and loads `GET /api/me` from a separate autocannon process, so the CPU
 * profile holds the server alone (in `npm run bench` the load generator shares the process).
 * Open the `.cpuprofile` in Chrome DevTools, or sum it by function.
 */
import { spawn } from 'node:child_process';
import { createBenchRuntime, seedAccount } from './runtime.ts';
import { closeAll, loginCookie, startHomeward } from './servers.ts';

const seconds = process.argv[2] ?? '8';
const rt = await createBenchRuntime('postgres');
try {
  const account = await seedAccount(rt);
  const homeward = await startHomeward(rt);
  const cookie = await loginCookie(homeward, account);
  const load = spawn(
    process.execPath,
    [
      'node_modules/autocannon/autocannon.js',
      ...['-c', '10', '-d', seconds, '-H', `cookie=${cookie}`],
      `${homeward.origin}/api/me`,
    ],
    { stdio: 'inherit' },
  );
  await new Promise((done) => load.on('exit', done));
  await closeAll([homeward]);
} finally {
  await rt.dispose();
}
