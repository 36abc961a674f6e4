import type { Command } from 'commander';
import { apiDocsArePublic, loadConfig } from '@/lib/config.ts';
import { openRuntime } from '@/server/bootstrap.ts';
import { serve } from '@/server/main.ts';
import { demoBanner, hasDemo, seedDemo } from '../demo.ts';
import { masterKeyWarning, withRuntime } from '../runtime.ts';
import { isEmptyInstallation } from '@/db/backup.ts';

/**
 * The log level of a server run: LOG_LEVEL when set; otherwise `warn` for the demo, whose
 * console must keep the account banner in view (at `info` every request writes two lines),
 * and `info` elsewhere. Warnings and errors are logged in both.
 */
export function serverLogLevel(env: NodeJS.ProcessEnv, demo: boolean): string {
  return env.LOG_LEVEL ?? (demo ? 'warn' : 'info');
}

async function runServer(opts: { seedIfNew: boolean }): Promise<void> {
  const loaded = loadConfig();
  const rt = await openRuntime(loaded);
  const warning = masterKeyWarning(rt);
  if (warning) {
    console.warn(warning);
  }
  if (opts.seedIfNew && !loaded.databaseUrl && (await isEmptyInstallation(rt.database))) {
    await seedDemo(rt);
  }
  const showDemo = await hasDemo(rt);
  const config = { ...loaded, logLevel: serverLogLevel(process.env, showDemo) };
  const publicApiDocs = apiDocsArePublic(config, opts.seedIfNew && showDemo);
  const app = await serve(config, rt, { publicApiDocs }).catch(async (err: unknown) => {
    await rt.database.close();
    throw err;
  });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  if (showDemo) {
    console.log(demoBanner(url));
    console.log(
      `Stop with Ctrl+C. Request logs are off in the demo (LOG_LEVEL=${config.logLevel}); ` +
        'LOG_LEVEL=info npm start shows them.\n',
    );
  } else {
    app.log.info(`Homeward is running at ${url}`);
  }
}

export function registerServerCommands(program: Command): void {
  program
    .command('start')
    .description('Migrate, seed the demo on a new embedded data folder, and serve (npm start)')
    .action(() => runServer({ seedIfNew: true }));

  program
    .command('serve')
    .description('Apply pending migrations and serve the API and web UI on HOST:PORT')
    .action(() => runServer({ seedIfNew: false }));

  program
    .command('migrate')
    .description('Apply pending database migrations and exit')
    .action(() =>
      withRuntime(async (rt) => {
        console.log(`Database (${rt.database.kind}) is up to date.`);
      }),
    );

  program
    .command('seed-demo')
    .description('Create the demo organisations and accounts (fake data)')
    .option('--force-demo', 'allow seeding a PostgreSQL database given by DATABASE_URL')
    .action((opts: { forceDemo?: boolean }) => {
      if (loadConfig().databaseUrl && !opts.forceDemo) {
        throw new Error(
          'Refusing to put demo accounts with a public password into the database at ' +
            'DATABASE_URL. Use --force-demo if this really is a throwaway database.',
        );
      }
      return withRuntime(async (rt) => {
        const created = await seedDemo(rt);
        console.log(created ? 'Demo data created.' : 'Demo data already present: nothing to do.');
        console.log(demoBanner('your Homeward address'));
      });
    });
}
