/**
 * Every encrypted column, so `homeward keys rotate` can re-encrypt all of them. A module that
 * adds an encrypted column registers it here with the AAD its service uses.
 */
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

export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
  caseField('current_location_enc'),
  caseField('documents_enc'),
  caseField('contacts_enc'),
  caseField('narrative_enc'),
  caseField('health_enc'),
  caseField('exploitation_details_enc'),
  {
    table: 'case_events',
    column: 'note_enc',
    idColumn: 'id',
    aad: (id) => `case_events.note:${id}`,
  },
  { table: 'case_notes', column: 'body_enc', idColumn: 'id', aad: (id) => `case_notes.body:${id}` },
  {
    table: 'case_attachments',
    column: 'file_name_enc',
    idColumn: 'id',
    aad: (id) => `case_attachments.file_name:${id}`,
  },
  {
    table: 'case_attachments',
    column: 'file_key_enc',
    idColumn: 'id',
    aad: (id) => `case_attachments.file_key:${id}`,
  },
  {
    table: 'case_needs',
    column: 'goals_enc',
    idColumn: 'id',
    aad: (id) => `case_needs.goals:${id}`,
  },
  {
    table: 'case_consents',
    column: 'guardian_name_enc',
    idColumn: 'id',
    aad: (id) => `case_consents.guardian_name:${id}`,
    legacyColumn: 'guardian_name',
  },
  {
    table: 'case_consents',
    column: 'best_interest_note_enc',
    idColumn: 'id',
    aad: (id) => `case_consents.best_interest_note:${id}`,
    legacyColumn: 'best_interest_note',
  },
  {
    table: 'case_events',
    column: 'outcome_enc',
    idColumn: 'id',
    aad: (id) => `case_events.outcome:${id}`,
    legacyColumn: 'outcome',
  },
  {
    table: 'case_tasks',
    column: 'title_enc',
    idColumn: 'id',
    aad: (id) => `case_tasks.title:${id}`,
    legacyColumn: 'title',
  },
  {
    table: 'case_plan_items',
    column: 'action_enc',
    idColumn: 'id',
    aad: (id) => `case_plan_items.action:${id}`,
    legacyColumn: 'action',
  },
  {
    // The owner and form key are bound inside the plaintext (see drafts/draft-mapper.ts), so
    // rotation, which knows only the row id, can re-encrypt drafts like any other field.
    table: 'form_drafts',
    column: 'body_enc',
    idColumn: 'id',
    aad: (id) => `form_drafts.body:${id}`,
  },
  {
    table: 'users',
    column: 'totp_secret_enc',
    idColumn: 'id',
    aad: (id) => `users.totp_secret:${id}`,
  },
  {
    table: 'users',
    column: 'totp_pending_enc',
    idColumn: 'id',
    aad: (id) => `users.totp_pending:${id}`,
  },
];

/** AAD of a registered field, for services. */
export function fieldAad(table: string, column: string, id: string): string {
  const field = ENCRYPTED_FIELDS.find((f) => f.table === table && f.column === column);
  if (!field) {
    throw new Error(`${table}.${column} is not registered in ENCRYPTED_FIELDS`);
  }
  return field.aad(id);
}
