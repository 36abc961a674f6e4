import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BlockIcon, CheckIcon, WarningIcon } from '@web/components/icons';
import { formatDateTime } from '@web/lib/format';
import { actionLabel, entityText } from './audit-labels';
import type { AuditEvent, AuditOutcome } from './audit.schema';

const OUTCOMES = {
  success: { color: 'green', icon: <CheckIcon /> },
  failure: { color: 'red', icon: <WarningIcon /> },
  denied: { color: 'orange', icon: <BlockIcon /> },
} as const satisfies Record<AuditOutcome, unknown>;

function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOMES[outcome].color} variant="light" leftSection={OUTCOMES[outcome].icon}>
      {t(`audit.outcomes.${outcome}`)}
    </Badge>
  );
}

/** The technical record (ids, the action code), folded away: support staff may need it. */
function Details({ event, labelled }: { event: AuditEvent; labelled: boolean }) {
  const { t } = useTranslation();
  const { details } = event;
  if (labelled && Object.keys(details).length === 0) {
    return <>{t('common.none')}</>;
  }
  return (
    <details className="hw-details">
      <summary>{t('audit.showDetails')}</summary>
      {!labelled && <p>{t('audit.code', { code: event.action })}</p>}
      {Object.keys(details).length > 0 && <pre>{JSON.stringify(details, null, 2)}</pre>}
    </details>
  );
}

/** Audit events, newest first; rows stack into cards on narrow screens (see styles.css). */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  const columns = {
    at: t('audit.columns.at'),
    actor: t('audit.columns.actor'),
    action: t('audit.columns.action'),
    entity: t('audit.columns.entity'),
    outcome: t('audit.columns.outcome'),
    ip: t('audit.columns.ip'),
    details: t('audit.columns.details'),
  };
  return (
    <Table className="hw-stack-table" verticalSpacing="sm" data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          {Object.values(columns).map((label) => (
            <Table.Th key={label} scope="col">
              {label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <Table.Tr key={event.id} data-testid="audit-row">
            <Table.Td data-label={columns.at}>
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            </Table.Td>
            <Table.Td data-label={columns.actor} className="hw-break">
              {event.actorEmail ?? t('audit.system')}
            </Table.Td>
            <Table.Td data-label={columns.action} data-action={event.action}>
              {actionLabel(event.action, t, i18n) ?? t('audit.otherAction')}
            </Table.Td>
            <Table.Td data-label={columns.entity} className="hw-break">
              {entityText(event, t) ?? t('common.none')}
            </Table.Td>
            <Table.Td data-label={columns.outcome}>
              <OutcomeBadge outcome={event.outcome} />
            </Table.Td>
            <Table.Td data-label={columns.ip}>{event.ip ?? t('common.none')}</Table.Td>
            <Table.Td data-label={columns.details}>
              <Details event={event} labelled={actionLabel(event.action, t, i18n) !== null} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
