import { Anchor, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { listCaseConsents, reportUrl } from './screening.api';
import {
  INTERVIEW_LANGS,
  type AuthorityKind,
  type ConsentView,
  type InterviewLang,
  type Screening,
} from './screening.schema';

interface Authority {
  name: string;
  kind: AuthorityKind;
}

/** The authorities named by the case's valid (given, not withdrawn or expired) legal consents. */
export function legalAuthorities(consents: readonly ConsentView[]): Authority[] {
  const found = consents.flatMap((c): Authority[] =>
    c.purpose === 'legal_proceedings' &&
    c.status === 'given' &&
    c.recipientName !== null &&
    c.recipientAuthorityKind !== null
      ? [{ name: c.recipientName, kind: c.recipientAuthorityKind }]
      : [],
  );
  return found.filter(
    (a, i) => found.findIndex((b) => b.name === a.name && b.kind === a.kind) === i,
  );
}

/** The server's own words for a refused report (problem+json `detail` or `title`). */
async function refusal(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: string; title?: string };
    return problem.detail ?? problem.title ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

/**
 * Fetches the PDF and hands it to the browser as a download; resolves with null, or with the
 * server's reason for refusing it (no consent naming the authority, a child without a guardian
 * record…).
 */
async function download(url: string, fileName: string): Promise<string | null> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    return refusal(response);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return null;
}

function AuthorityChoice(props: {
  authorities: Authority[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('screening.report.authority')}
      description={t('screening.report.authorityHelp')}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      data={[
        { value: '', label: t('screening.report.chooseAuthority') },
        ...props.authorities.map((a, i) => ({
          value: String(i),
          label: `${a.name} (${t(`consent.authorityKinds.${a.kind}`)})`,
        })),
      ]}
    />
  );
}

/** "Download report (PDF)": a draft until approval, then the final report for an authority. */
export function ScreeningReport({ caseId, screening }: { caseId: string; screening: Screening }) {
  const { t } = useTranslation();
  const final = screening.status === 'approved';
  const fetcher = useCallback(
    (signal: AbortSignal) => (final ? listCaseConsents(caseId, signal) : Promise.resolve(null)),
    [caseId, final],
  );
  const consents = useLoad(fetcher);
  const authorities = legalAuthorities(consents.data?.items ?? []);
  const [lang, setLang] = useState<InterviewLang>('en');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const authority = final ? authorities[Number(chosen)] : undefined;
  const url = reportUrl(caseId, screening.id, lang, chosen === '' ? undefined : authority);
  const ready = !final || authority !== undefined;

  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (!ready) {
      setStatus({ tone: 'error', message: t('screening.report.chooseAuthority') });
      return;
    }
    setStatus({ tone: 'info', message: t('screening.report.preparing') });
    download(url, `screening-${screening.id}-${lang}.pdf`)
      .then((refused) =>
        setStatus(
          refused
            ? { tone: 'error', message: t('screening.report.refused', { message: refused }) }
            : { tone: 'success', message: t('screening.report.downloaded') },
        ),
      )
      .catch((caught: unknown) => setStatus({ tone: 'error', message: errorMessage(caught, t) }));
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-heading">
      <Stack gap="sm">
        <Title order={2} className="hw-h2" id="report-heading">
          {t('screening.report.title')}
        </Title>
        <Text size="sm">
          {final ? t('screening.report.finalHelp') : t('screening.report.draftHelp')}
        </Text>
        <NativeSelect
          label={t('screening.report.language')}
          value={lang}
          onChange={(event) => setLang(event.currentTarget.value as InterviewLang)}
          data={INTERVIEW_LANGS.map((value) => ({
            value,
            label: t(`screening.languages.${value}`),
          }))}
        />
        {final && authorities.length > 0 && (
          <AuthorityChoice authorities={authorities} value={chosen} onChange={setChosen} />
        )}
        {final && consents.data && authorities.length === 0 && (
          <Text size="sm" data-testid="no-authority">
            {t('screening.report.noAuthority')}{' '}
            <Anchor href={href(`/cases/${caseId}/consent`)}>
              {t('screening.report.toConsent')}
            </Anchor>
          </Text>
        )}
        <Anchor
          href={url}
          onClick={handleClick}
          className="hw-touch-link"
          data-testid="report-link"
        >
          {final ? t('screening.report.final') : t('screening.report.draft')}
        </Anchor>
        <StatusMessage status={status} />
      </Stack>
    </Paper>
  );
}
