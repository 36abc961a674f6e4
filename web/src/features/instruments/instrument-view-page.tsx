import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { languageName } from './form-context';
import { InstrumentDetails } from './instrument-details';
import { displayView } from './instrument-display';
import { canPublishVersion, instrumentRights } from './instrument-rights';
import { versionPath } from './instrument-routes';
import { getInstrumentDocument, getInstrumentVersion, listVersions } from './instruments.api';
import { INSTRUMENT_LANGS, type InstrumentLang, type InstrumentView } from './instruments.schema';
import { takePublishedNotice } from './use-publish';
import { useInstrumentLang } from './use-instrument-lang';

/** The versions of the instrument (newest first), each a link; this one is marked. */
function History({ id, version, lang }: { id: string; version: number; lang: InstrumentLang }) {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => listVersions(id, lang, signal), [id, lang]);
  const versions = useLoad(fetcher);
  return (
    <section aria-labelledby="instrument-history">
      <Title order={2} size="h3" id="instrument-history" mb="xs">
        {t('instruments.view.history')}
      </Title>
      {versions.loading && <LoadingText />}
      {versions.error !== null && <Text>{errorMessage(versions.error, t)}</Text>}
      <ul className="hw-instrument-history" data-testid="instrument-history">
        {(versions.data ?? []).map((v, i) => (
          <li key={v}>
            {v === version ? (
              <Text span fw={700} aria-current="page">
                {t('instruments.view.versionLink', { version: v })} {t('instruments.view.current')}
              </Text>
            ) : (
              <Anchor href={href(versionPath(id, v))}>
                {t('instruments.view.versionLink', { version: v })}
              </Anchor>
            )}
            {i === 0 && ` ${t('instruments.view.latest')}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Actions({ view }: { view: InstrumentView }) {
  const { t } = useTranslation();
  const rights = instrumentRights(useMe());
  const canVersion = canPublishVersion(view.owner, rights);
  const canCopy = rights.manage;
  if (!canVersion && !canCopy) {
    return null;
  }
  return (
    <Group data-testid="instrument-actions">
      {canVersion && (
        <Button component="a" href={href(versionPath(view.id, view.version, 'new-version'))}>
          {t('instruments.actions.newVersion')}
        </Button>
      )}
      {canCopy && (
        <Button
          component="a"
          variant="default"
          href={href(versionPath(view.id, view.version, 'copy'))}
        >
          {t('instruments.actions.copyAsOwn')}
        </Button>
      )}
    </Group>
  );
}

/** One version of an instrument, in the language chosen, with its history and actions. */
export function InstrumentViewPage({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<InstrumentLang>(useInstrumentLang());
  const [notice] = useState(takePublishedNotice);
  const fetcher = useCallback(
    async (signal: AbortSignal) => {
      const [shown, whole] = await Promise.all([
        getInstrumentVersion(id, version, lang, signal),
        getInstrumentDocument(id, version, signal),
      ]);
      return { view: shown, doc: whole };
    },
    [id, version, lang],
  );
  const loaded = useLoad(fetcher);
  const view = loaded.data?.view;
  const doc = loaded.data?.doc;
  return (
    <Stack gap="md">
      <Anchor href={href('/instruments')}>{t('instruments.actions.back')}</Anchor>
      <PageTitle>{view?.title ?? t('instruments.title')}</PageTitle>
      <StatusMessage
        status={
          loaded.error
            ? { tone: 'error', message: errorMessage(loaded.error, t) }
            : notice
              ? { tone: 'success', message: notice }
              : null
        }
        testId="instrument-status"
      />
      <NativeSelect
        label={t('instruments.view.textLanguage')}
        value={lang}
        data={INSTRUMENT_LANGS.map((code) => ({ value: code, label: languageName(code) }))}
        onChange={(event) => setLang(event.currentTarget.value as InstrumentLang)}
        maw={320}
      />
      {loaded.loading && !view && <LoadingText />}
      {view && <Actions view={view} />}
      {view && <InstrumentDetails instrument={displayView(view, lang, doc)} />}
      {view && <History id={id} version={version} lang={lang} />}
    </Stack>
  );
}
