import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '@web/components/icons';
import { formatDate } from '@web/lib/format';
import type { RecipientOrganisation } from '@/domain/consent/consent.schema.ts';
import { NEEDS_AUTHORITY, NEEDS_RECIPIENT, type ConsentForm } from './consent-form-model';

/**
 * What the person agrees to (or refuses), in plain words, shown before the consent is saved so it
 * can be read back to them. Shown once the purpose and the answer are chosen.
 */
export function ConsentSummary(props: {
  form: ConsentForm;
  personName: string;
  recipients: readonly RecipientOrganisation[];
}) {
  const { t, i18n } = useTranslation();
  const { form } = props;
  if (!form.purpose || !form.decision) {
    return null;
  }
  const purpose = t(`consent.purposes.${form.purpose}`);
  const recipient = props.recipients.find((item) => item.id === form.recipientOrganisationId);
  const categories = form.dataCategories.includes('all')
    ? [t('consent.categories.all')]
    : form.dataCategories.map((item) => t(`consent.categories.${item}`));
  return (
    <Alert
      color="indigo"
      icon={<InfoIcon />}
      title={t('consent.summary.title')}
      data-testid="consent-summary"
      aria-live="polite"
    >
      <Text size="sm" mb={4}>
        {t(`consent.summary.${form.decision}`, { name: props.personName, purpose })}
      </Text>
      <List size="sm" spacing={2}>
        {NEEDS_RECIPIENT.has(form.purpose) && (
          <List.Item>
            {t('consent.summary.recipient', {
              name: recipient?.name ?? t('consent.summary.notChosen'),
            })}
          </List.Item>
        )}
        {NEEDS_AUTHORITY.has(form.purpose) && (
          <List.Item>
            {form.recipientName.trim() && form.recipientAuthorityKind
              ? t('consent.summary.authority', {
                  name: form.recipientName.trim(),
                  kind: t(`consent.authorityKinds.${form.recipientAuthorityKind}`),
                })
              : t('consent.summary.recipient', {
                  name: form.recipientName.trim() || t('consent.summary.notChosen'),
                })}
          </List.Item>
        )}
        <List.Item>
          {t('consent.summary.categories', {
            list: categories.length > 0 ? categories.join(', ') : t('consent.summary.notChosen'),
          })}
        </List.Item>
        {form.decision === 'given' && (
          <List.Item>
            {form.validUntil
              ? t('consent.summary.until', { date: formatDate(form.validUntil, i18n.language) })
              : t('consent.summary.untilWithdrawn')}
          </List.Item>
        )}
      </List>
      <Text size="sm" mt={4}>
        {t('consent.summary.readBack')}
      </Text>
    </Alert>
  );
}
