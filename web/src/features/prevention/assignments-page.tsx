import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { countryName, countryOptions } from '@web/features/cases/countries';
import { useLoad } from '@web/features/cases/use-load';
import { advertErrorMessage } from './advert-labels';
import { getAssignments, putAssignments } from './adverts.api';
import type { AssignmentList, AssignmentView } from './adverts.schema';

type Row = AssignmentList['items'][number] & { key: number };

function CountryRow(props: {
  row: Row;
  organisations: AssignmentView['organisations'];
  onChange: (row: Row) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { row } = props;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      role="group"
      aria-label={
        row.country
          ? countryName(row.country, i18n.language)
          : t('adverts.assignments.chooseCountry')
      }
      data-testid="assignment-row"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('adverts.assignments.country')}
          value={row.country}
          onChange={(event) => props.onChange({ ...row, country: event.currentTarget.value })}
          data={[
            { value: '', label: t('adverts.assignments.chooseCountry') },
            ...countryOptions(i18n.language),
          ]}
        />
        <Checkbox.Group
          label={t('adverts.assignments.organisations')}
          value={row.organisationIds}
          onChange={(organisationIds) => props.onChange({ ...row, organisationIds })}
        >
          <Stack gap="xs" mt="xs">
            {props.organisations.map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button variant="default" onClick={props.onRemove} style={{ alignSelf: 'flex-start' }}>
          {t('adverts.assignments.remove')}
        </Button>
      </Stack>
    </Paper>
  );
}

let nextKey = 0;
const toRows = (view: AssignmentView): Row[] =>
  view.items.map((item) => ({ ...item, key: (nextKey += 1) }));

/** "Report countries": which organisations review the reported adverts of which countries. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const loaded = useLoad(useCallback((signal: AbortSignal) => getAssignments(signal), []));
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (loaded.data) {
      setRows(toRows(loaded.data));
    }
  }, [loaded.data]);

  const handleSave = async () => {
    setSaving(true);
    try {
      const items = rows
        .filter((r) => r.country !== '')
        .map(({ country, organisationIds }) => ({ country, organisationIds }));
      const saved = await putAssignments({ items });
      setRows(toRows(saved));
      setStatus({ tone: 'success', message: t('adverts.assignments.saved') });
    } catch (error: unknown) {
      setStatus({ tone: 'error', message: advertErrorMessage(error, t) });
    } finally {
      setSaving(false);
    }
  };

  const organisations = loaded.data?.organisations ?? [];
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('adverts.assignments.title')}</PageTitle>
      <Text>{t('adverts.assignments.intro')}</Text>
      {loaded.loading && !loaded.data && <LoadingText />}
      {loaded.error !== null && (
        <StatusMessage status={{ tone: 'error', message: advertErrorMessage(loaded.error, t) }} />
      )}
      {loaded.data && (
        <>
          {rows.length === 0 && <Text>{t('adverts.assignments.none')}</Text>}
          {rows.map((row) => (
            <CountryRow
              key={row.key}
              row={row}
              organisations={organisations}
              onChange={(next) => setRows((all) => all.map((r) => (r.key === row.key ? next : r)))}
              onRemove={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            />
          ))}
          <Group gap="sm">
            <Button
              variant="default"
              onClick={() =>
                setRows((all) => [
                  ...all,
                  { country: '', organisationIds: [], key: (nextKey += 1) },
                ])
              }
            >
              {t('adverts.assignments.add')}
            </Button>
            <Button onClick={() => void handleSave()} loading={saving}>
              {t('adverts.assignments.save')}
            </Button>
          </Group>
          <StatusMessage status={status} />
        </>
      )}
    </Stack>
  );
}
