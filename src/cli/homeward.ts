import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { DatabaseBusyError } from '@/db/client.ts';
import { AppError } from '@/lib/errors.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerJobcheckCommands } from './commands/jobcheck.ts';
import { registerServerCommands } from './commands/server.ts';

/**
 * The `homeward` command. Every command honours HOMEWARD_DATA_DIR and DATABASE_URL (see README).
 */
const program = new Command()
  .name('homeward')
  .description('Homeward: case management and referral for organisations supporting survivors')
  .showHelpAfterError()
  .exitOverride();

registerServerCommands(program);
registerAdminCommands(program);
registerDataCommands(program);
registerJobcheckCommands(program);

function explain(err: unknown): string {
  if (err instanceof AppError) {
    const fields = err.errors?.map((e) => `\n  ${e.path}: ${e.message}`).join('') ?? '';
    return `${err.message}${fields}`;
  }
  if (err instanceof ZodError) {
    return `Invalid input:${err.issues.map((i) => `\n  ${i.path.join('.') || 'value'}: ${i.message}`).join('')}`;
  }
  if (err instanceof DatabaseBusyError || err instanceof Error) {
    return err.message;
  }
  return String(err);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    console.error(`homeward: ${explain(err)}`);
    process.exitCode = 1;
  }
}
