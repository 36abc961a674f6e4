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
import { instrumentFromViews, type ViewsByLang } from './instrument-from-views';
import { canPublishVersion, instrumentRights } from './instrument-rights';
import { versionPath } from './instrument-routes';
import { getInstrumentVersion, listInstruments } from './instruments.api';
import { INSTRUMENT_LANGS, type Instrument, type InstrumentView } from './instruments.schema';
import { shippedInstrument } from './shipped-instruments';

/** Hands a checked JSON document from the import page to the form ("Edit in the form"). */
let handedOver: Instrument | null = null;
export function handOverToForm(doc: Instrument): void {
  handedOver = doc;
}

interface Start {
  form: InstrumentForm;
  view: InstrumentView;
  /** False when the form was filled partly from defaults (the API sends no whole document). */
  complete: boolean;
  fromShipped: boolean;
}

/** The whole document of a version: the shipped file, else rebuilt from its views. */
async function startFrom(id: string, version: number, signal: AbortSignal): Promise<Start> {
  const views = await Promise.all(
    INSTRUMENT_LANGS.map((lang) => getInstrumentVersion(id, version, lang, signal)),
  );
  const byLang = Object.fromEntries(INSTRUMENT_LANGS.map((l, i) => [l, views[i]])) as ViewsByLang;
  const list = await listInstruments('en', signal);
  const latest = list.items.find((item) => item.id === id)?.version ?? version;
  const shipped = byLang.en.owner === 'builtin' ? shippedInstrument(id, version) : undefined;
  const base = byLang.en.owner === 'builtin' ? shippedInstrument(id) : undefined;
  const doc = shipped ?? instrumentFromViews(byLang, base);
  const form = { ...fromInstrument(doc), version: String(Math.max(latest, version) + 1) };
  return {
    form,
    view: byLang.en,
    complete: shipped !== undefined,
    fromShipped: base !== undefined,
  };
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
  const { view, complete, fromShipped } = start.data;
  if (!props.copy && !canPublishVersion(view.owner, rights)) {
    return <ForbiddenPage />;
  }
  const form = props.copy ? { ...start.data.form, id: '', version: '1' } : start.data.form;
  const notice = complete
    ? null
    : t('instruments.form.incomplete', {
        from: fromShipped ? t('instruments.form.fromShipped') : t('instruments.form.fromDefaults'),
      });
  return (
    <Stack gap="md">
      <Anchor href={href(back)}>{t('instruments.actions.backTo', { title: view.title })}</Anchor>
      <PageTitle>
        {props.copy
          ? t('instruments.form.titleCopy', { title: view.title })
          : t('instruments.form.titleVersion', { title: view.title })}
      </PageTitle>
      <Text maw={720}>{t('instruments.form.intro')}</Text>
      <InstrumentFormView initial={form} idFixed={!props.copy} notice={notice} cancelPath={back} />
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
