import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, ClockIcon, InfoIcon, WarningIcon } from '@web/components/icons';
import { dueMessage, type DueState } from './nrm-due';

const LOOKS: Record<DueState['kind'], { color: string; icon: ReactNode }> = {
  overdue: { color: 'red', icon: <WarningIcon /> },
  due_hours: { color: 'orange', icon: <ClockIcon /> },
  due_days: { color: 'yellow', icon: <ClockIcon /> },
  ends_days: { color: 'indigo', icon: <ClockIcon /> },
  ended: { color: 'gray', icon: <CheckIcon /> },
  closed: { color: 'green', icon: <CheckIcon /> },
  not_started: { color: 'gray', icon: <InfoIcon /> },
  no_deadline: { color: 'gray', icon: <InfoIcon /> },
};

/** A deadline's state in words with an icon (colour is never the only sign, UX.md). */
export function DueBadge({ state }: { state: DueState }) {
  const { t } = useTranslation();
  const look = LOOKS[state.kind];
  const { key, values } = dueMessage(state);
  // Keys chosen at run time (unit-tested in nrm-due.test.ts); each is in every language file.
  const message = t as unknown as (key: string, values: Record<string, number>) => string;
  return (
    <Badge
      color={look.color}
      variant="light"
      leftSection={look.icon}
      data-testid="nrm-due-badge"
      data-state={state.kind}
      className="hw-badge-wrap"
    >
      {message(key, values)}
    </Badge>
  );
}

/** The mark of a figure nobody has checked in a stored copy of its source. */
export function UnverifiedBadge() {
  const { t } = useTranslation();
  return (
    <Badge
      color="orange"
      variant="outline"
      leftSection={<WarningIcon />}
      data-testid="nrm-unverified"
      className="hw-badge-wrap"
    >
      {t('nrm.unverified')}
    </Badge>
  );
}
