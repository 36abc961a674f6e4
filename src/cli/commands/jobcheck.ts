import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  checkJob,
  JobCheckInputSchema,
  JobCheckLanguageSchema,
  type JobCheckResult,
  scoreCsv,
} from '@/domain/prevention/jobcheck/index.ts';

/**
 * `homeward jobcheck score|explain`: the job-offer checker on the command line (issue 13 §4).
 * Neither opens the database, so both run beside a running server.
 */

interface ExplainOptions {
  json?: boolean;
  lang: string;
  title?: string;
  salary?: string;
  location?: string;
  channel?: string;
  destination?: string;
}

/** The result as text: level and probability, the reasons with their sources, the advice. */
export function formatResult(result: JobCheckResult): string {
  const lines = [`Risk: ${result.risk} (probability ${result.probability.toFixed(4)})`, 'Reasons:'];
  for (const r of result.reasons) {
    const sign = r.weight > 0 ? '+' : '';
    lines.push(`  - [${r.kind} ${sign}${r.weight.toFixed(2)}] ${r.text}`);
    if (r.source) {
      lines.push(`      Source: ${r.source}`);
    }
  }
  if (result.reasons.length === 0) {
    lines.push('  (none)');
  }
  lines.push('What to check before going:', ...result.advice.map((a) => `  - ${a.text}`));
  return lines.join('\n');
}

export function registerJobcheckCommands(program: Command): void {
  const jobcheck = program.command('jobcheck').description('Job-offer risk checker (no database)');

  jobcheck
    .command('score')
    .description(
      'Score a CSV with the EMSCAD columns (.csv or .csv.gz); writes job_id,probability,risk ' +
        'for every record to standard output and reports malformed records on standard error',
    )
    .requiredOption('--input <file>', 'CSV file, gzip when its name ends in .gz')
    .action(async (o: { input: string }) => {
      const summary = await scoreCsv(o.input, process.stdout, (line) =>
        console.error(`homeward jobcheck: ${line}`),
      );
      if (summary.malformed > 0) {
        console.error(
          `homeward jobcheck: ${summary.malformed} of ${summary.records} records were malformed ` +
            'and scored with the fields that could be read.',
        );
      }
    });

  jobcheck
    .command('explain')
    .description('Check one offer or recruiter message and print the result with its reasons')
    .argument('<text>', 'the text of the advert or message ("-" reads standard input)')
    .option('--json', 'print the result as JSON')
    .option('--lang <code>', 'language of the reasons and advice (en, th, id, vi, …)', 'en')
    .option('--title <title>', 'job title')
    .option('--salary <salary>', 'salary as offered')
    .option('--location <location>', 'where the advert says the job is')
    .option('--channel <channel>', 'social_media, messaging_app, friend_or_relative, job_site, …')
    .option('--destination <destination>', 'country or city of the job')
    .action((text: string, o: ExplainOptions) => {
      const input = JobCheckInputSchema.parse({
        text: text === '-' ? readFileSync(0, 'utf8') : text,
        title: o.title,
        salary: o.salary,
        location: o.location,
        channel: o.channel,
        destination: o.destination,
      });
      const result = checkJob(input, JobCheckLanguageSchema.parse(o.lang));
      console.log(o.json ? JSON.stringify(result, null, 2) : formatResult(result));
    });
}
