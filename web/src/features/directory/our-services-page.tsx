import { Anchor, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { directoryErrorMessage as errorMessage } from './directory-errors';
import { href, navigate } from '@web/lib/router';
import { useCursorList } from '@web/lib/use-cursor-list';
import { createService, getService, searchServices, updateService } from './directory.api';
import { DirectoryLinks } from './directory-page';
import { ServiceCard } from './service-card';
import { ServiceForm } from './service-form';
import { EMPTY_SERVICE, fromService } from './service-form-model';
import './directory.css';

/** "Our services": the organisation's own entries (admins), with a link to add one. */
export function OurServicesPage({ organisationId }: { organisationId?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const owner = organisationId ?? me.organisation.id;
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      searchServices(
        { country: '', service: '', language: '', availability: '', organisationId: owner },
        cursor,
        signal,
      ),
    [owner],
  );
  const list = useCursorList(fetchPage);
  const newPath = organisationId
    ? `/directory/organisations/${organisationId}/new`
    : '/directory/ours/new';
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>
        {organisationId ? t('directory.organisations.services') : t('directory.ours.title')}
      </PageTitle>
      <DirectoryLinks />
      <Text>{t('directory.ours.intro')}</Text>
      <Anchor href={href(newPath)} className="hw-touch-link" data-testid="directory-add-service">
        {t('directory.ours.add')}
      </Anchor>
      <StatusMessage
        status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
      />
      {list.loading && list.items.length === 0 && <LoadingText />}
      {!list.loading && list.items.length === 0 && <Text>{t('directory.ours.none')}</Text>}
      <Stack component="ul" gap="sm" className="hw-directory-list">
        {list.items.map((service) => (
          <ServiceCard key={service.id} service={service} />
        ))}
      </Stack>
    </Stack>
  );
}

/** Adds a service: the organisation's own, or (platform admins) an external organisation's. */
export function NewServicePage({ organisationId }: { organisationId?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('directory.ours.add')}</PageTitle>
      <ServiceForm
        initial={EMPTY_SERVICE}
        submitLabel={t('directory.form.create')}
        send={(input) => createService(organisationId ? { ...input, organisationId } : input)}
        onSaved={(saved) => navigate(`/directory/services/${saved.id}`)}
      />
    </Stack>
  );
}

/** Edits one service the member maintains. */
export function EditServicePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(useCallback((signal: AbortSignal) => getService(id, signal), [id]));
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{t('directory.form.editTitle')}</PageTitle>
      {loaded.loading && !loaded.data && <LoadingText />}
      <StatusMessage
        status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
      />
      {loaded.data && (
        <ServiceForm
          initial={fromService(loaded.data)}
          submitLabel={t('directory.form.save')}
          send={(input) => updateService(id, input)}
          onSaved={(saved) => navigate(`/directory/services/${saved.id}`)}
        />
      )}
    </Stack>
  );
}
