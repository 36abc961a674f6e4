import type { Command } from 'commander';
import { apiDocsArePublic, loadConfig } from '@/lib/config.ts';
import { openRuntime } from '@/server/bootstrap.ts';
import { serve } from '@/server/main.ts';
import { demoBanner, hasDemo, seedDemo } from '../demo.ts';
import { masterKeyWarning, withRuntime } from '../runtime.ts';
import { isEmptyInstallation } from '@/db/backup.ts';

async function runServer(opts: { seedIfNew: boolean }): Promise<void> {
  const config = loadConfig();
  const rt = await openRuntime(config);
  const warning = masterKeyWarning(rt);
  if (warning) {
    console.warn(warning);
  }
  if (opts.seedIfNew && !config.databaseUrl && (await isEmptyInstallation(rt.database))) {
    await seedDemo(rt);
  }
  const showDemo = await hasDemo(rt);
  const publicApiDocs = apiDocsArePublic(config, opts.seedIfNew && showDemo);
  const app = await serve(config, rt, { publicApiDocs }).catch(async (err: unknown) => {
    await rt.database.close();
    throw err;
  });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  if (showDemo) {
    console.log(demoBanner(url));
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
