import { Alert, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Question } from './interview-model';
import type { InstrumentView, PartResult, Screening } from './screening.schema';
import { InstrumentNotes } from './instrument-notes';
import { FINDING_LOOK, PART_LOOK, useKeyLabel } from './screening-labels';

function FindingPanel({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const finding = screening.finding ?? 'undetermined';
  const look = FINDING_LOOK[finding];
  return (
    <Alert
      color={look.color}
      icon={look.icon}
      variant="outline"
      title={t(`screening.findings.${finding}`)}
      data-testid="screening-finding"
      data-finding={finding}
    >
      <Stack gap={4}>
        <Text size="sm">{t(`screening.findingHelp.${finding}`)}</Text>
        <Text size="sm">
          {screening.strength
            ? t('screening.result.strength', {
                strength: t(`screening.strengths.${screening.strength}`),
              })
            : t('screening.result.noStrength')}
        </Text>
      </Stack>
    </Alert>
  );
}

/** The parts as boxes side by side (act, means, purpose): status in words and icon. */
function PartBoxes({ parts }: { parts: readonly PartResult[] }) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  return (
    <SimpleGrid cols={parts.length <= 3 ? parts.length : 2} spacing="xs" aria-hidden="true">
      {parts.map((part) => (
        <Paper
          key={part.key}
          withBorder
          p="xs"
          radius="md"
          className={`hw-part-box hw-part-${part.status}`}
        >
          <Text fw={700} size="sm">
            {label(part.key)}
          </Text>
          <Text size="sm" c={PART_LOOK[part.status].color} className="hw-inline-icon">
            {PART_LOOK[part.status].icon} {t(`screening.partStatuses.${part.status}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function PartDetail(props: {
  part: PartResult;
  questions: ReadonlyMap<string, Question>;
  lang: string;
}) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  const { part } = props;
  const look = PART_LOOK[part.status];
  return (
    <li className="hw-part-detail" data-testid="screening-part" data-status={part.status}>
      <Title order={4} className="hw-h4">
        {label(part.key)}
      </Title>
      <Text fw={700} c={look.color} className="hw-inline-icon">
        {look.icon} {t(`screening.partStatuses.${part.status}`)}
      </Text>
      {part.drivers.length === 0 ? (
        <Text size="sm">{t('screening.result.noDrivers')}</Text>
      ) : (
        <>
          <Text size="sm">{t(`screening.drivers.${part.status}`)}</Text>
          <List size="sm" spacing={2}>
            {part.drivers.map((id) => (
              <List.Item key={id} lang={props.lang} className="hw-name">
                {props.questions.get(id)?.question ?? id}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </li>
  );
}

/** The explained result: the finding, the rules and why, each part and what decided it. */
export function ScreeningResult(props: {
  screening: Screening;
  instrument: InstrumentView;
  lang: string;
}) {
  const { t } = useTranslation();
  const { screening, instrument } = props;
  const questions = new Map(instrument.indicators.map((q) => [q.id, q]));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="result-heading">
      <Stack gap="md">
        <Title order={2} className="hw-h2" id="result-heading" data-testid="result-heading">
          {t('screening.result.title')}
        </Title>
        <FindingPanel screening={screening} />
        <Text fw={700} data-testid="not-legal">
          {t('screening.notLegal')}
        </Text>
        <div>
          <Text fw={700}>{t(`screening.rules.${screening.rules}`)}</Text>
          <Text size="sm">{t(`screening.reasons.${screening.rulesReason}`)}</Text>
        </div>
        <Title order={3} className="hw-h3">
          {t('screening.result.parts')}
        </Title>
        <PartBoxes parts={screening.parts} />
        <ul className="hw-plain-list hw-part-list">
          {screening.parts.map((part) => (
            <PartDetail key={part.key} part={part} questions={questions} lang={props.lang} />
          ))}
        </ul>
        <Title order={3} className="hw-h3">
          {t('screening.result.instrument', {
            title: instrument.title,
            version: instrument.version,
          })}
        </Title>
        <div lang={props.lang} className="hw-name">
          <InstrumentNotes instrument={instrument} />
        </div>
      </Stack>
    </Paper>
  );
}
