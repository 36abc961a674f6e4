import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { useCursorList } from '@web/lib/use-cursor-list';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';
import { listAuditEvents } from './audit.api';
import { EMPTY_AUDIT_FILTERS, type AuditFilters } from './audit.schema';

/** Admin page: who did what and when, with filters and "Load more". */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listAuditEvents(filters, cursor, signal),
    [filters],
  );
  const list = useCursorList(fetchPage);

  let status: Status | null = null;
  if (list.error) {
    status = { tone: 'error', message: errorMessage(list.error, t) };
  } else if (!list.loading) {
    status = list.items.length
      ? { tone: 'info', message: t('audit.count', { count: list.items.length }) }
      : { tone: 'info', message: t('audit.empty') };
  }

  return (
    <Stack gap="md">
      <PageTitle>{t('audit.title')}</PageTitle>
      <Text maw={720}>{t('audit.intro')}</Text>
      <AuditFiltersForm onApply={setFilters} />
      <section aria-labelledby="audit-results">
        <h2 id="audit-results" className="hw-h2">
          {t('audit.results')}
        </h2>
        <StatusMessage status={status} testId="audit-status" />
        {list.items.length > 0 && <AuditTable events={list.items} />}
        <Group mt="md">
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
      </section>
    </Stack>
  );
}
