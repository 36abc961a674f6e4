import type { AuthorityKind } from '@/domain/consent/index.ts';
import type { Indicator, Instrument } from '../instrument.schema.ts';
import type { Finding, PartResult, RulesReason } from '../screening.schema.ts';
import type { EvidenceKind } from '../screening-views.schema.ts';
import type { Provision } from './legal-basis.schema.ts';
import type { ReportLang } from './report.schema.ts';

/** What identifies the person, as far as the report may show it. */
export interface ReportPerson {
  caseNumber: string;
  displayName: string;
  nationality: string | null;
  /** `YYYY-MM-DD`, or the year alone. */
  born: string | null;
  sex: string | null;
}

/** An indicator answered yes, with its evidence (the note only for sensitive access). */
export interface ReportYesAnswer {
  indicator: Indicator;
  evidenceKind: EvidenceKind | null;
  note: string | null;
}

/** Everything the PDF shows, decided by the service (consent, access); the builder only lays out. */
export interface ReportModel {
  lang: ReportLang;
  final: boolean;
  generatedAt: Date;
  reference: string;
  organisation: { name: string; country: string | null };
  /** The authority a final report is for, and the consent version that permits it. */
  recipient: { name: string; kind: AuthorityKind; consentId: string } | null;
  /** Null when the consent does not cover identity. */
  person: ReportPerson | null;
  instrument: Instrument;
  screening: {
    createdAt: Date;
    createdByName: string | null;
    rules: 'adult' | 'child';
    rulesReason: RulesReason;
    finding: Finding;
    strength: Indicator['strength'] | null;
    parts: PartResult[];
  };
  yesAnswers: ReportYesAnswer[];
  /** False when evidence notes and the statement are hidden (no sensitive access). */
  sensitiveShown: boolean;
  statement: string | null;
  approval: { byName: string | null; at: Date } | null;
  /** The countries whose regional and national provisions are cited; `nationalityUsed` says why. */
  countries: string[];
  nationalityUsed: boolean;
  provisions: Provision[];
}
