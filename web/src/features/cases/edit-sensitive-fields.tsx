import { Button, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@web/lib/errors';
import { CONTACT_KINDS, DOCUMENT_TYPES } from './cases.schema';
import { CountrySelect } from './case-ui';
import { hasErrorUnder, rowKey, type EditForm } from './case-edit-model';
import { EditRowList } from './edit-row-list';

/** The server keeps at most this many documents, and as many contacts. */
const MAX_ROWS = 20;

type SensitivePart = Pick<EditForm, 'currentLocation' | 'narrative' | 'documents' | 'contacts'>;

function DocumentRows(props: {
  form: SensitivePart;
  errors: FieldErrors;
  onChange: (change: Partial<SensitivePart>) => void;
}) {
  const { t } = useTranslation();
  const { documents } = props.form;
  const update = (key: string, change: Partial<SensitivePart['documents'][number]>) =>
    props.onChange({
      documents: documents.map((row) => (row.key === key ? { ...row, ...change } : row)),
    });
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.fields.documents')}</legend>
      <EditRowList
        rows={documents}
        idPrefix="edit-document"
        testId="document"
        max={MAX_ROWS}
        rowLabel={(index) => t('cases.edit.documentN', { number: index + 1 })}
        removeLabel={(index) => t('cases.edit.removeDocument', { number: index + 1 })}
        addLabel={t('cases.edit.addDocument')}
        onAdd={() =>
          props.onChange({
            documents: [
              ...documents,
              { key: rowKey(), type: 'passport', number: '', issuingCountry: '' },
            ],
          })
        }
        onRemove={(key) =>
          props.onChange({ documents: documents.filter((row) => row.key !== key) })
        }
        renderRow={(row, index, firstFieldId) => (
          <>
            <NativeSelect
              id={firstFieldId}
              label={t('cases.edit.documentType')}
              value={row.type}
              onChange={(event) => update(row.key, { type: event.currentTarget.value })}
              data={DOCUMENT_TYPES.map((type) => ({
                value: type,
                label: t(`cases.documentTypes.${type}`),
              }))}
            />
            <TextInput
              label={t('cases.edit.documentNumber')}
              value={row.number}
              maxLength={100}
              autoComplete="off"
              onChange={(event) => update(row.key, { number: event.currentTarget.value })}
              error={props.errors[`documents.${index}.number`]}
            />
            <CountrySelect
              label={t('cases.edit.issuingCountry')}
              value={row.issuingCountry}
              onChange={(issuingCountry) => update(row.key, { issuingCountry })}
              error={props.errors[`documents.${index}.issuingCountry`]}
            />
          </>
        )}
      />
    </fieldset>
  );
}

function ContactRows(props: {
  form: SensitivePart;
  errors: FieldErrors;
  onChange: (change: Partial<SensitivePart>) => void;
}) {
  const { t } = useTranslation();
  const { contacts } = props.form;
  const update = (key: string, change: Partial<SensitivePart['contacts'][number]>) =>
    props.onChange({
      contacts: contacts.map((row) => (row.key === key ? { ...row, ...change } : row)),
    });
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.fields.contacts')}</legend>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cases.register.contactHint')}
      </Text>
      <EditRowList
        rows={contacts}
        idPrefix="edit-contact"
        testId="contact"
        max={MAX_ROWS}
        rowLabel={(index) => t('cases.edit.contactN', { number: index + 1 })}
        removeLabel={(index) => t('cases.edit.removeContact', { number: index + 1 })}
        addLabel={t('cases.edit.addContact')}
        onAdd={() =>
          props.onChange({
            contacts: [...contacts, { key: rowKey(), kind: 'phone', value: '', note: '' }],
          })
        }
        onRemove={(key) => props.onChange({ contacts: contacts.filter((row) => row.key !== key) })}
        renderRow={(row, index, firstFieldId) => (
          <>
            <NativeSelect
              id={firstFieldId}
              label={t('cases.fields.contactKind')}
              value={row.kind}
              onChange={(event) => update(row.key, { kind: event.currentTarget.value })}
              data={CONTACT_KINDS.map((kind) => ({
                value: kind,
                label: t(`cases.contactKinds.${kind}`),
              }))}
            />
            <TextInput
              label={t('cases.fields.contactValue')}
              value={row.value}
              maxLength={300}
              autoComplete="off"
              onChange={(event) => update(row.key, { value: event.currentTarget.value })}
              error={props.errors[`contacts.${index}.value`]}
            />
            <TextInput
              label={t('cases.edit.contactNote')}
              value={row.note}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => update(row.key, { note: event.currentTarget.value })}
              error={props.errors[`contacts.${index}.note`]}
            />
          </>
        )}
      />
    </fieldset>
  );
}

/**
 * Sensitive fields of the edit form (shown only to roles that receive them), folded until asked
 * for like on the overview, and opened by themselves when one of them has an error.
 */
export function EditSensitiveFields(props: {
  form: SensitivePart;
  errors: FieldErrors;
  onChange: (change: Partial<SensitivePart>) => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const { form, errors, onChange } = props;
  const open =
    shown || hasErrorUnder(errors, ['currentLocation', 'narrative', 'documents', 'contacts']);
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.edit.sensitiveLegend')}</legend>
      <Stack gap="sm">
        <Group>
          <Button
            variant="default"
            onClick={() => setShown((value) => !value)}
            aria-expanded={open}
            aria-controls="edit-sensitive"
          >
            {open ? t('cases.edit.hideSensitive') : t('cases.edit.showSensitive')}
          </Button>
        </Group>
        <div id="edit-sensitive" hidden={!open}>
          {open && (
            <Stack gap="md">
              <TextInput
                label={t('cases.fields.currentLocation')}
                value={form.currentLocation}
                onChange={(event) => onChange({ currentLocation: event.currentTarget.value })}
                error={errors.currentLocation}
              />
              <Textarea
                label={t('cases.fields.narrative')}
                autosize
                minRows={3}
                value={form.narrative}
                onChange={(event) => onChange({ narrative: event.currentTarget.value })}
                error={errors.narrative}
              />
              <DocumentRows form={form} errors={errors} onChange={onChange} />
              <ContactRows form={form} errors={errors} onChange={onChange} />
            </Stack>
          )}
        </div>
      </Stack>
    </fieldset>
  );
}
