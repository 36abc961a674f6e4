import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@web/lib/errors';

/** One field error as the summary lists it: the field's name and what to do about it. */
export interface SummaryError {
  field: string;
  message: string;
}

/**
 * The id of a form field's input, so the error summary can link to it: `fieldId('login', 'email')`
 * gives `login-email`. Give the same id to the input (`id={fieldId(form, name)}`).
 */
export function fieldId(form: string, field: string): string {
  return `${form}-${field}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * Field errors (`{ email: 'Enter…' }`) as summary rows, in the order the fields appear in the form
 * (`order`, field names top to bottom); fields not named in `order` follow in their own order.
 */
export function summaryErrors(errors: FieldErrors, order: readonly string[] = []): SummaryError[] {
  const rows: SummaryError[] = [];
  const seen = new Set<string>();
  for (const field of [...order, ...Object.keys(errors)]) {
    const message = errors[field];
    if (!seen.has(field) && message) {
      seen.add(field);
      rows.push({ field, message });
    }
  }
  return rows;
}

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, [tabindex]';

/** Moves focus to the field (or the first control inside it, for a group) and shows it. */
function focusField(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) {
    return false;
  }
  const control = target.matches(FOCUSABLE)
    ? target
    : (target.querySelector<HTMLElement>(FOCUSABLE) ?? target);
  control.focus();
  // Show the label above the field too, not only the input.
  target.closest('.mantine-InputWrapper-root, fieldset')?.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * The GOV.UK error summary: a titled box at the top of a form listing each field error as a link
 * that moves focus to the field. It is an alert (announced when it appears) and takes focus each
 * time the form is submitted with errors (`submitCount` changes) — or, without `submitCount`, when
 * errors appear. Fixing a field removes its row; when no row is left the summary is gone.
 *
 * Links go to `fieldId(idPrefix, field)` when `idPrefix` is given, otherwise to the id `field`.
 */
export function ErrorSummary(props: {
  errors: readonly SummaryError[];
  title?: string;
  idPrefix?: string;
  submitCount?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const hasErrors = props.errors.length > 0;
  const { submitCount } = props;

  // Focus on each submit with errors; without a submit count, when errors first appear. Fixing one
  // field of several must not pull focus back to the summary: only a new submit does.
  const focusKey = submitCount ?? hasErrors;
  const hasErrorsNow = useRef(hasErrors);
  hasErrorsNow.current = hasErrors;
  useEffect(() => {
    if (hasErrorsNow.current) {
      box.current?.focus();
    }
  }, [focusKey]);

  if (!hasErrors) {
    return null;
  }

  const targetId = (field: string) => (props.idPrefix ? fieldId(props.idPrefix, field) : field);
  const follow = (field: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (focusField(targetId(field))) {
      event.preventDefault();
    }
  };

  return (
    <div
      ref={box}
      className="hw-error-summary"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid={props.testId ?? 'error-summary'}
    >
      <h2 id={titleId} className="hw-error-summary-title">
        {props.title ?? t('errorSummary.title')}
      </h2>
      <ul className="hw-error-summary-list">
        {props.errors.map((error) => (
          <li key={error.field}>
            <a href={`#${targetId(error.field)}`} onClick={follow(error.field)}>
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
