import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatDate, formatYear } from '@web/lib/format';
import { getAssessment, listCaseTasks, listConsents, listEvents } from './cases.api';
import type { Assessment, Case, CaseEvent, ConsentView, Task } from './cases.schema';
import { caseName } from './case-ui';
import { countryName } from './countries';
import { usePrintForm } from './consent-print';

/** What the printed summary shows beside the record; a part the role may not read stays empty. */
interface SummaryParts {
  events: CaseEvent[];
  assessment: Assessment | null;
  tasks: Task[];
  consents: ConsentView[];
}

async function loadParts(caseId: string): Promise<SummaryParts> {
  const [events, assessment, tasks, consents] = await Promise.allSettled([
    listEvents(caseId, null),
    getAssessment(caseId),
    listCaseTasks(caseId, null),
    listConsents(caseId),
  ]);
  const value = <T,>(result: PromiseSettledResult<T>): T | null =>
    result.status === 'fulfilled' ? result.value : null;
  return {
    events: value(events)?.items ?? [],
    assessment: value(assessment),
    tasks: (value(tasks)?.items ?? []).filter((task) => task.status === 'open'),
    consents: value(consents)?.items ?? [],
  };
}

function Section(props: { title: string; items: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="hw-print-keep">
      <Title order={2} size="h4" mt="sm">
        {props.title}
      </Title>
      {props.items.length === 0 ? (
        <Text size="sm">{t('cases.print.noItems')}</Text>
      ) : (
        <ul className="hw-print-list">
          {props.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The whole case on paper: the person, risk, journey, needs and plan, open tasks, consent. */
function CaseSummaryPrint(props: { record: Case; parts: SummaryParts }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { record, parts } = props;
  const date = (value: string | null) => (value ? formatDate(value, lang) : '');
  const facts: [string, string][] = [
    [t('cases.fields.caseNumber'), record.caseNumber],
    [t('cases.fields.status'), t(`cases.statuses.${record.status}`)],
    [t('cases.fields.stage'), record.stage ? t(`cases.stages.${record.stage}`) : ''],
    [t('cases.fields.nationality'), countryName(record.nationality, lang)],
    [t('cases.fields.birthYearShown'), formatYear(record.birthYear, lang)],
    [t('cases.fields.risk'), t(`cases.riskLevels.${record.riskLevel}`)],
    [t('cases.fields.assignees'), record.assignees.map((a) => a.displayName).join(', ')],
  ];
  const needs = (parts.assessment?.needs ?? []).filter((need) => need.level !== 'unknown');
  return createPortal(
    <div className="hw-print-only hw-print-form hw-name" data-testid="case-print-summary">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('cases.print.title')}: {caseName(record)}
        </Title>
        <dl className="hw-facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <Section
          title={t('cases.fields.retrafficking')}
          items={record.retraffickingRisk.factors.map((factor) =>
            t(`cases.riskFactors.${factor}`, { defaultValue: factor }),
          )}
        />
        <Section
          title={t('cases.tabs.journey')}
          items={parts.events.map((event) =>
            [
              date(event.occurredOn),
              t(`cases.stages.${event.stage}`),
              t(`journey.types.${event.type}`, { defaultValue: event.type }),
              event.outcome ?? '',
            ]
              .filter(Boolean)
              .join(' · '),
          )}
        />
        <Section
          title={t('cases.print.needs')}
          items={needs.map(
            (need) =>
              `${t(`assessment.domains.${need.domain}`)}: ${t(`assessment.levels.${need.level}`)}`,
          )}
        />
        <Section
          title={t('cases.print.plan')}
          items={(parts.assessment?.plan ?? []).map((item) =>
            [t(`assessment.domains.${item.domain}`), item.action ?? '', date(item.dueOn)]
              .filter(Boolean)
              .join(' · '),
          )}
        />
        <Section
          title={t('cases.tabs.tasks')}
          items={parts.tasks.map((task) =>
            [task.title ?? '', task.dueOn ? t('cases.print.due', { date: date(task.dueOn) }) : '']
              .filter(Boolean)
              .join(' · '),
          )}
        />
        <Section
          title={t('cases.tabs.consent')}
          items={parts.consents.map((consent) =>
            [
              t(`consent.purposes.${consent.purpose}`),
              t(`consent.statuses.${consent.status}`),
              consent.recipientName ?? '',
              date(consent.recordedAt),
            ]
              .filter(Boolean)
              .join(' · '),
          )}
        />
      </Stack>
    </div>,
    document.body,
  );
}

/**
 * "Print case summary": loads every part of the record (not only the open tab) and prints it as
 * one summary, with the confidentiality footer of the case page in the page margin.
 */
export function PrintCaseSummary({ record }: { record: Case }) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<SummaryParts | null>(null);
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePrintForm(printedAt, () => {
    setPrintedAt(null);
    setParts(null);
  }, [caseName(record)]);
  const handlePrint = async () => {
    setBusy(true);
    try {
      setParts(await loadParts(record.id));
      setPrintedAt(new Date().toISOString());
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="default"
        className="hw-no-print"
        loading={busy}
        onClick={() => void handlePrint()}
      >
        {t('cases.print.button')}
      </Button>
      {printedAt && parts && <CaseSummaryPrint record={record} parts={parts} />}
    </>
  );
}
