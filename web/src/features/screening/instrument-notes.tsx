import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon, WarningIcon } from '@web/components/icons';
import type { InstrumentView } from './screening.schema';

/**
 * What the result rests on: built in or the organisation's own, the rule in words, whether it
 * was read in the source, and every caveat (project conventions, unverified weights), in the
 * interview language. Shown when choosing an instrument and with every result.
 */
export function InstrumentNotes({ instrument }: { instrument: InstrumentView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Badge variant="light" color="gray" className="hw-badge-wrap">
          {t(`screening.kinds.${instrument.kind}`)}
        </Badge>
        <Badge variant="light" color="gray" className="hw-badge-wrap">
          {t(`screening.owners.${instrument.owner}`)}
        </Badge>
        <Badge
          variant="outline"
          color={instrument.verified ? 'teal.9' : 'red.9'}
          leftSection={instrument.verified ? <CheckIcon /> : <WarningIcon />}
          className="hw-badge-wrap"
        >
          {instrument.verified ? t('screening.verified') : t('screening.unverified')}
        </Badge>
      </Group>
      <Text size="sm">
        <strong>{t('screening.ruleLabel')}</strong> {instrument.ruleSummary}
      </Text>
      {instrument.caveats.length > 0 && (
        <List size="sm" spacing={4} aria-label={t('screening.caveatsLabel')}>
          {instrument.caveats.map((caveat) => (
            <List.Item key={caveat}>{caveat}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
