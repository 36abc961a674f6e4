/**
 * `npm run bench:report`: the screening evidence report PDF (pdfkit, Noto fonts embedded) made
 * 50 times in process, alternately in English and in Thai, for the largest built-in instrument
 * with half its indicators answered yes (each with an evidence note), the statement and every
 * provision of the legal basis; beside a baseline measured in the same run: an empty PDF from the
 * same library. The first report (which reads the fonts) is reported apart. Target: p95 ≤ 1 s
 * (issue 11); the run exits 1 above it. See BENCHMARKS.md, "Screening: evidence report PDF".
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { BUILTIN_INSTRUMENTS, LEGAL_BASIS } from '@/domain/screening/index.ts';
import { buildReportPdf } from '@/domain/screening/report/report-pdf.ts';
import type { ReportModel } from '@/domain/screening/report/report-model.ts';

const RUNS = 50;
const TARGET_MS = 1000;

function model(lang: 'en' | 'th'): ReportModel {
  const instrument = [...BUILTIN_INSTRUMENTS].sort(
    (a, b) => b.indicators.length - a.indicators.length,
  )[0]!;
  const yes = instrument.indicators.filter((_, i) => i % 2 === 0);
  return {
    lang,
    final: false,
    generatedAt: new Date('2026-09-01T10:00:00Z'),
    reference: '0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000',
    organisation: { name: 'Demo Bangkok shelter', country: 'THA' },
    recipient: null,
    person: {
      caseNumber: '2026-00012',
      displayName: 'Dara Sok',
      nationality: 'KHM',
      born: '2004',
      sex: 'female',
    },
    instrument,
    screening: {
      createdAt: new Date('2026-08-30T09:00:00Z'),
      createdByName: 'Ana Lim',
      rules: 'adult',
      rulesReason: 'adult_at_recruitment',
      finding: 'indicators_present',
      strength: 'strong',
      parts: instrument.rule.parts.map((p) => ({
        key: p.key,
        status: 'met' as const,
        drivers: yes.slice(0, 3).map((i) => i.id),
      })),
    },
    yesAnswers: yes.map((indicator) => ({
      indicator,
      evidenceKind: 'self_report' as const,
      note: 'Described in the interview, with dates and the names of the places — “we could not leave”.',
    })),
    sensitiveShown: true,
    statement: 'I interviewed the person myself. '.repeat(40),
    approval: null,
    countries: ['THA', 'KHM'],
    nationalityUsed: true,
    provisions: LEGAL_BASIS.provisions,
  };
}

function emptyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

async function timed(make: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const pdf = await make();
  return { ms: performance.now() - start, bytes: pdf.length };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function series(make: (i: number) => Promise<Buffer>) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const r = await timed(() => make(i));
    times.push(r.ms);
    bytes = Math.max(bytes, r.bytes);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p95: pct(sorted, 95), max: sorted.at(-1)!, bytes };
}

const models = { en: model('en'), th: model('th') };
const first = await timed(() => buildReportPdf(models.en));
const baseline = await series(() => emptyPdf());
const report = await series((i) => buildReportPdf(i % 2 === 0 ? models.en : models.th));
const f = (n: number) => n.toFixed(1);
console.log(
  `cpus ${cpus().length}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`first report (fonts read): ${f(first.ms)} ms, ${first.bytes} bytes`);
console.log(
  `empty pdfkit PDF   p50 ${f(baseline.p50)} ms  p95 ${f(baseline.p95)} ms  max ${f(baseline.max)} ms  ${baseline.bytes} bytes`,
);
console.log(
  `evidence report    p50 ${f(report.p50)} ms  p95 ${f(report.p95)} ms  max ${f(report.max)} ms  ${report.bytes} bytes (${RUNS} runs, en/th alternately)`,
);
console.log(`target p95 ≤ ${TARGET_MS} ms: ${report.p95 <= TARGET_MS ? 'met' : 'NOT met'}`);
process.exitCode = report.p95 <= TARGET_MS ? 0 : 1;
