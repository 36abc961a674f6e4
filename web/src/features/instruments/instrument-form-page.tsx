import { Anchor, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { ForbiddenPage } from '@web/components/simple-pages';
import { StatusMessage } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { InstrumentFormView } from './instrument-form';
import { blankForm } from './instrument-form-blank';
import { fromInstrument, type InstrumentForm } from './instrument-form-model';
import { canPublishVersion, instrumentRights } from './instrument-rights';
import { versionPath } from './instrument-routes';
import { getInstrumentDocument, getInstrumentVersion, listVersions } from './instruments.api';
import type { Instrument, InstrumentView } from './instruments.schema';

/** Hands a checked JSON document from the import page to the form ("Edit in the form"). */
let handedOver: Instrument | null = null;
export function handOverToForm(doc: Instrument): void {
  handedOver = doc;
}

interface Start {
  form: InstrumentForm;
  view: InstrumentView;
}

/** The whole document of a version, as the next version's starting point. */
async function startFrom(id: string, version: number, signal: AbortSignal): Promise<Start> {
  const [doc, view, versions] = await Promise.all([
    getInstrumentDocument(id, version, signal),
    getInstrumentVersion(id, version, 'en', signal),
    listVersions(id, 'en', signal),
  ]);
  const latest = versions[0] ?? version;
  return { form: { ...fromInstrument(doc), version: String(Math.max(latest, version) + 1) }, view };
}

function FormFromVersion(props: { id: string; version: number; copy: boolean }) {
  const { t } = useTranslation();
  const rights = instrumentRights(useMe());
  const fetcher = useCallback(
    (signal: AbortSignal) => startFrom(props.id, props.version, signal),
    [props.id, props.version],
  );
  const start = useLoad(fetcher);
  const back = versionPath(props.id, props.version);
  if (start.error) {
    return <StatusMessage status={{ tone: 'error', message: errorMessage(start.error, t) }} />;
  }
  if (!start.data) {
    return <LoadingText />;
  }
  const { view } = start.data;
  if (!props.copy && !canPublishVersion(view.owner, rights)) {
    return <ForbiddenPage />;
  }
  const form = props.copy ? { ...start.data.form, id: '', version: '1' } : start.data.form;
  return (
    <Stack gap="md">
      <Anchor href={href(back)}>{t('instruments.actions.backTo', { title: view.title })}</Anchor>
      <PageTitle>
        {props.copy
          ? t('instruments.form.titleCopy', { title: view.title })
          : t('instruments.form.titleVersion', { title: view.title })}
      </PageTitle>
      <Text maw={720}>{t('instruments.form.intro')}</Text>
      <InstrumentFormView initial={form} idFixed={!props.copy} cancelPath={back} />
    </Stack>
  );
}

function BlankForm() {
  const { t } = useTranslation();
  const [initial] = useState(() => {
    const doc = handedOver;
    handedOver = null;
    return doc ? { ...fromInstrument(doc), version: String(doc.version) } : blankForm();
  });
  return (
    <Stack gap="md">
      <Anchor href={href('/instruments')}>{t('instruments.actions.back')}</Anchor>
      <PageTitle>{t('instruments.form.titleNew')}</PageTitle>
      <Text maw={720}>{t('instruments.form.intro')}</Text>
      <InstrumentFormView initial={initial} idFixed={false} cancelPath="/instruments" />
    </Stack>
  );
}

/** The form for a new own instrument, a copy of one, or a new version of one. */
export function InstrumentFormPage(props: {
  from?: { id: string; version: number; copy: boolean };
}) {
  const rights = instrumentRights(useMe());
  if (!rights.manage && !rights.platform) {
    return <ForbiddenPage />;
  }
  return props.from ? <FormFromVersion {...props.from} /> : <BlankForm />;
}
