import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Status } from '@web/components/status-message';
import { isApiError } from './api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from './errors';
import { useDraft, type DraftForm } from './use-draft';

export interface AddItemOptions<T extends object, B, R> {
  /** The draft's form key (`case:<id>:note`), or null for memory only. */
  formKey: string | null;
  initial: T;
  /** The server's schema of the request (from `@/domain/…/*.schema.ts`). */
  schema: z.ZodType<B>;
  /** The request body for the form's values (empty optional fields left out). */
  toBody: (values: T) => unknown;
  send: (body: B) => Promise<R>;
  onAdded: (result: R) => void;
  /** Said once the item is added. */
  addedMessage: string;
}

export interface AddItemForm<T extends object> {
  draft: DraftForm<T>;
  values: T;
  /** Sets a field and clears its error (it is checked again at the next submit). */
  change: <K extends keyof T & string>(field: K, value: T[K]) => void;
  errors: FieldErrors;
  status: Status | null;
  busy: boolean;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * The one "add an item" form behaviour (notes, tasks, plan items): values kept as a draft as
 * the person types (`useDraft`), checked with the server's own schema before sending, field
 * errors under the fields (the server's as well), and on success the item handed to `onAdded`,
 * the draft deleted and the form emptied.
 *
 * @example const form = useAddItemForm({ formKey, initial, schema: NoteCreateSchema, … });
 */
export function useAddItemForm<T extends object, B, R>(
  options: AddItemOptions<T, B, R>,
): AddItemForm<T> {
  const { t } = useTranslation();
  const draft = useDraft(options.formKey, options.initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const change = <K extends keyof T & string>(field: K, value: T[K]) => {
    draft.set(field, value);
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const submit = async () => {
    const parsed = options.schema.safeParse(options.toBody(draft.values));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      setStatus(null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await options.send(parsed.data);
      options.onAdded(result);
      await draft.clear(options.initial);
      setStatus({ tone: 'success', message: options.addedMessage });
    } catch (caught: unknown) {
      if (isApiError(caught, 'validation_failed')) {
        setErrors(serverFieldErrors(caught.errors, t));
      }
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return {
    draft,
    values: draft.values,
    change,
    errors,
    status,
    busy,
    handleSubmit: (event) => {
      event.preventDefault();
      void submit();
    },
  };
}
