import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  LocalizedInput,
  PathError,
  PathInput,
  PathSelect,
  patchAt,
  useInstrumentForm,
} from './form-context';
import { emptyTexts, newUid, type SourceForm } from './instrument-form-model';
import { SOURCE_STATUSES } from './instruments.schema';

function RemoveButton(props: { label: string; onClick: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      color="red"
      c={props.disabled ? undefined : 'red.9'}
      size="compact-sm"
      aria-label={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {t('instruments.form.remove')}
    </Button>
  );
}

export { RemoveButton };

function SourceRow({ source, index }: { source: SourceForm; index: number }) {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const set = (patch: Partial<SourceForm>) =>
    change((f) => ({ ...f, sources: patchAt(f.sources, index, (s) => ({ ...s, ...patch })) }));
  const path = `sources.${index}`;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="source-row">
      <Stack gap="xs">
        <PathInput
          path={`${path}.key`}
          label={t('instruments.form.sourceKey')}
          description={t('instruments.form.sourceKeyHint')}
          required
          value={source.key}
          onChange={(key) => set({ key })}
        />
        <PathInput
          path={`${path}.citation`}
          label={t('instruments.form.citation')}
          required
          value={source.citation}
          onChange={(citation) => set({ citation })}
        />
        <PathInput
          path={`${path}.url`}
          label={t('instruments.form.url')}
          value={source.url}
          onChange={(url) => set({ url })}
        />
        <PathSelect
          path={`${path}.status`}
          label={t('instruments.form.sourceStatus')}
          value={source.status}
          options={SOURCE_STATUSES.map((s) => ({
            value: s,
            label: t(`instruments.sourceStatus.${s}`),
          }))}
          onChange={(status) => set({ status })}
        />
        <Group justify="flex-end">
          <RemoveButton
            label={t('instruments.form.removeSource', { n: index + 1 })}
            disabled={form.sources.length <= 1}
            onClick={() =>
              change((f) => ({ ...f, sources: f.sources.filter((_, i) => i !== index) }))
            }
          />
        </Group>
      </Stack>
    </Paper>
  );
}

export function SourcesFields() {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const add = () =>
    change((f) => ({
      ...f,
      sources: [
        ...f.sources,
        { uid: newUid(), key: '', citation: '', url: '', status: 'unverified' },
      ],
    }));
  return (
    <Stack gap="sm">
      <PathError path="sources" />
      {form.sources.map((source, index) => (
        <SourceRow key={source.uid} source={source} index={index} />
      ))}
      <Group>
        <Button variant="default" onClick={add}>
          {t('instruments.form.addSource')}
        </Button>
      </Group>
    </Stack>
  );
}

export function DimensionsFields() {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const add = () =>
    change((f) => ({
      ...f,
      dimensions: [...f.dimensions, { uid: newUid(), key: '', title: emptyTexts() }],
    }));
  return (
    <Stack gap="sm">
      <Text size="sm">{t('instruments.form.dimensionsHint')}</Text>
      <PathError path="dimensions" />
      {form.dimensions.map((dim, index) => (
        <Paper key={dim.uid} withBorder p="sm" radius="md" data-testid="dimension-row">
          <Stack gap="xs">
            <PathInput
              path={`dimensions.${index}.key`}
              label={t('instruments.form.dimensionKey')}
              description={t('instruments.form.keyHint')}
              required
              value={dim.key}
              onChange={(key) =>
                change((f) => ({
                  ...f,
                  dimensions: patchAt(f.dimensions, index, (d) => ({ ...d, key })),
                }))
              }
            />
            <LocalizedInput
              path={`dimensions.${index}.title`}
              label={t('instruments.form.dimensionTitle')}
              value={dim.title}
              onChange={(title) =>
                change((f) => ({
                  ...f,
                  dimensions: patchAt(f.dimensions, index, (d) => ({ ...d, title })),
                }))
              }
            />
            <Group justify="flex-end">
              <RemoveButton
                label={t('instruments.form.removeDimension', { n: index + 1 })}
                disabled={form.dimensions.length <= 1}
                onClick={() =>
                  change((f) => ({ ...f, dimensions: f.dimensions.filter((_, i) => i !== index) }))
                }
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={add}>
          {t('instruments.form.addDimension')}
        </Button>
      </Group>
    </Stack>
  );
}

export function CaveatsFields() {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('instruments.form.caveatsHint')}</Text>
      {form.caveats.map((caveat, index) => (
        <Paper key={caveat.uid} withBorder p="sm" radius="md">
          <LocalizedInput
            path={`caveats.${index}`}
            label={t('instruments.form.caveat', { n: index + 1 })}
            multiline
            value={caveat.text}
            onChange={(text) =>
              change((f) => ({ ...f, caveats: patchAt(f.caveats, index, (c) => ({ ...c, text })) }))
            }
          />
          <Group justify="flex-end" mt="xs">
            <RemoveButton
              label={t('instruments.form.removeCaveat', { n: index + 1 })}
              onClick={() =>
                change((f) => ({ ...f, caveats: f.caveats.filter((_, i) => i !== index) }))
              }
            />
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            change((f) => ({
              ...f,
              caveats: [...f.caveats, { uid: newUid(), text: emptyTexts() }],
            }))
          }
        >
          {t('instruments.form.addCaveat')}
        </Button>
      </Group>
    </Stack>
  );
}
