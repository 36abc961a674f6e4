import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockIcon, CheckIcon, ClockIcon, WarningIcon } from '@web/components/icons';
import { formatDate, formatDateTime } from '@web/lib/format';
import { RECIPIENT_PURPOSES } from '@/domain/consent/consent.schema.ts';
import { type ConsentView } from './cases.schema';

export const STATUS_LOOK: Record<ConsentView['status'], { color: string; icon: ReactNode }> = {
  given: { color: 'green', icon: <CheckIcon /> },
  refused: { color: 'gray', icon: <BlockIcon /> },
  withdrawn: { color: 'orange', icon: <WarningIcon /> },
  expired: { color: 'gray', icon: <ClockIcon /> },
};

export function ConsentStatusBadge({ status }: { status: ConsentView['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_LOOK[status].color} variant="light" leftSection={STATUS_LOOK[status].icon}>
      {t(`consent.statuses.${status}`)}
    </Badge>
  );
}

export function ConsentCard(props: {
  consent: ConsentView;
  onWithdraw?: (consent: ConsentView) => void;
}) {
  const { t, i18n } = useTranslation();
  const { consent } = props;
  const lang = i18n.language;
  // Only a consent naming an organisation of this installation can be matched by the consent
  // check: one naming a recipient in words permits no referral. (A consent for legal proceedings
  // names an authority in words, with its kind: that is how the check matches it.)
  const nameOnly =
    RECIPIENT_PURPOSES.includes(consent.purpose) &&
    consent.purpose !== 'legal_proceedings' &&
    consent.recipientOrganisationId === null &&
    consent.status === 'given';
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="consent-item">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700}>{t(`consent.purposes.${consent.purpose}`)}</Text>
            <ConsentStatusBadge status={consent.status} />
          </Group>
          {consent.recipientName && (
            <Text size="sm">
              {consent.recipientAuthorityKind
                ? t('consent.authorityShown', {
                    name: consent.recipientName,
                    kind: t(`consent.authorityKinds.${consent.recipientAuthorityKind}`),
                  })
                : t('consent.recipientShown', { name: consent.recipientName })}
            </Text>
          )}
          {nameOnly && (
            <Text size="sm" c="orange.9" data-testid="consent-name-only">
              <WarningIcon /> {t('consent.nameOnly')}
            </Text>
          )}
          <Text size="sm">
            {t('consent.categoriesShown', {
              list: consent.dataCategories
                .map((item) => t(`consent.categories.${item}`))
                .join(', '),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t(consent.recordedByName ? 'consent.recordedByShown' : 'consent.recordedShown', {
              method: t(`consent.methods.${consent.method}`),
              time: formatDateTime(consent.recordedAt, lang),
              name: consent.recordedByName,
            })}
            {consent.validUntil
              ? ` · ${t('consent.validUntilShown', { date: formatDate(consent.validUntil, lang) })}`
              : ''}
            {consent.withdrawnAt
              ? ` · ${t('consent.withdrawnShown', { date: formatDate(consent.withdrawnAt, lang) })}`
              : ''}
          </Text>
          {consent.guardianName && (
            <Text size="sm">{t('consent.guardianShown', { name: consent.guardianName })}</Text>
          )}
        </Stack>
        {props.onWithdraw && consent.status === 'given' && (
          <Button variant="default" color="red" onClick={() => props.onWithdraw?.(consent)}>
            {t('consent.withdraw')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
