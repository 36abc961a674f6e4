import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';

/** How a feature words its form errors. */
export interface SubmitMessages {
  /** Shown above the form when the input fails the schema (a translated string). */
  fixFields: (t: TFunction) => string;
  /** The message for a refused or failed request. */
  failed: (caught: unknown, t: TFunction) => string;
}

/**
 * A form's submit: checks the input with the server's own schema, sends it, and puts the
 * server's problem+json field errors at the fields (paths like `decision.decidedOn` end in the
 * field's name). A field the person changes loses its error at once (`clearError`); the next
 * submit checks it again.
 */
export function useSchemaSubmit<S extends z.ZodType, R>(
  schema: S,
  send: (input: z.infer<S>) => Promise<R>,
  messages: SubmitMessages,
) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (input: unknown): Promise<R | null> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      setStatus({ tone: 'error', message: messages.fixFields(t) });
      return null;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await send(parsed.data);
      setStatus(null);
      return result;
    } catch (caught: unknown) {
      setErrors(isApiError(caught, 'validation_failed') ? serverFieldErrors(caught.errors, t) : {});
      setStatus({ tone: 'error', message: messages.failed(caught, t) });
      return null;
    } finally {
      setBusy(false);
    }
  };
  const clearError = (field: string) =>
    setErrors((old) => {
      if (old[field] === undefined) {
        return old;
      }
      const rest = { ...old };
      delete rest[field];
      return rest;
    });
  return { errors, status, setStatus, busy, submit, clearError };
}
