import { useEffect, useMemo, useRef, useState } from 'react';
import {
  firstUnanswered,
  fromAnswerViews,
  questionsFor,
  toAnswerInputs,
  withAnswer,
  type AnswerDraft,
  type Answers,
} from './interview-model';
import { updateScreening } from './screening.api';
import type { InstrumentView, Screening, ScreeningUpdate } from './screening.schema';
import { ScreeningSaver, type SaveState } from './screening-saver';

/** How long answers wait before they are saved without a Next (ms). */
export const SAVE_DELAY_MS = 600;

/**
 * The state of an interview in progress: its answers and statement as the server has them, the
 * question on screen (the first unanswered when opened; `questions.length` is the summary), and a
 * saver that sends each change to the server (debounced; at once on Next and Save and leave).
 */
export function useInterview(caseId: string, screening: Screening, instrument: InstrumentView) {
  const questions = useMemo(
    () => questionsFor(instrument, screening.rules),
    [instrument, screening.rules],
  );
  const [answers, setAnswers] = useState<Answers>(() => fromAnswerViews(screening.answers));
  const [statement, setStatement] = useState(screening.statement ?? '');
  const [step, setStep] = useState(() => firstUnanswered(questions, answers));
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const latest = useRef({ answers, statement });
  const saver = useMemo(
    () =>
      new ScreeningSaver(screening.version, {
        delayMs: SAVE_DELAY_MS,
        onState: (state) => setSaveState(state),
        send: (body, version) =>
          updateScreening(caseId, screening.id, { ...body, version }).then((s) => s.version),
      }),
    [caseId, screening.id, screening.version],
  );
  // Leaving the tab or the case sends what is still waiting.
  useEffect(() => () => void saver.flush(), [saver]);

  const body = (): ScreeningUpdate => ({
    answers: toAnswerInputs(questions, latest.current.answers),
    statement: latest.current.statement.trim() === '' ? null : latest.current.statement,
  });
  const change = (indicatorId: string, patch: Partial<AnswerDraft>) => {
    const next = withAnswer(latest.current.answers, indicatorId, patch);
    latest.current = { ...latest.current, answers: next };
    setAnswers(next);
    saver.schedule(body());
  };
  const changeStatement = (text: string) => {
    latest.current = { ...latest.current, statement: text };
    setStatement(text);
    saver.schedule(body());
  };
  const goTo = (position: number) => {
    setStep(Math.max(0, Math.min(position, questions.length)));
    window.scrollTo({ top: 0 });
    void saver.flush();
  };
  return {
    questions,
    answers,
    statement,
    step,
    saveState,
    saver,
    body,
    change,
    changeStatement,
    goTo,
  };
}

export type Interview = ReturnType<typeof useInterview>;
