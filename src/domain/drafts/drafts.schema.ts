import { z } from 'zod';

/** Largest draft body accepted, as UTF-8 JSON (a long note is 20 000 characters). */
export const DRAFT_MAX_BYTES = 64 * 1024;

/** How long a draft is kept after its last change; expired drafts are never returned. */
export const DRAFT_TTL_DAYS = 14;

/** The forms of a case that keep a draft (`case:<caseId>:<form>`). */
export const CASE_DRAFT_FORMS = ['note', 'needs', 'plan', 'task', 'edit', 'consent'] as const;
export type CaseDraftForm = (typeof CASE_DRAFT_FORMS)[number];

/** Every form that keeps a draft: the case forms and the registration form (`register`). */
export type DraftForm = CaseDraftForm | 'register';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FORM_KEY = new RegExp(`^(?:register|case:(${UUID}):(${CASE_DRAFT_FORMS.join('|')}))$`);

/**
 * A form key: `register`, or `case:<caseId>:<form>` with a lower-case case id.
 *
 * @example FormKeySchema.parse(`case:${caseId}:note`)
 */
export const FormKeySchema = z
  .string()
  .max(80)
  .regex(
    FORM_KEY,
    'Use "register" or "case:<case id>:<form>" (note, needs, plan, task, edit, consent)',
  );

export const DraftParamsSchema = z.object({ formKey: FormKeySchema }).strict();

/** What a draft holds: the form's values as the person typed them, keyed by field. */
export const DraftDataSchema = z.record(z.string().max(100), z.unknown());
export type DraftData = z.infer<typeof DraftDataSchema>;

/**
 * Saves a draft. `version` is the version the page last read or wrote (absent or 0 when it
 * knows none): a different stored version is another tab's or window's work (`version_conflict`).
 */
export const DraftPutSchema = z
  .object({
    data: DraftDataSchema,
    version: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .strict();
export type DraftPut = z.infer<typeof DraftPutSchema>;

export const DraftSchema = z.object({
  formKey: z.string(),
  data: DraftDataSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  expiresAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** What a form key names: the form and, for a case's form, the case. */
export interface DraftTarget {
  form: DraftForm;
  caseId: string | null;
}

/** Splits a form key already checked by `FormKeySchema`; throws on anything else. */
export function parseFormKey(formKey: string): DraftTarget {
  const match = FORM_KEY.exec(formKey);
  if (!match) {
    throw new Error('Not a form key');
  }
  const [, caseId, form] = match;
  return caseId && form
    ? { form: form as CaseDraftForm, caseId }
    : { form: 'register', caseId: null };
}

/** The form key of a case's form. */
export function caseFormKey(caseId: string, form: CaseDraftForm): string {
  return `case:${caseId}:${form}`;
}
