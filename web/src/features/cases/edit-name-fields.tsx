import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@web/lib/errors';
import { rowKey, type NameRow } from './case-edit-model';
import { EditRowList } from './edit-row-list';
import { NameKindSelect, NameRowFields, NamesFieldset } from './person-fields';

/** The server keeps at most this many names per person. */
const MAX_NAMES = 20;

/** The errors of name row `index`, addressed by form path (`names.1.given`). */
function rowErrors(errors: FieldErrors, index: number) {
  const path = `names.${index}`;
  return {
    given: errors[`${path}.given`],
    family: errors[`${path}.family`],
    script: errors[`${path}.script`],
  };
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
  const update = (key: string, change: Partial<NameRow>) =>
    props.onChange(names.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <NamesFieldset
      legend={t('cases.edit.namesLegend')}
      texts={names.flatMap((row) => [row.given, row.family])}
      testId="edit-names"
    >
      {primary && (
        <NameRowFields
          values={primary}
          errors={rowErrors(errors, 0)}
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
            <NameKindSelect
              id={firstFieldId}
              label={t('cases.edit.nameKind')}
              value={row.kind}
              kinds={['alias', 'transliteration']}
              onChange={(kind) => update(row.key, { kind })}
            />
            <NameRowFields
              values={row}
              errors={rowErrors(errors, index + 1)}
              onChange={(change) => update(row.key, change)}
            />
          </>
        )}
      />
    </NamesFieldset>
  );
}
