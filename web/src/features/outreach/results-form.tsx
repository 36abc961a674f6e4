import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { putResults } from './outreach.api';
import { formatScore } from './outreach-labels';
import { ResultInputSchema, type Quiz, type QuizPhase, type Session } from './outreach.schema';
import { useOutreachSubmit } from './use-outreach-submit';

/** The form's numbers as typed: forms handed in, and right answers per question id. */
interface Counts {
  respondents: string;
  correct: Record<string, string>;
}

function initialCounts(session: Session, phase: QuizPhase): Counts {
  const result = session.results[phase];
  return {
    respondents: result ? String(result.respondents) : '',
    correct: Object.fromEntries(
      result?.correct.map((c) => [c.questionId, String(c.correct)]) ?? [],
    ),
  };
}

/** Questions left blank were not asked; the others are counted. */
function toInput(quiz: Quiz, counts: Counts) {
  const asked = quiz.questions.filter((q) => (counts.correct[q.id] ?? '').trim() !== '');
  return {
    quizId: quiz.id,
    language: quiz.language,
    respondents: counts.respondents.trim() === '' ? undefined : Number(counts.respondents),
    correct: asked.map((q) => ({ questionId: q.id, correct: Number(counts.correct[q.id]) })),
  };
}

/**
 * The tallied paper forms of one phase (before or after the session): how many forms were
 * handed in and, per question, how many had it right. A facilitator with a pile of paper in a
 * classroom counts per question, so nothing is entered per pupil and no answer names anyone.
 */
export function ResultsForm(props: {
  session: Session;
  quiz: Quiz;
  phase: QuizPhase;
  onSaved: (session: Session) => void;
}) {
  const { t, i18n } = useTranslation();
  const { session, quiz, phase } = props;
  const [counts, setCounts] = useState(() => initialCounts(session, phase));
  const form = useOutreachSubmit(ResultInputSchema, (input) =>
    putResults(session.id, phase, input),
  );
  const result = session.results[phase];
  const id = `outreach-results-${phase}`;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(toInput(quiz, counts));
    if (saved) {
      props.onSaved(saved);
      form.setStatus({ tone: 'success', message: t('outreach.results.saved') });
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {t(`outreach.phases.${phase}`)}
      </Title>
      <Text size="sm" mb="sm" data-testid={`outreach-score-${phase}`}>
        {result
          ? t('outreach.results.score', {
              score: formatScore(result.score, i18n.language),
              count: result.respondents,
            })
          : t('outreach.results.notRecorded')}
      </Text>
      <form
        onSubmit={(event) => void handleSubmit(event)}
        noValidate
        data-testid={`outreach-results-form-${phase}`}
      >
        <Stack gap="sm">
          <TextInput
            label={t('outreach.results.respondents')}
            type="number"
            inputMode="numeric"
            min={1}
            required
            value={counts.respondents}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setCounts((c) => ({ ...c, respondents: value }));
            }}
            error={form.errors.respondents}
          />
          {quiz.questions.map((q, i) => (
            <TextInput
              key={q.id}
              lang={quiz.language}
              label={`${i + 1}. ${q.text}`}
              description={t('outreach.results.answer', {
                answer: q.choices.find((c) => c.id === q.answer)?.text ?? q.answer,
              })}
              type="number"
              inputMode="numeric"
              min={0}
              value={counts.correct[q.id] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setCounts((c) => ({ ...c, correct: { ...c.correct, [q.id]: value } }));
              }}
            />
          ))}
          <StatusMessage status={form.status} testId={`outreach-results-status-${phase}`} />
          <Group>
            <Button type="submit" loading={form.busy}>
              {t('outreach.results.save', { phase: t(`outreach.phases.${phase}`) })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
