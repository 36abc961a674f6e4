import { Anchor, Button, Group, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import { useNameFonts } from '@web/lib/script-fonts';
import { useCursorList } from '@web/lib/use-cursor-list';
import { listCases, type CaseFilters } from './cases.api';
import { type CaseSummary } from './cases.schema';
import { RetraffickingBadge, RiskBadge, StatusBadge, shownName, useHideNames } from './case-ui';
import { countryName } from './countries';
import { FoldedFilters, NO_FILTERS, type Filters } from './case-list-filters';
import './cases.css';

function CaseTable(props: { items: CaseSummary[]; hideNames: boolean }) {
  const { t, i18n } = useTranslation();
  useNameFonts(props.hideNames ? [] : props.items.map((item) => item.displayName));
  const columns = {
    name: t('cases.columns.person'),
    number: t('cases.fields.caseNumber'),
    nationality: t('cases.fields.nationality'),
    stage: t('cases.fields.stage'),
    risk: t('cases.columns.risk'),
    status: t('cases.fields.status'),
    updated: t('cases.columns.updated'),
  };
  return (
    <Table className="hw-stack-table" verticalSpacing="sm" data-testid="cases-table">
      <Table.Thead>
        <Table.Tr>
          {Object.values(columns).map((label) => (
            <Table.Th key={label} scope="col">
              {label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((item) => (
          <Table.Tr key={item.id} data-testid="case-row">
            <Table.Td data-label={columns.name} className="hw-break">
              <Anchor href={href(`/cases/${item.id}`)} fw={700} className="hw-touch-link hw-name">
                {shownName(item, props.hideNames)}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={columns.number}>{item.caseNumber}</Table.Td>
            <Table.Td data-label={columns.nationality}>
              {countryName(item.nationality, i18n.language) || t('common.none')}
            </Table.Td>
            <Table.Td data-label={columns.stage}>
              {item.stage ? t(`cases.stages.${item.stage}`) : t('common.none')}
            </Table.Td>
            <Table.Td data-label={columns.risk}>
              <Stack gap={4} align="flex-start">
                <RiskBadge level={item.riskLevel} />
                <RetraffickingBadge level={item.retraffickingLevel} />
              </Stack>
            </Table.Td>
            <Table.Td data-label={columns.status}>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td data-label={columns.updated}>
              {formatDate(item.updatedAt, i18n.language)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The people the user works with: search in any script, filters, and names hidden on request. */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 350);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [hideNames, setHideNames] = useHideNames(me.user.id);
  const canCreate = hasPermission(me, 'case.create');
  const canRiskList = hasPermission(me, 'case.risk_list');

  const nationality = /^[A-Z]{3}$/.test(filters.nationality) ? filters.nationality : '';
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => {
      const query: CaseFilters = {
        q: debouncedQuery,
        stage: filters.stage,
        nationality,
        risk: filters.risk,
        retraffickingRisk: filters.retraffickingRisk,
        status: filters.status,
        assignee: filters.mine ? 'me' : '',
      };
      return listCases(query, cursor, signal);
    },
    [
      debouncedQuery,
      filters.stage,
      nationality,
      filters.risk,
      filters.retraffickingRisk,
      filters.status,
      filters.mine,
    ],
  );
  const list = useCursorList(fetchPage);
  const change = (update: Partial<Filters>) =>
    setFilters((previous) => ({ ...previous, ...update }));

  return (
    <Stack gap="md">
      <PageTitle>{t('cases.title')}</PageTitle>
      <Group gap="sm">
        {canCreate && (
          <Button component="a" href={href('/cases/new')}>
            {t('cases.registerPerson')}
          </Button>
        )}
        {canRiskList && (
          <Button
            variant="default"
            onClick={() => setFilters({ ...NO_FILTERS, retraffickingRisk: 'high' })}
            aria-pressed={filters.retraffickingRisk === 'high'}
          >
            {t('cases.highRiskShortcut')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md" radius="md">
        <form role="search" onSubmit={(event) => event.preventDefault()}>
          <Stack gap="sm">
            <TextInput
              label={t('cases.search')}
              description={t('cases.searchHint')}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
            <FoldedFilters filters={filters} onChange={change} />
            <Group justify="space-between" gap="sm">
              <Switch
                size="md"
                label={t('cases.hideNames')}
                checked={hideNames}
                onChange={(event) => setHideNames(event.currentTarget.checked)}
                data-testid="hide-names"
              />
              <Button
                variant="subtle"
                onClick={() => {
                  setQuery('');
                  setFilters(NO_FILTERS);
                }}
              >
                {t('cases.filters.clear')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <StatusMessage
        status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
        testId="cases-status"
      />
      <div aria-live="polite" className="hw-break">
        {!list.loading && !list.error && (
          <Text size="sm" c="dimmed">
            {list.items.length === 0
              ? t('cases.empty')
              : t('cases.shown', { count: list.items.length })}
          </Text>
        )}
      </div>
      {list.items.length > 0 && <CaseTable items={list.items} hideNames={hideNames} />}
      <Group>
        {list.loading && <LoadingText />}
        {list.hasMore && !list.loading && (
          <Button variant="default" onClick={list.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
        {list.error !== null && (
          <Button variant="default" onClick={list.reload}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
