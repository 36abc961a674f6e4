import type { z } from 'zod';
import { useSchemaSubmit, type SubmitMessages } from '@web/lib/use-schema-submit';
import { nrmErrorMessage } from './nrm-errors';

const MESSAGES: SubmitMessages = {
  fixFields: (t) => t('nrm.fixFields'),
  failed: nrmErrorMessage,
};

/** An NRM form's submit (see useSchemaSubmit), worded for NRM. */
export function useNrmSubmit<S extends z.ZodType, R>(
  schema: S,
  send: (input: z.infer<S>) => Promise<R>,
) {
  return useSchemaSubmit(schema, send, MESSAGES);
}
