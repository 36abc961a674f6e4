import { Button, Group, NativeSelect, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ListFooter } from '@web/components/list-footer';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { useCursorList } from '@web/lib/use-cursor-list';
import { listCases, type CaseFilters } from './cases.api';
import { useHideNames } from './case-ui';
import { CaseTable } from './case-table';
import { FoldedFilters, NO_FILTERS, type Filters } from './case-list-filters';
import './cases.css';

const SORTS = ['updated', 'name', 'due'] as const;

const formatNumber = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** "25 of 34", "25 of 1,000+" (counting stops there), or "No one matches". */
function totalText(
  t: TFunction,
  shown: number,
  total: { count: number; capped: boolean } | null,
  locale: string,
): string {
  if (shown === 0) {
    return t('cases.empty');
  }
  if (!total) {
    return t('lists.shown', { count: shown });
  }
  const of = total.capped
    ? t('caseList.capped', { count: formatNumber(total.count, locale) })
    : formatNumber(total.count, locale);
  return t('caseList.shownOf', { shown: formatNumber(shown, locale), total: of });
}

/** The people the user works with: search in any script, filters, and names hidden on request. */
export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 350);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [hideNames, setHideNames] = useHideNames(me.user.id);
  const canCreate = hasPermission(me, 'case.create');
  const canRiskList = hasPermission(me, 'case.risk_list');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('updated');
  const [total, setTotal] = useState<{ count: number; capped: boolean } | null>(null);

  const nationality = /^[A-Z]{3}$/.test(filters.nationality) ? filters.nationality : '';
  const fetchPage = useCallback(
    async (cursor: string | null, signal: AbortSignal) => {
      const query: CaseFilters = {
        q: debouncedQuery,
        stage: filters.stage,
        nationality,
        risk: filters.risk,
        retraffickingRisk: filters.retraffickingRisk,
        status: filters.status,
        assignee: filters.mine ? 'me' : '',
        sort,
      };
      const page = await listCases(query, cursor, signal);
      if (page.total !== null) {
        setTotal({ count: page.total, capped: page.totalCapped });
      }
      return page;
    },
    [
      debouncedQuery,
      filters.stage,
      nationality,
      filters.risk,
      filters.retraffickingRisk,
      filters.status,
      filters.mine,
      sort,
    ],
  );
  const list = useCursorList(fetchPage);
  const change = (update: Partial<Filters>) =>
    setFilters((previous) => ({ ...previous, ...update }));
  const handleClear = () => {
    setQuery('');
    setFilters(NO_FILTERS);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <PageTitle>{t('cases.title')}</PageTitle>
        <Group gap="sm">
          {canRiskList && (
            <Button
              variant="default"
              onClick={() => setFilters({ ...NO_FILTERS, retraffickingRisk: 'high' })}
              aria-pressed={filters.retraffickingRisk === 'high'}
            >
              {t('cases.highRiskShortcut')}
            </Button>
          )}
          {canCreate && (
            <Button component="a" href={href('/cases/new')}>
              {t('cases.registerPerson')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm" radius="md">
        <form role="search" onSubmit={(event) => event.preventDefault()}>
          <Stack gap="xs">
            <TextInput
              label={t('cases.search')}
              description={t('cases.searchHint')}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
            <FoldedFilters
              filters={filters}
              onChange={change}
              beside={
                <Switch
                  size="md"
                  label={t('cases.hideNames')}
                  checked={hideNames}
                  onChange={(event) => setHideNames(event.currentTarget.checked)}
                  data-testid="hide-names"
                />
              }
              extra={
                <>
                  <NativeSelect
                    label={t('caseList.sortLabel')}
                    description={debouncedQuery ? t('caseList.sortWhileSearching') : undefined}
                    value={sort}
                    onChange={(event) =>
                      setSort(
                        SORTS.find((value) => value === event.currentTarget.value) ?? 'updated',
                      )
                    }
                    data={SORTS.map((value) => ({
                      value,
                      label: t(`caseList.sorts.${value}`),
                    }))}
                  />
                  <Button variant="subtle" onClick={handleClear} mt={{ base: 0, xs: 'lg' }}>
                    {t('cases.filters.clear')}
                  </Button>
                </>
              }
            />
          </Stack>
        </form>
      </Paper>
      <StatusMessage
        status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
        testId="cases-status"
      />
      <div aria-live="polite" className="hw-break">
        {!list.loading && !list.error && (
          <Text size="sm" data-testid="cases-total">
            {totalText(t, list.items.length, total, i18n.language)}
          </Text>
        )}
      </div>
      {list.items.length > 0 && <CaseTable items={list.items} hideNames={hideNames} />}
      <ListFooter list={list} testId="cases-more" />
    </Stack>
  );
}
