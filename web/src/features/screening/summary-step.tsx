import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { groupQuestions, type Answers, type Question } from './interview-model';
import { MAX_STATEMENT } from './screening.schema';
import { useKeyLabel } from './screening-labels';

export interface SummaryStepProps {
  questions: readonly Question[];
  answers: Answers;
  lang: string;
  statement: string;
  onStatementChange: (statement: string) => void;
  onChange: (position: number) => void;
  onComplete: () => void;
  onBack: () => void;
  busy: boolean;
}

function AnswerRow(props: {
  question: Question;
  position: number;
  answers: Answers;
  lang: string;
  onChange: (position: number) => void;
}) {
  const { t } = useTranslation();
  const { question } = props;
  const draft = props.answers[question.id];
  return (
    <li className="hw-summary-row" data-testid="summary-answer">
      <Text lang={props.lang} className="hw-name">
        {question.question}
      </Text>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text fw={700} data-answer={draft?.answer ?? 'none'}>
          {draft ? t(`screening.answers.${draft.answer}`) : t('screening.summary.notAnswered')}
          {draft?.evidenceKind && (
            <Text span fw={400} size="sm">
              {' · '}
              {t(`screening.evidenceKinds.${draft.evidenceKind}`)}
            </Text>
          )}
        </Text>
        <Anchor
          component="button"
          type="button"
          className="hw-touch-link"
          onClick={() => props.onChange(props.position)}
          aria-label={t('screening.summary.changeLabel', { position: props.position + 1 })}
        >
          {t('screening.summary.change')}
        </Anchor>
      </Group>
    </li>
  );
}

/** Every answer by element or dimension, with a way back to each; the statement; Complete. */
export function SummaryStep(props: SummaryStepProps) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const open = props.questions.filter((q) => !props.answers[q.id]).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid="screening-summary">
      <Stack gap="md">
        <Title order={2} className="hw-h2" ref={heading} tabIndex={-1}>
          {t('screening.summary.title')}
        </Title>
        <Text>{t('screening.summary.intro')}</Text>
        {open > 0 && <Text fw={700}>{t('screening.summary.unanswered', { count: open })}</Text>}
        {groupQuestions(props.questions).map((group) => (
          <section key={`${group.kind}:${group.key}`} aria-labelledby={`group-${group.key}`}>
            <Title order={3} className="hw-h3" id={`group-${group.key}`}>
              {t(`screening.interview.groupKinds.${group.kind}`, { name: label(group.key) })}
            </Title>
            <ul className="hw-summary-list">
              {group.positions.map((position) => (
                <AnswerRow
                  key={position}
                  question={props.questions[position]!}
                  position={position}
                  answers={props.answers}
                  lang={props.lang}
                  onChange={props.onChange}
                />
              ))}
            </ul>
          </section>
        ))}
        <Textarea
          label={t('screening.statement.label')}
          description={t('screening.statement.help')}
          autosize
          minRows={4}
          maxLength={MAX_STATEMENT}
          value={props.statement}
          onChange={(event) => props.onStatementChange(event.currentTarget.value)}
        />
        <Text size="sm">{t('screening.summary.completeHelp')}</Text>
        <Group gap="sm">
          <Button variant="default" onClick={props.onBack}>
            {t('screening.summary.backToQuestions')}
          </Button>
          <Button onClick={props.onComplete} loading={props.busy}>
            {t('screening.summary.complete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
