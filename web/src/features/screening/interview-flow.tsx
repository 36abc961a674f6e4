import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { navigate } from '@web/lib/router';
import { updateScreening } from './screening.api';
import type { InstrumentView, Screening } from './screening.schema';
import type { SaveState } from './screening-saver';
import { screeningPath } from './screening-paths';
import { QuestionStep, StepButtons } from './question-step';
import { SummaryStep } from './summary-step';
import { useInterview } from './use-interview';

function SaveNotice({ state, onReload }: { state: SaveState; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status" aria-live="polite" data-testid="save-state" data-state={state}>
      <Text size="sm">{t(`screening.saveStates.${state}`)}</Text>
      {state === 'conflict' && (
        <Anchor component="button" type="button" size="sm" onClick={onReload}>
          {t('screening.interview.reload')}
        </Anchor>
      )}
    </Group>
  );
}

/** The interview in progress: one question per screen, then the summary; saved as it goes. */
export function InterviewFlow(props: {
  caseId: string;
  screening: Screening;
  instrument: InstrumentView;
  lang: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const interview = useInterview(props.caseId, props.screening, props.instrument);
  const { questions, step, saver } = interview;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const question = questions[step];
  const allAnswered = questions.every((q) => interview.answers[q.id] !== undefined);

  const handleLeave = async () => {
    setBusy(true);
    await saver.flush();
    setBusy(false);
    if (!saver.unsaved) {
      navigate(screeningPath(props.caseId));
    }
  };
  const handleComplete = async () => {
    setBusy(true);
    setStatus(null);
    try {
      await saver.flush();
      const body = { ...interview.body(), status: 'complete' as const, version: saver.version };
      await updateScreening(props.caseId, props.screening.id, body);
      saver.stop();
      props.onReload();
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <SaveNotice state={interview.saveState} onReload={props.onReload} />
      {question ? (
        <>
          <QuestionStep
            question={question}
            position={step}
            total={questions.length}
            lang={props.lang}
            answer={interview.answers[question.id]}
            canNote={hasPermission(me, 'case.read_sensitive')}
            onChange={(change) => interview.change(question.id, change)}
          />
          <StepButtons
            onBack={step > 0 ? () => interview.goTo(step - 1) : null}
            onNext={() => interview.goTo(step + 1)}
            nextLabel={
              step + 1 < questions.length
                ? t('screening.interview.next')
                : t('screening.interview.toSummary')
            }
            onLeave={() => void handleLeave()}
            onSummary={
              step + 1 < questions.length && allAnswered
                ? () => interview.goTo(questions.length)
                : null
            }
            busy={busy}
          />
        </>
      ) : (
        <SummaryStep
          questions={questions}
          answers={interview.answers}
          lang={props.lang}
          statement={interview.statement}
          onStatementChange={interview.changeStatement}
          onChange={interview.goTo}
          onBack={() => interview.goTo(interview.questions.length - 1)}
          onComplete={() => void handleComplete()}
          busy={busy}
        />
      )}
      <StatusMessage status={status} />
    </Stack>
  );
}
