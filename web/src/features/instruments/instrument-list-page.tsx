import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { StatusMessage } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { VerifiedMark } from './instrument-details';
import { instrumentRights } from './instrument-rights';
import { versionPath } from './instrument-routes';
import { listInstruments } from './instruments.api';
import type { InstrumentView } from './instruments.schema';
import { useInstrumentLang } from './use-instrument-lang';

function TitleLink({ item }: { item: InstrumentView }) {
  return (
    <Anchor href={href(versionPath(item.id, item.version))} fw={600}>
      {item.title}
    </Anchor>
  );
}

function useColumns(): Column<InstrumentView>[] {
  const { t } = useTranslation();
  return [
    { key: 'title', label: t('instruments.list.title'), render: (i) => <TitleLink item={i} /> },
    {
      key: 'owner',
      label: t('instruments.list.owner'),
      render: (i) => t(`instruments.owner.${i.owner}`),
    },
    {
      key: 'kind',
      label: t('instruments.list.kind'),
      render: (i) => t(`instruments.kinds.${i.kind}`),
    },
    { key: 'version', label: t('instruments.list.version'), render: (i) => i.version },
    {
      key: 'indicators',
      label: t('instruments.list.indicators'),
      render: (i) => i.indicators.length,
    },
    {
      key: 'checked',
      label: t('instruments.list.checked'),
      render: (i) => <VerifiedMark verified={i.verified} />,
    },
  ];
}

function CompactRow({ item }: { item: InstrumentView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <TitleLink item={item} />
      <Text size="sm">
        {t(`instruments.owner.${item.owner}`)} · {t(`instruments.kinds.${item.kind}`)}
      </Text>
      <Group gap="xs">
        <Text size="sm">
          {t('instruments.list.summary', { version: item.version, count: item.indicators.length })}
        </Text>
        {!item.verified && (
          <Badge variant="outline" color="red.9" radius="sm" tt="none">
            {t('instruments.marks.unverified')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** Every instrument the organisation may screen with (latest versions); admins add their own. */
export function InstrumentListPage() {
  const { t } = useTranslation();
  const rights = instrumentRights(useMe());
  const lang = useInstrumentLang();
  const fetcher = useCallback((signal: AbortSignal) => listInstruments(lang, signal), [lang]);
  const list = useLoad(fetcher);
  const columns = useColumns();
  return (
    <Stack gap="md">
      <PageTitle>{t('instruments.title')}</PageTitle>
      <Text maw={720}>{t('instruments.intro')}</Text>
      {rights.manage && (
        <Group>
          <Button component="a" href={href('/instruments/new')}>
            {t('instruments.actions.addOwn')}
          </Button>
          <Button component="a" href={href('/instruments/import')} variant="default">
            {t('instruments.actions.import')}
          </Button>
        </Group>
      )}
      <StatusMessage
        status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
      />
      {list.loading && <LoadingText />}
      {list.data && (
        <ResponsiveTable
          items={list.data.items}
          columns={columns}
          rowKey={(item) => item.id}
          testId="instrument-list"
          rowTestId="instrument-row"
          compactRow={(item) => <CompactRow item={item} />}
        />
      )}
    </Stack>
  );
}
