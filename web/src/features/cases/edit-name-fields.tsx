import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@web/lib/errors';
import { useNameFonts } from '@web/lib/script-fonts';
import { SCRIPTS } from './cases.schema';
import { scriptName } from './case-ui';
import { rowKey, type NameKind, type NameRow } from './case-edit-model';
import { EditRowList } from './edit-row-list';

/** The server keeps at most this many names per person. */
const MAX_NAMES = 20;

function NameInputs(props: {
  row: NameRow;
  index: number;
  errors: FieldErrors;
  firstFieldId?: string;
  onChange: (change: Partial<NameRow>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { row, index, errors } = props;
  const path = `names.${index}`;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id={props.firstFieldId}
          label={t('cases.fields.given')}
          value={row.given}
          onChange={(event) => props.onChange({ given: event.currentTarget.value })}
          error={errors[`${path}.given`]}
          autoComplete="off"
          classNames={{ input: 'hw-name' }}
        />
        <TextInput
          label={t('cases.fields.family')}
          value={row.family}
          onChange={(event) => props.onChange({ family: event.currentTarget.value })}
          error={errors[`${path}.family`]}
          autoComplete="off"
          classNames={{ input: 'hw-name' }}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('cases.fields.script')}
        value={row.script}
        onChange={(event) => props.onChange({ script: event.currentTarget.value })}
        data={SCRIPTS.map((code) => ({
          value: code,
          label: scriptName(code, i18n.language, t('cases.scriptOther')),
        }))}
        error={errors[`${path}.script`]}
      />
    </>
  );
}

/**
 * The person's names: the name they gave first, then other names (aliases, and the same name in
 * another script), each as entered.
 */
export function EditNameFields(props: {
  names: NameRow[];
  errors: FieldErrors;
  onChange: (names: NameRow[]) => void;
}) {
  const { t } = useTranslation();
  const { names, errors } = props;
  const [primary, ...others] = names;
  useNameFonts(names.flatMap((row) => [row.given, row.family]));
  const update = (key: string, change: Partial<NameRow>) =>
    props.onChange(names.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <fieldset className="hw-fieldset" data-testid="edit-names">
      <legend>{t('cases.edit.namesLegend')}</legend>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cases.register.nameHint')}
      </Text>
      <Stack gap="sm">
        {primary && (
          <NameInputs
            row={primary}
            index={0}
            errors={errors}
            onChange={(change) => update(primary.key, change)}
          />
        )}
        <EditRowList
          rows={others}
          idPrefix="edit-name"
          testId="other-name"
          max={MAX_NAMES - 1}
          rowLabel={(index) => t('cases.edit.otherName', { number: index + 1 })}
          removeLabel={(index) => t('cases.edit.removeName', { number: index + 1 })}
          addLabel={t('cases.edit.addName')}
          onAdd={() =>
            props.onChange([
              ...names,
              { key: rowKey(), kind: 'alias', given: '', family: '', script: 'Latn' },
            ])
          }
          onRemove={(key) => props.onChange(names.filter((row) => row.key !== key))}
          renderRow={(row, index, firstFieldId) => (
            <>
              <NativeSelect
                id={firstFieldId}
                label={t('cases.edit.nameKind')}
                value={row.kind}
                onChange={(event) =>
                  update(row.key, { kind: event.currentTarget.value as NameKind })
                }
                data={[
                  { value: 'alias', label: t('cases.nameKinds.alias') },
                  { value: 'transliteration', label: t('cases.nameKinds.transliteration') },
                ]}
              />
              <NameInputs
                row={row}
                index={index + 1}
                errors={errors}
                onChange={(change) => update(row.key, change)}
              />
            </>
          )}
        />
      </Stack>
    </fieldset>
  );
}
