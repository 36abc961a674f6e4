import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { CheckIcon, InfoIcon, WarningIcon } from './icons';

export type StatusTone = 'error' | 'success' | 'info';

/** A message for the user, with its tone. `null` means nothing to say. */
export interface Status {
  tone: StatusTone;
  message: string;
}

const TONES: Record<StatusTone, { color: string; icon: ReactNode }> = {
  error: { color: 'red', icon: <WarningIcon /> },
  success: { color: 'green', icon: <CheckIcon /> },
  info: { color: 'indigo', icon: <InfoIcon /> },
};

/**
 * A live region for the result of an async action. The region is always in the page, so screen
 * readers announce a message as soon as it appears; the tone is shown by icon and colour together.
 */
export function StatusMessage({ status, testId }: { status: Status | null; testId?: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="hw-status"
      data-testid={testId}
    >
      {status && (
        <Alert
          role="note"
          color={TONES[status.tone].color}
          icon={TONES[status.tone].icon}
          data-tone={status.tone}
        >
          {status.message}
        </Alert>
      )}
    </div>
  );
}
