import type { z } from 'zod';
import { useSchemaSubmit, type SubmitMessages } from '@web/lib/use-schema-submit';
import { outreachErrorMessage } from './outreach-labels';

const MESSAGES: SubmitMessages = {
  fixFields: (t) => t('outreach.errors.fixFields'),
  failed: outreachErrorMessage,
};

/** An outreach form's submit (see useSchemaSubmit), worded for outreach. */
export function useOutreachSubmit<S extends z.ZodType, R>(
  schema: S,
  send: (input: z.infer<S>) => Promise<R>,
) {
  return useSchemaSubmit(schema, send, MESSAGES);
}
