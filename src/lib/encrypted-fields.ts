/** An encrypted column: where it is, and the AAD that binds each value to its row. */
export interface EncryptedField {
  table: string;
  column: string;
  /** Primary-key column whose value is part of the AAD. */
  idColumn: string;
  aad: (id: string) => string;
  /**
   * The column that held the value in clear before it was encrypted: the start-up step
   * (`encryptLegacyPlaintext`) encrypts what is still there into `column` and empties it.
   */
  legacyColumn?: string;
}

const caseField = (column: string): EncryptedField => ({
  table: 'cases',
  column,
  idColumn: 'id',
  aad: (id) => `cases.${column}:${id}`,
});

/** A field of `table` keyed by its `id`, bound to `<table>.<name>:<id>`. */
const field = (table: string, name: string, legacyColumn?: string): EncryptedField => ({
  table,
  column: `${name}_enc`,
  idColumn: 'id',
  aad: (id) => `${table}.${name}:${id}`,
  ...(legacyColumn !== undefined && { legacyColumn }),
});

/**
 * Every encrypted column, by a typed handle: a service encrypts with
 * `cipher.encrypt(title, FIELDS.taskTitle.aad(taskId))`, so a field that is not registered here
 * (and would be missed by `homeward keys rotate`) does not compile. A module that adds an
 * encrypted column registers it here with the AAD its mapper uses.
 */
export const FIELDS = {
  caseCurrentLocation: caseField('current_location_enc'),
  caseDocuments: caseField('documents_enc'),
  caseContacts: caseField('contacts_enc'),
  caseNarrative: caseField('narrative_enc'),
  caseHealth: caseField('health_enc'),
  caseExploitationDetails: caseField('exploitation_details_enc'),
  eventNote: field('case_events', 'note'),
  noteBody: field('case_notes', 'body'),
  attachmentFileName: field('case_attachments', 'file_name'),
  attachmentFileKey: field('case_attachments', 'file_key'),
  needGoals: field('case_needs', 'goals'),
  consentGuardianName: field('case_consents', 'guardian_name', 'guardian_name'),
  consentBestInterestNote: field('case_consents', 'best_interest_note', 'best_interest_note'),
  eventOutcome: field('case_events', 'outcome', 'outcome'),
  taskTitle: field('case_tasks', 'title', 'title'),
  planItemAction: field('case_plan_items', 'action', 'action'),
  // The owner and form key are bound inside the plaintext (see drafts/draft-mapper.ts), so
  // rotation, which knows only the row id, can re-encrypt drafts like any other field.
  draftBody: field('form_drafts', 'body'),
  screeningStatement: field('screenings', 'statement'),
  screeningEvidenceNote: field('screening_answers', 'evidence_note'),
  // A reported advert may hold a victim's own words (no organisation: installation-wide).
  advertReportText: field('advert_reports', 'text'),
  // Staff-only: a shelter's is read only by its own organisation (never public).
  directoryServiceAddress: field('directory_services', 'address'),
  // Referrals: the reason (both sides read it), the history's notes, and each packet's own key
  // (the packet body is sealed with that key, not with a data key: destroying it erases the packet).
  referralReason: field('referrals', 'reason'),
  referralEventNote: field('referral_events', 'note'),
  referralPacketKey: {
    table: 'referral_packets',
    column: 'key_enc',
    idColumn: 'referral_id',
    aad: (id: string) => `referral_packets.key:${id}`,
  },
  // Return plans: who meets the person on arrival, and where (both sides read it).
  returnPlanReception: field('return_plans', 'reception'),
  totpSecret: field('users', 'totp_secret'),
  totpPending: field('users', 'totp_pending'),
} as const satisfies Record<string, EncryptedField>;

/** The registry `homeward keys rotate` re-encrypts: every field of `FIELDS`. */
export const ENCRYPTED_FIELDS: readonly EncryptedField[] = Object.values(FIELDS);
