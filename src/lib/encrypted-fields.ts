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
}

export const ENCRYPTED_FIELDS: readonly EncryptedField[] = [
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
