import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { LoadMore } from '@web/components/load-more';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { isLanguageCode, LANGUAGES, loadMessages } from '@web/i18n';
import { errorMessage } from '@web/lib/errors';
import { useShownPages } from '@web/lib/use-paged-list';
import { listConsents, withdrawConsent } from './cases.api';
import { type Case, type ConsentView } from './cases.schema';
import { caseName } from './case-ui';
import { ConsentPrintForm, usePrintForm } from './consent-print';
import { useLoad } from './use-load';
import { ConsentCard } from './consent-card';
import { RecordConsentForm } from './consent-form';

/** Earlier versions of the consents (withdrawn, replaced, expired), newest first, in pages. */
function ConsentHistory({ history }: { history: ConsentView[] }) {
  const { t } = useTranslation();
  const pages = useShownPages(history);
  if (history.length === 0) {
    return null;
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="history-heading">
      <Title order={2} className="hw-h2" id="history-heading">
        {t('consent.historyTitle')}
      </Title>
      <Stack gap="sm">
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {pages.items.map((consent) => (
            <ConsentCard key={consent.id} consent={consent} />
          ))}
        </Stack>
        <LoadMore list={pages} testId="consent-history-more" />
      </Stack>
    </Paper>
  );
}

/** Chooses the language of the printed consent form (any UI language) and prints it. */
function PrintConsentControls(props: {
  lang: string;
  onLang: (lang: string) => void;
  onPrint: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group className="hw-no-print" align="flex-end" gap="sm">
      <NativeSelect
        label={t('consent.print.language')}
        value={props.lang}
        onChange={(event) => props.onLang(event.currentTarget.value)}
        data={LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
      />
      <Button variant="default" onClick={props.onPrint}>
        {t('consent.print.button')}
      </Button>
    </Group>
  );
}

export function CaseConsentTab({ record }: { record: Case }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canRecord = hasPermission(me, 'consent.record');
  const fetcher = useCallback(
    (signal: AbortSignal) => listConsents(record.id, signal),
    [record.id],
  );
  const loaded = useLoad(fetcher);
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  const [printLang, setPrintLang] = useState<string>(i18n.language);
  const printT = i18n.getFixedT(printLang);

  usePrintForm(printedAt, () => setPrintedAt(null), [
    caseName(record),
    printT('consent.print.title'),
    printT('consent.print.intro'),
  ]);

  const handleRecorded = () => void loaded.reload();

  const handleWithdraw = async () => {
    if (!withdrawing) {
      return;
    }
    setBusy(true);
    try {
      await withdrawConsent(record.id, withdrawing.id);
      setStatus({
        tone: 'success',
        message: t('consent.withdrawn', { purpose: t(`consent.purposes.${withdrawing.purpose}`) }),
      });
      void loaded.reload();
    } catch (error: unknown) {
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
      setWithdrawing(null);
    }
  };

  const current = loaded.data?.items ?? [];
  // The history lists every version; the current ones are already shown above.
  const currentIds = new Set(current.map((consent) => consent.id));
  const history = (loaded.data?.history ?? []).filter((consent) => !currentIds.has(consent.id));

  return (
    <Stack gap="md">
      <PrintConsentControls
        lang={printLang}
        onLang={(lang) => {
          // Other languages' messages are fetched on demand (i18n/index.ts) before printing in them.
          if (isLanguageCode(lang)) {
            void loadMessages(lang).then(
              () => setPrintLang(lang),
              () => undefined,
            );
          }
        }}
        onPrint={() => setPrintedAt(new Date().toISOString())}
      />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="consent-heading">
        <Title order={2} className="hw-h2" id="consent-heading">
          {t('consent.currentTitle')}
        </Title>
        <Stack gap="sm">
          {loaded.loading && <LoadingText />}
          <StatusMessage
            status={
              loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : status
            }
          />
          {loaded.data && current.length === 0 && <Text>{t('consent.none')}</Text>}
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {current.map((consent) => (
              <ConsentCard
                key={consent.id}
                consent={consent}
                onWithdraw={canRecord ? setWithdrawing : undefined}
              />
            ))}
          </Stack>
        </Stack>
      </Paper>
      <ConsentHistory history={history} />
      {canRecord && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="record-heading"
          className="hw-no-print"
        >
          <Title order={2} className="hw-h2" id="record-heading">
            {t('consent.recordTitle')}
          </Title>
          <RecordConsentForm
            caseId={record.id}
            personName={caseName(record)}
            possibleMinor={record.possibleMinor}
            onRecorded={handleRecorded}
          />
        </Paper>
      )}
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('consent.withdrawTitle')}
        message={
          withdrawing
            ? t('consent.withdrawConfirm', {
                purpose: t(`consent.purposes.${withdrawing.purpose}`),
              })
            : ''
        }
        confirmLabel={t('consent.withdraw')}
        busy={busy}
        danger
        onConfirm={() => void handleWithdraw()}
        onCancel={() => setWithdrawing(null)}
      />
      {printedAt && (
        <ConsentPrintForm
          record={record}
          name={caseName(record)}
          printedAt={printedAt}
          lang={printLang}
        />
      )}
    </Stack>
  );
}
