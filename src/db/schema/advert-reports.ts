import { date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  ADVERT_REPORT_STATUSES,
  INDICATOR_KINDS,
} from '@/domain/prevention/advert-reports.schema.ts';
import { JOB_CHANNELS } from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { organisations, users } from './auth.ts';
import { ts } from './columns.ts';

/**
 * An advert reported anonymously from the public job-offer checker. Installation-wide and kept
 * apart from survivor data: no organisation, no case, nothing about the reporter (no address,
 * no user agent, only the day it arrived; the id is random, not time-ordered). Organisations
 * see the reports of the countries a platform admin assigned them (`prevention_assignments`).
 */
export const advertReports = pgTable(
  'advert_reports',
  {
    id: uuid().primaryKey(),
    receivedOn: date({ mode: 'string' }).notNull(),
    /** The advert's text, encrypted: it may hold a victim's own words. */
    textEnc: text().notNull(),
    title: text(),
    salary: text(),
    location: text(),
    channel: text({ enum: JOB_CHANNELS }),
    /** ISO 3166-1 alpha-3 when recognised; else null and the words in `destination_text`. */
    destination: text(),
    destinationText: text(),
    origin: text(),
    originText: text(),
    status: text({ enum: ADVERT_REPORT_STATUSES }).notNull().default('new'),
    statusNote: text(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: ts(),
  },
  (t) => [
    index('advert_reports_destination_idx').on(t.destination, t.receivedOn),
    index('advert_reports_origin_idx').on(t.origin, t.receivedOn),
    index('advert_reports_received_idx').on(t.receivedOn, t.id),
  ],
);

/** A normalised phone number, link, handle or e-mail address found in a report's text. */
export const advertReportIndicators = pgTable(
  'advert_report_indicators',
  {
    reportId: uuid()
      .notNull()
      .references(() => advertReports.id),
    kind: text({ enum: INDICATOR_KINDS }).notNull(),
    value: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.kind, t.value] }),
    index('advert_report_indicators_value_idx').on(t.kind, t.value),
  ],
);

/** A platform admin's assignment of an organisation to review a country's reports. */
export const preventionAssignments = pgTable(
  'prevention_assignments',
  {
    country: text().notNull(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    assignedBy: uuid().references(() => users.id),
    assignedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.country, t.organisationId] }),
    index('prevention_assignments_org_idx').on(t.organisationId, t.country),
  ],
);
