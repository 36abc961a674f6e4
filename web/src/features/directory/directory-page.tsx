import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { countryOptions, otherCountryOptions } from '@web/features/cases/countries';
import { directoryErrorMessage as errorMessage } from './directory-errors';
import { href, usePath } from '@web/lib/router';
import { useCursorList } from '@web/lib/use-cursor-list';
import { searchServices, type DirectoryFilters } from './directory.api';
import { availabilityLabel, COMMON_LANGUAGES, kindLabel, languageName } from './directory-labels';
import {
  AVAILABILITIES,
  SERVICE_KINDS,
  type Availability,
  type ServiceKind,
} from './directory.schema';
import { ServiceCard } from './service-card';
import './directory.css';

const NO_FILTERS: DirectoryFilters = { country: '', service: '', language: '', availability: '' };

/** Links to the directory's other pages the member may open. */
export function DirectoryLinks() {
  const { t } = useTranslation();
  const me = useMe();
  const path = usePath();
  const others = hasPermission(me, 'directory.manage') || hasPermission(me, 'directory.verify');
  if (path === '/directory' && !others) {
    return null;
  }
  return (
    <Group gap="md">
      {path !== '/directory' && (
        <Anchor href={href('/directory')} className="hw-touch-link">
          {t('directory.searchTitle')}
        </Anchor>
      )}
      {hasPermission(me, 'directory.manage') && path !== '/directory/ours' && (
        <Anchor href={href('/directory/ours')} className="hw-touch-link">
          {t('directory.ours.title')}
        </Anchor>
      )}
      {hasPermission(me, 'directory.verify') && path !== '/directory/organisations' && (
        <Anchor href={href('/directory/organisations')} className="hw-touch-link">
          {t('directory.organisations.title')}
        </Anchor>
      )}
    </Group>
  );
}

function Filters(props: { value: DirectoryFilters; onChange: (next: DirectoryFilters) => void }) {
  const { t, i18n } = useTranslation();
  const any = { value: '', label: t('directory.any') };
  const set = (patch: Partial<DirectoryFilters>) => props.onChange({ ...props.value, ...patch });
  return (
    <Stack
      gap="sm"
      component="form"
      role="search"
      aria-label={t('directory.searchTitle')}
      onSubmit={(e) => e.preventDefault()}
    >
      <NativeSelect
        label={t('directory.country')}
        value={props.value.country}
        data={[any, ...countryOptions(i18n.language), ...otherCountryOptions(i18n.language)]}
        onChange={(e) => set({ country: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('directory.service')}
        value={props.value.service}
        data={[any, ...SERVICE_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) }))]}
        onChange={(e) => set({ service: e.currentTarget.value as ServiceKind | '' })}
      />
      <NativeSelect
        label={t('directory.language')}
        value={props.value.language}
        data={[
          any,
          ...COMMON_LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) })),
        ]}
        onChange={(e) => set({ language: e.currentTarget.value })}
      />
      <NativeSelect
        label={t('directory.availabilityLabel')}
        value={props.value.availability}
        data={[any, ...AVAILABILITIES.map((a) => ({ value: a, label: availabilityLabel(a, t) }))]}
        onChange={(e) => set({ availability: e.currentTarget.value as Availability | '' })}
      />
    </Stack>
  );
}

/** "Service directory": every organisation's services, searched by country, service, language, availability. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DirectoryFilters>(NO_FILTERS);
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => searchServices(filters, cursor, signal),
    [filters],
  );
  const list = useCursorList(fetchPage);
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('directory.title')}</PageTitle>
      <DirectoryLinks />
      <Text>{t('directory.intro')}</Text>
      <Filters value={filters} onChange={setFilters} />
      <StatusMessage
        status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
      />
      <Text role="status" data-testid="directory-count">
        {list.loading && list.items.length === 0
          ? ''
          : t('directory.results', { count: list.items.length })}
      </Text>
      {list.loading && list.items.length === 0 && <LoadingText />}
      <Stack component="ul" gap="sm" className="hw-directory-list" data-testid="directory-results">
        {list.items.map((service) => (
          <ServiceCard key={service.id} service={service} />
        ))}
      </Stack>
      {list.hasMore && (
        <Button variant="default" onClick={list.loadMore} loading={list.loading} size="md">
          {t('directory.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
