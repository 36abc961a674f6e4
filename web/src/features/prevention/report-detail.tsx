import {
  Anchor,
  Badge,
  Button,
  List,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useSession } from '@web/features/auth/session';
import { countryName } from '@web/features/cases/countries';
import { useLoad } from '@web/features/cases/use-load';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import { useNameFonts } from '@web/lib/script-fonts';
import {
  advertErrorMessage,
  channelLabel,
  indicatorText,
  kindLabel,
  statusLabel,
} from './advert-labels';
import { getReport, reviewReport } from './adverts.api';
import {
  ADVERT_REPORT_STATUSES,
  type AdvertReport,
  type AdvertReportStatus,
} from './adverts.schema';
import { PreventionNav } from './prevention-nav';

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Facts({ report }: { report: AdvertReport }) {
  const { t, i18n } = useTranslation();
  const place = (code: string | null, text: string | null) =>
    code ? countryName(code, i18n.language) : (text ?? t('adverts.notGiven'));
  return (
    <Stack gap="xs" component="dl" m={0}>
      <Fact label={t('adverts.fields.received')}>
        {formatDate(report.receivedOn, i18n.language)}
      </Fact>
      <Fact label={t('adverts.fields.destination')}>
        {place(report.destination, report.destinationText)}
      </Fact>
      <Fact label={t('adverts.fields.origin')}>{place(report.origin, report.originText)}</Fact>
      <Fact label={t('adverts.fields.channel')}>{channelLabel(report.channel, t)}</Fact>
      <Fact label={t('adverts.fields.salary')}>{report.salary ?? t('adverts.notGiven')}</Fact>
      <Fact label={t('adverts.fields.location')}>{report.location ?? t('adverts.notGiven')}</Fact>
    </Stack>
  );
}

function Indicators({ report }: { report: AdvertReport }) {
  const { t } = useTranslation();
  if (report.indicators.length === 0) {
    return <Text>{t('adverts.detail.noContacts')}</Text>;
  }
  return (
    <List spacing="xs" data-testid="advert-indicators">
      {report.indicators.map((i) => (
        <List.Item key={`${i.kind}:${i.value}`} data-testid="advert-indicator">
          <Text span fw={600}>
            {kindLabel(i.kind, t)}:
          </Text>{' '}
          <Text span style={{ overflowWrap: 'anywhere' }}>
            {indicatorText(i.value)}
          </Text>{' '}
          {i.otherReports > 0 ? (
            <Anchor href={href('/prevention/indicators')} className="hw-touch-link">
              {t('adverts.detail.seenElsewhere', { count: i.otherReports })}
            </Anchor>
          ) : (
            <Text span c="dimmed">
              {t('adverts.detail.onlyHere')}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function ReviewForm(props: { report: AdvertReport; onSaved: (r: AdvertReport) => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AdvertReportStatus>(props.report.status);
  const [note, setNote] = useState(props.report.statusNote ?? '');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Status | null>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    try {
      const trimmed = note.trim();
      const saved = await reviewReport(props.report.id, {
        status,
        ...(trimmed && { note: trimmed }),
      });
      props.onSaved(saved);
      setMessage({ tone: 'success', message: t('adverts.review.saved') });
    } catch (error: unknown) {
      setMessage({ tone: 'error', message: advertErrorMessage(error, t) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      data-testid="advert-review-form"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('adverts.fields.status')}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as AdvertReportStatus)}
          data={ADVERT_REPORT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) }))}
        />
        <Textarea
          label={t('adverts.review.note')}
          description={t('adverts.review.noteHint')}
          value={note}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <StatusMessage status={message} />
        <Button type="submit" loading={saving} style={{ alignSelf: 'flex-start' }}>
          {t('adverts.review.save')}
        </Button>
      </Stack>
    </form>
  );
}

function Section(props: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h3" mb="sm" id={props.id}>
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

/** One reported advert: its text as plain text, its facts, its contacts and the review. */
export function ReportDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { state } = useSession();
  const loaded = useLoad(useCallback((signal: AbortSignal) => getReport(id, signal), [id]));
  const report = loaded.data;
  useNameFonts([report?.title, report?.text, report?.location, report?.salary]);
  const canReview =
    state.status === 'authenticated' && hasPermission(state.me, 'prevention.review');
  return (
    <Stack gap="md" maw={900}>
      <Anchor href={href('/prevention/reports')} className="hw-touch-link">
        {t('adverts.detail.back')}
      </Anchor>
      <PageTitle className="hw-name">{report?.title ?? t('adverts.detail.title')}</PageTitle>
      <PreventionNav current="/prevention/reports" />
      {loaded.loading && !report && <LoadingText />}
      <StatusMessage
        status={
          loaded.error ? { tone: 'error', message: advertErrorMessage(loaded.error, t) } : null
        }
      />
      {report && (
        <>
          <Badge variant="outline" color="dark" style={{ alignSelf: 'flex-start' }}>
            {statusLabel(report.status, t)}
          </Badge>
          <Section id="advert-text" title={t('adverts.detail.text')}>
            {/* Plain text, never HTML: React escapes it, and line breaks are kept by CSS. */}
            <Text
              className="hw-name"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="advert-text"
            >
              {report.text}
            </Text>
          </Section>
          <Section id="advert-contacts" title={t('adverts.detail.contacts')}>
            <Indicators report={report} />
          </Section>
          <Section id="advert-facts" title={t('adverts.detail.facts')}>
            <Facts report={report} />
          </Section>
          {canReview && (
            <Section id="advert-review" title={t('adverts.review.title')}>
              <ReviewForm report={report} onSaved={(saved) => loaded.setData(() => saved)} />
            </Section>
          )}
        </>
      )}
    </Stack>
  );
}
