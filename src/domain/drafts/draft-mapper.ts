import type { FieldCipher } from '@/lib/crypto.ts';
import { DecryptionError } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import type { DraftRow } from './drafts.repository.ts';
import type { Draft, DraftData } from './drafts.schema.ts';

/** Where a draft body belongs: its row and owner. */
export interface DraftPlace {
  id: string;
  organisationId: string;
  userId: string;
  formKey: string;
}

/** What is encrypted: the data and the owner it belongs to (checked again on opening). */
interface SealedBody {
  owner: string;
  organisation: string;
  formKey: string;
  data: DraftData;
}

const bodyAad = (id: string) => FIELDS.draftBody.aad(id);

/**
 * Encrypts a draft body. The AAD binds it to the row id (so rotation can re-encrypt it like any
 * other field); the owner, organisation and form key are sealed inside it, so a ciphertext moved
 * to another owner's row, or a row whose owner was changed, no longer opens.
 */
export function sealDraft(cipher: FieldCipher, place: DraftPlace, data: DraftData): string {
  const body: SealedBody = {
    owner: place.userId,
    organisation: place.organisationId,
    formKey: place.formKey,
    data,
  };
  return cipher.encrypt(JSON.stringify(body), bodyAad(place.id));
}

/** The data of a draft row, or null when it does not open for this row and owner. */
export function openDraft(cipher: FieldCipher, row: DraftRow): DraftData | null {
  let body: SealedBody;
  try {
    body = JSON.parse(cipher.decrypt(row.bodyEnc, bodyAad(row.id))) as SealedBody;
  } catch (err: unknown) {
    if (err instanceof DecryptionError || err instanceof SyntaxError) {
      return null;
    }
    throw err;
  }
  const mine =
    body.owner === row.userId &&
    body.organisation === row.organisationId &&
    body.formKey === row.formKey;
  return mine ? body.data : null;
}

/** A draft as the API returns it. */
export function toDraft(row: DraftRow, data: DraftData): Draft {
  return {
    formKey: row.formKey,
    data,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
