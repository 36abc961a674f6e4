import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '@web/components/error-summary';
import type { FieldErrors } from '@web/lib/errors';
import {
  AuthorityKindSchema,
  type AuthorityKind,
  type RecipientOrganisation,
} from '@/domain/consent/consent.schema.ts';
import { countryName } from './countries';
import type { ConsentForm } from './consent-form-model';

/**
 * The authority a consent for legal proceedings names: its name, as the report will address it,
 * and its kind (nothing preselected). The consent check matches both.
 */
export function AuthorityFields(props: {
  form: ConsentForm;
  errors: FieldErrors;
  idPrefix: string;
  onChange: (update: Partial<ConsentForm>) => void;
}) {
  const { t } = useTranslation();
  const { form, errors } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput
        id={fieldId(props.idPrefix, 'recipientName')}
        label={t('consent.fields.authorityName')}
        description={t('consent.authorityHint')}
        value={form.recipientName}
        onChange={(event) => props.onChange({ recipientName: event.currentTarget.value })}
        error={errors.recipientName}
      />
      <NativeSelect
        id={fieldId(props.idPrefix, 'recipientAuthorityKind')}
        label={t('consent.fields.authorityKind')}
        value={form.recipientAuthorityKind}
        onChange={(event) =>
          props.onChange({
            recipientAuthorityKind: event.currentTarget.value as AuthorityKind | '',
          })
        }
        data={[
          { value: '', label: t('consent.chooseAuthorityKind') },
          ...AuthorityKindSchema.options.map((kind) => ({
            value: kind,
            label: t(`consent.authorityKinds.${kind}`),
          })),
        ]}
        error={errors.recipientAuthorityKind}
      />
    </SimpleGrid>
  );
}

/** The receiving organisation, chosen from the organisations of this installation. */
export function RecipientField(props: {
  value: string;
  idPrefix: string;
  recipients: readonly RecipientOrganisation[] | null;
  error: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (props.recipients !== null && props.recipients.length === 0) {
    return (
      <Text size="sm" role="alert" id={fieldId(props.idPrefix, 'recipientOrganisationId')}>
        {t('consent.noRecipients')}
      </Text>
    );
  }
  return (
    <NativeSelect
      id={fieldId(props.idPrefix, 'recipientOrganisationId')}
      label={t('consent.fields.recipientOrganisation')}
      description={t('consent.recipientHint')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t('consent.chooseOrganisation') },
        ...(props.recipients ?? []).map((item) => ({
          value: item.id,
          label: `${item.name} (${countryName(item.country, i18n.language)})`,
        })),
      ]}
      error={props.error}
    />
  );
}
