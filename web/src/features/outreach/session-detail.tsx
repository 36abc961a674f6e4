import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { formatDate } from '@web/lib/format';
import { href, navigate } from '@web/lib/router';
import { deleteSession, getSession, listQuizzes, updateSession } from './outreach.api';
import {
  ageBandLabel,
  kindLabel,
  languageName,
  outreachErrorMessage,
  settingLabel,
  topicLabel,
} from './outreach-labels';
import type { Session } from './outreach.schema';
import { ResultsForm } from './results-form';
import { SessionForm } from './session-form';

function SessionFacts({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <dl className="hw-facts" data-testid="outreach-session-facts">
        <dt>{t('outreach.form.heldOn')}</dt>
        <dd>{formatDate(session.heldOn, i18n.language)}</dd>
        <dt>{t('outreach.form.setting')}</dt>
        <dd>{settingLabel(session.setting, t)}</dd>
        <dt>{t('outreach.form.audienceSize')}</dt>
        <dd>{t('outreach.sessions.people', { count: session.audienceSize })}</dd>
        <dt>{t('outreach.form.ageBand')}</dt>
        <dd>{ageBandLabel(session.ageBand, t)}</dd>
        <dt>{t('outreach.form.topics')}</dt>
        <dd>{session.topics.map((x) => topicLabel(x, t)).join(', ')}</dd>
        <dt>{t('outreach.form.materials')}</dt>
        <dd>
          {session.materials.length === 0
            ? t('outreach.detail.noMaterials')
            : session.materials
                .map(
                  (m) =>
                    `${m.title} (${kindLabel(m.kind, t)}, ${languageName(m.language, i18n.language)})`,
                )
                .join('; ')}
        </dd>
        <dt>{t('outreach.form.facilitator')}</dt>
        <dd>{session.facilitator?.name ?? t('outreach.detail.noFacilitator')}</dd>
        <dt>{t('outreach.form.language')}</dt>
        <dd>{languageName(session.language, i18n.language)}</dd>
        <dt>{t('outreach.form.notes')}</dt>
        <dd>{session.notes || '–'}</dd>
      </dl>
    </Paper>
  );
}

function SessionActions(props: {
  session: Session;
  onChanged: (s: Session) => void;
  onStatus: (s: Status) => void;
}) {
  const { t } = useTranslation();
  const { session } = props;
  const handleCancel = async () => {
    try {
      props.onChanged(await updateSession(session.id, { cancelled: !session.cancelled }));
    } catch (caught: unknown) {
      props.onStatus({ tone: 'error', message: outreachErrorMessage(caught, t) });
    }
  };
  const handleDelete = async () => {
    if (!window.confirm(t('outreach.detail.confirmDelete'))) {
      return;
    }
    try {
      await deleteSession(session.id);
      navigate('/outreach');
    } catch (caught: unknown) {
      props.onStatus({ tone: 'error', message: outreachErrorMessage(caught, t) });
    }
  };
  return (
    <Group>
      <Button component="a" href={href(`/outreach/sessions/${session.id}/edit`)} variant="default">
        {t('outreach.detail.edit')}
      </Button>
      <Button variant="default" onClick={() => void handleCancel()}>
        {session.cancelled ? t('outreach.detail.restore') : t('outreach.detail.cancel')}
      </Button>
      <Button variant="default" color="red" onClick={() => void handleDelete()}>
        {t('outreach.detail.delete')}
      </Button>
    </Group>
  );
}

function Results({ session, onSaved }: { session: Session; onSaved: (s: Session) => void }) {
  const { t } = useTranslation();
  const quizzes = useLoad(
    useCallback((signal: AbortSignal) => listQuizzes(session.language, signal), [session.language]),
  );
  const quiz = quizzes.data?.items[0];
  return (
    <section aria-labelledby="outreach-results">
      <Title order={2} size="h3" id="outreach-results" mb="xs">
        {t('outreach.results.title')}
      </Title>
      <Text mb="sm">{t('outreach.results.intro')}</Text>
      {!quiz && <LoadingText />}
      {quiz && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(['pre', 'post'] as const).map((phase) => (
            <ResultsForm
              key={phase}
              session={session}
              quiz={quiz}
              phase={phase}
              onSaved={onSaved}
            />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

/** One session: its facts, and the quiz tallies before and after; or its form with `edit`. */
export function SessionDetail({ id, edit }: { id: string; edit: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const loaded = useLoad(useCallback((signal: AbortSignal) => getSession(id, signal), [id]));
  const [status, setStatus] = useState<Status | null>(null);
  const session = loaded.data;
  const canWrite = hasPermission(me, 'outreach.write');
  const setSession = (s: Session) => loaded.setData(() => s);
  if (!session) {
    return (
      <Stack>
        <PageTitle>{t('outreach.detail.loading')}</PageTitle>
        {loaded.loading ? <LoadingText /> : null}
        <StatusMessage
          status={
            loaded.error ? { tone: 'error', message: outreachErrorMessage(loaded.error, t) } : null
          }
        />
      </Stack>
    );
  }
  const title = t('outreach.detail.title', { place: session.place });
  return (
    <Stack gap="md" maw={960}>
      <Anchor href={href('/outreach')} className="hw-touch-link">
        {t('outreach.detail.back')}
      </Anchor>
      <PageTitle>{edit ? t('outreach.form.editTitle') : title}</PageTitle>
      {edit && canWrite ? (
        <SessionForm
          session={session}
          onSaved={(s) => {
            setSession(s);
            navigate(`/outreach/sessions/${s.id}`);
          }}
          onCancel={() => navigate(`/outreach/sessions/${session.id}`)}
        />
      ) : (
        <>
          {session.cancelled && <Badge color="gray">{t('outreach.sessions.cancelled')}</Badge>}
          <SessionFacts session={session} />
          {canWrite && (
            <SessionActions session={session} onChanged={setSession} onStatus={setStatus} />
          )}
          <StatusMessage status={status} />
          {canWrite && <Results session={session} onSaved={setSession} />}
        </>
      )}
    </Stack>
  );
}
