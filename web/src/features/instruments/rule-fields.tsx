import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  LocalizedInput,
  PathChecks,
  PathError,
  PathInput,
  patchAt,
  pathId,
  useInstrumentForm,
} from './form-context';
import {
  emptyTexts,
  newClause,
  newTerm,
  newUid,
  type ClauseForm,
  type PartForm,
  type RequirementForm,
} from './instrument-form-model';
import { RemoveButton } from './list-fields';
import { ELEMENTS, STRENGTHS, type Element, type Strength } from './instruments.schema';

/** A threshold: any one option holds; an option holds when each of its conditions does. */
function ThresholdEditor(props: {
  path: string;
  clauses: ClauseForm[];
  onChange: (clauses: ClauseForm[]) => void;
}) {
  const { t } = useTranslation();
  const strengths = STRENGTHS.map((s) => ({ value: s, label: t(`instruments.strength.${s}`) }));
  const setClause = (c: number, clause: ClauseForm) =>
    props.onChange(patchAt(props.clauses, c, () => clause));
  return (
    <Stack gap="xs">
      <PathError path={props.path} />
      {props.clauses.map((clause, c) => (
        <Paper key={clause.uid} withBorder p="sm" radius="md" data-testid="threshold-clause">
          <Text fw={600}>{t('instruments.form.clause', { n: c + 1 })}</Text>
          <PathError path={`${props.path}.anyOf.${c}`} />
          {clause.terms.map((term, i) => {
            const path = `${props.path}.anyOf.${c}.${i}`;
            const setTerm = (patch: Partial<typeof term>) =>
              setClause(c, {
                ...clause,
                terms: patchAt(clause.terms, i, (x) => ({ ...x, ...patch })),
              });
            return (
              <Stack key={term.uid} gap={4} mt="xs">
                <PathInput
                  path={`${path}.atLeast`}
                  label={t('instruments.form.atLeast')}
                  inputMode="numeric"
                  required
                  value={term.atLeast}
                  onChange={(atLeast) => setTerm({ atLeast })}
                />
                <PathChecks
                  path={`${path}.strengths`}
                  legend={t('instruments.form.strengthsCounted')}
                  values={term.strengths}
                  options={strengths}
                  onChange={(values) => setTerm({ strengths: values as Strength[] })}
                />
                <Group justify="flex-end">
                  <RemoveButton
                    label={t('instruments.form.removeTerm', { n: i + 1 })}
                    disabled={clause.terms.length <= 1}
                    onClick={() =>
                      setClause(c, { ...clause, terms: clause.terms.filter((_, j) => j !== i) })
                    }
                  />
                </Group>
              </Stack>
            );
          })}
          <Group mt="xs" justify="space-between">
            <Button
              variant="default"
              size="compact-sm"
              onClick={() =>
                setClause(c, { ...clause, terms: [...clause.terms, newTerm(['medium'])] })
              }
            >
              {t('instruments.form.addTerm')}
            </Button>
            <RemoveButton
              label={t('instruments.form.removeClause', { n: c + 1 })}
              disabled={props.clauses.length <= 1}
              onClick={() => props.onChange(props.clauses.filter((_, j) => j !== c))}
            />
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => props.onChange([...props.clauses, newClause()])}>
          {t('instruments.form.addClause')}
        </Button>
      </Group>
    </Stack>
  );
}

function PartScope({ part, index }: { part: PartForm; index: number }) {
  const { t } = useTranslation();
  const { form, change, errors } = useInstrumentForm();
  const path = `rule.parts.${index}`;
  const set = (patch: Partial<PartForm>) =>
    change((f) => ({ ...f, parts: patchAt(f.parts, index, (p) => ({ ...p, ...patch })) }));
  return (
    <>
      <NativeSelect
        id={pathId(`${path}.by`)}
        label={t('instruments.form.partBy')}
        value={part.by}
        data={[
          { value: 'element', label: t('instruments.form.partByElement') },
          { value: 'dimensions', label: t('instruments.form.partByDimensions') },
        ]}
        onChange={(event) => set({ by: event.currentTarget.value as PartForm['by'] })}
      />
      {part.by === 'element' ? (
        <NativeSelect
          id={pathId(`${path}.element`)}
          label={t('instruments.form.element')}
          value={part.element}
          error={errors[`${path}.element`]}
          data={[
            { value: '', label: t('instruments.form.chooseElement') },
            ...ELEMENTS.map((e) => ({ value: e, label: t(`instruments.elements.${e}`) })),
          ]}
          onChange={(event) => set({ element: event.currentTarget.value as Element | '' })}
        />
      ) : (
        <PathChecks
          path={`${path}.dimensions`}
          legend={t('instruments.form.partDimensions')}
          values={part.dimensions}
          options={form.dimensions.map((d) => ({ value: d.key, label: d.title.en || d.key }))}
          onChange={(dimensions) => set({ dimensions })}
        />
      )}
    </>
  );
}

function PartRow({ part, index }: { part: PartForm; index: number }) {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const path = `rule.parts.${index}`;
  const set = (patch: Partial<PartForm>) =>
    change((f) => ({ ...f, parts: patchAt(f.parts, index, (p) => ({ ...p, ...patch })) }));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="part-row">
      <Stack gap="xs">
        <PathError path={path} />
        <PathInput
          path={`${path}.key`}
          label={t('instruments.form.partKey')}
          description={t('instruments.form.keyHint')}
          required
          value={part.key}
          onChange={(key) => set({ key })}
        />
        <LocalizedInput
          path={`${path}.title`}
          label={t('instruments.form.partTitle')}
          value={part.title}
          onChange={(title) => set({ title })}
        />
        <PartScope part={part} index={index} />
        <Checkbox
          label={t('instruments.form.ownThreshold')}
          checked={part.threshold !== null}
          onChange={(event) =>
            set({ threshold: event.currentTarget.checked ? [newClause()] : null })
          }
        />
        {part.threshold && (
          <ThresholdEditor
            path={`${path}.threshold`}
            clauses={part.threshold}
            onChange={(threshold) => set({ threshold })}
          />
        )}
        <Group justify="flex-end">
          <RemoveButton
            label={t('instruments.form.removePart', { n: index + 1 })}
            disabled={form.parts.length <= 1}
            onClick={() => change((f) => ({ ...f, parts: f.parts.filter((_, i) => i !== index) }))}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

function Requirements({ rules }: { rules: 'adult' | 'child' }) {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const setAll = (next: RequirementForm[]) => change((f) => ({ ...f, [rules]: next }));
  const items = form[rules];
  const options = form.parts.map((p) => ({ value: p.key, label: p.title.en || p.key }));
  return (
    <Stack gap="xs">
      <Text fw={600}>{t(`instruments.form.requires.${rules}`)}</Text>
      {items.map((req, i) => (
        <Paper key={req.uid} withBorder p="sm" radius="md">
          <PathChecks
            path={`rule.requires.${rules}.${i}`}
            legend={t('instruments.form.requirement', { n: i + 1 })}
            values={req.parts}
            options={options}
            onChange={(parts) => setAll(patchAt(items, i, (r) => ({ ...r, parts })))}
          />
          <Group justify="flex-end">
            <RemoveButton
              label={t('instruments.form.removeRequirement', { n: i + 1 })}
              disabled={items.length <= 1}
              onClick={() => setAll(items.filter((_, j) => j !== i))}
            />
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => setAll([...items, { uid: newUid(), parts: [] }])}>
          {t('instruments.form.addRequirement')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The combination rule: the threshold, the parts it scores, what the finding needs. */
export function RuleFields() {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const addPart = () =>
    change((f) => ({
      ...f,
      parts: [
        ...f.parts,
        {
          uid: newUid(),
          key: '',
          title: emptyTexts(),
          by: 'dimensions',
          element: '',
          dimensions: [],
          threshold: null,
        },
      ],
    }));
  return (
    <Stack gap="md">
      <Text size="sm">{t('instruments.form.thresholdHint')}</Text>
      <ThresholdEditor
        path="rule.threshold"
        clauses={form.threshold}
        onChange={(threshold) => change((f) => ({ ...f, threshold }))}
      />
      <Text fw={600}>{t('instruments.form.parts')}</Text>
      <PathError path="rule.parts" />
      {form.parts.map((part, index) => (
        <PartRow key={part.uid} part={part} index={index} />
      ))}
      <Group>
        <Button variant="default" onClick={addPart}>
          {t('instruments.form.addPart')}
        </Button>
      </Group>
      <Requirements rules="adult" />
      <Requirements rules="child" />
      <LocalizedInput
        path="rule.summary"
        label={t('instruments.form.summary')}
        multiline
        value={form.summary}
        onChange={(summary) => change((f) => ({ ...f, summary }))}
      />
    </Stack>
  );
}
