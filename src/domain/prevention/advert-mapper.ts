import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '@/lib/crypto.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { alpha2Of, countryOf } from './advert-countries.ts';
import { extractIndicators } from './advert-extract.ts';
import type { AdvertReportInsert, AdvertReportRow } from './advert-reports.repository.ts';
import type {
  AdvertReport,
  AdvertReportSummary,
  Indicator,
  JobReportInput,
} from './advert-reports.schema.ts';

/**
 * Reported adverts between the public input, the rows and the API views; the one place the
 * advert's text is encrypted and decrypted (AAD `advert_reports.text:<id>`).
 */

/** The country code and, when not recognised, the words as written. */
function place(text: string | undefined): { code: string | null; text: string | null } {
  const code = countryOf(text);
  return { code, text: code === null && text ? text : null };
}

/**
 * The row and indicators of a new report: a random (not time-ordered) id, the day only, the
 * text encrypted, countries as codes, and the phones, links and handles found in the text.
 */
export function newReport(
  cipher: FieldCipher,
  input: JobReportInput,
  now: Date,
): { row: AdvertReportInsert; indicators: Indicator[] } {
  const id = randomUUID();
  const destination = place(input.destination);
  const origin = place(input.origin);
  const regions = [alpha2Of(destination.code), alpha2Of(origin.code)].filter(
    (r): r is string => r !== undefined,
  );
  const row: AdvertReportInsert = {
    id,
    receivedOn: utcDay(now),
    textEnc: cipher.encrypt(input.text, FIELDS.advertReportText.aad(id)),
    title: input.title || null,
    salary: input.salary || null,
    location: input.location || null,
    channel: input.channel ?? null,
    destination: destination.code,
    destinationText: destination.text,
    origin: origin.code,
    originText: origin.text,
    status: 'new',
  };
  return { row, indicators: extractIndicators(input.text, regions) };
}

/** A row of a list, without its text. */
export function toSummary(row: AdvertReportRow & { indicatorCount: number }): AdvertReportSummary {
  return {
    id: row.id,
    receivedOn: row.receivedOn,
    title: row.title,
    channel: row.channel,
    destination: row.destination,
    origin: row.origin,
    status: row.status,
    indicatorCount: row.indicatorCount,
  };
}

/** A whole report with its decrypted text and its indicators. */
export function toReport(
  cipher: FieldCipher,
  row: AdvertReportRow,
  indicators: (Indicator & { otherReports: number })[],
): AdvertReport {
  return {
    ...toSummary({ ...row, indicatorCount: indicators.length }),
    text: cipher.decrypt(row.textEnc, FIELDS.advertReportText.aad(row.id)),
    destinationText: row.destinationText,
    originText: row.originText,
    salary: row.salary,
    location: row.location,
    statusNote: row.statusNote,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    indicators,
  };
}
