import {
  Button,
  Collapse,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { groupOf, type AnswerDraft, type Question } from './interview-model';
import {
  ANSWER_VALUES,
  EVIDENCE_KINDS,
  MAX_EVIDENCE_NOTE,
  type AnswerValue,
  type EvidenceKind,
} from './screening.schema';
import { useKeyLabel } from './screening-labels';

export interface QuestionStepProps {
  question: Question;
  position: number;
  total: number;
  lang: string;
  answer: AnswerDraft | undefined;
  /** Evidence notes are sensitive: only for members who read sensitive fields. */
  canNote: boolean;
  onChange: (change: Partial<AnswerDraft>) => void;
}

function HelpText({ help, lang }: { help: string; lang: string }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <div>
      <UnstyledButton
        onClick={toggle}
        aria-expanded={opened}
        aria-controls="question-help"
        className="hw-disclosure"
      >
        {opened ? t('screening.interview.hideHelp') : t('screening.interview.showHelp')}
      </UnstyledButton>
      <Collapse expanded={opened}>
        <Text id="question-help" size="sm" lang={lang} className="hw-name hw-pre" mt={4}>
          {help}
        </Text>
      </Collapse>
    </div>
  );
}

function AnswerChoice(props: { value: AnswerValue | null; onChange: (v: AnswerValue) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('screening.interview.answerLegend')}
      description={t('screening.interview.unknownHint')}
      value={props.value}
      onChange={(value) => props.onChange(value)}
    >
      <Stack gap="xs" mt={6}>
        {ANSWER_VALUES.map((value) => (
          <Radio.Card key={value} value={value} radius="md" p="md" className="hw-answer-card">
            <Group wrap="nowrap" gap="sm">
              <Radio.Indicator size="md" />
              <Text fw={600} size="lg">
                {t(`screening.answers.${value}`)}
              </Text>
            </Group>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  );
}

function Evidence(props: Pick<QuestionStepProps, 'answer' | 'canNote' | 'onChange'>) {
  const { t } = useTranslation();
  const kind = props.answer?.evidenceKind ?? null;
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('screening.interview.evidenceKind')}
        value={kind ?? ''}
        disabled={!props.answer}
        onChange={(event) =>
          props.onChange({ evidenceKind: (event.currentTarget.value || null) as EvidenceKind })
        }
        data={[
          { value: '', label: t('screening.evidenceKinds.none') },
          ...EVIDENCE_KINDS.map((value) => ({
            value,
            label: t(`screening.evidenceKinds.${value}`),
          })),
        ]}
      />
      {props.canNote && kind !== null && (
        <Textarea
          label={t('screening.interview.evidenceNote')}
          description={t('screening.interview.evidenceNoteHelp')}
          autosize
          minRows={2}
          maxLength={MAX_EVIDENCE_NOTE}
          value={props.answer?.note ?? ''}
          onChange={(event) => props.onChange({ note: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}

/** One question on its own screen: progress, the question, help, the answer and its evidence. */
export function QuestionStep(props: QuestionStepProps) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  const { question, position, total } = props;
  const group = groupOf(question);
  // A new question takes focus, so a screen reader reads it and Tab starts from it.
  useEffect(() => heading.current?.focus(), [question.id]);
  const percent = Math.round(((position + 1) / total) * 100);
  return (
    <Paper withBorder p="md" radius="md" data-testid="question-step">
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" id="question-progress" data-testid="question-progress">
            {t('screening.interview.progress', { current: position + 1, total })}
          </Text>
          {/* The bar itself is the progressbar (Mantine puts the role on the section). */}
          <Progress.Root size="md">
            <Progress.Section value={percent} aria-labelledby="question-progress" />
          </Progress.Root>
        </Stack>
        <Text size="sm" fw={700} tt="uppercase" c="dimmed" data-testid="question-group">
          {t(`screening.interview.groupKinds.${group.kind}`, { name: label(group.key) })}
        </Text>
        <Title
          order={2}
          className="hw-h2 hw-name"
          lang={props.lang}
          ref={heading}
          tabIndex={-1}
          data-testid="question-text"
        >
          {question.question}
        </Title>
        <HelpText help={question.help} lang={props.lang} />
        <AnswerChoice
          value={props.answer?.answer ?? null}
          onChange={(answer) => props.onChange({ answer })}
        />
        <Evidence answer={props.answer} canNote={props.canNote} onChange={props.onChange} />
      </Stack>
    </Paper>
  );
}

export function StepButtons(props: {
  onBack: (() => void) | null;
  onNext: () => void;
  nextLabel: string;
  onLeave: () => void;
  /** Straight back to the summary, once every question has an answer. */
  onSummary: (() => void) | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="sm">
        {props.onBack && (
          <Button variant="default" onClick={props.onBack}>
            {t('screening.interview.back')}
          </Button>
        )}
        <Button onClick={props.onNext}>{props.nextLabel}</Button>
        {props.onSummary && (
          <Button variant="light" onClick={props.onSummary}>
            {t('screening.interview.toSummary')}
          </Button>
        )}
      </Group>
      <Button variant="subtle" onClick={props.onLeave} loading={props.busy}>
        {t('screening.interview.saveLeave')}
      </Button>
    </Group>
  );
}
