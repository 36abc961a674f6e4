import type { TFunction } from 'i18next';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { directoryErrorMessage as errorMessage } from './directory-errors';
import { formatNumber } from '@web/lib/format';
import { href, navigate } from '@web/lib/router';
import { deleteService, getService } from './directory.api';
import { countryList, kindLabel, languageList, genderLabel, methodLabel } from './directory-labels';
import type { StaffServiceDetail } from './directory.schema';
import { AvailabilityText, ContactLinks, OrganisationName } from './service-card';
import { DirectoryLinks } from './directory-page';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function eligibilityText(s: StaffServiceDetail, t: TFunction, locale: string) {
  const parts: string[] = [];
  if (s.eligibility.genders.length > 0) {
    parts.push(s.eligibility.genders.map((g) => genderLabel(g, t)).join(', '));
  }
  const { minAge, maxAge } = s.eligibility;
  if (minAge !== null && maxAge !== null) {
    parts.push(t('directory.ages', { min: minAge, max: maxAge }));
  } else if (minAge !== null) {
    parts.push(t('directory.agesFrom', { min: minAge }));
  } else if (maxAge !== null) {
    parts.push(t('directory.agesTo', { max: maxAge }));
  }
  if (s.eligibility.nationalities.length > 0) {
    parts.push(countryList(s.eligibility.nationalities, locale));
  }
  return parts.length > 0 ? parts.join(' · ') : t('directory.anyone');
}

/** Whether the member maintains this entry (its own organisation's, or an external one's). */
function maintains(me: ReturnType<typeof useMe>, s: StaffServiceDetail): boolean {
  return (
    (s.mine && hasPermission(me, 'directory.manage')) ||
    (s.organisation.external && hasPermission(me, 'directory.verify'))
  );
}

function Facts({ service }: { service: StaffServiceDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <dl className="hw-facts">
      <Fact label={t('directory.servesLabel')}>
        {countryList(service.countries, locale)}
        {service.regions.length > 0 && ` — ${service.regions.join(', ')}`}
      </Fact>
      <Fact label={t('directory.language')}>{languageList(service.languages, locale)}</Fact>
      <Fact label={t('directory.eligibility')}>{eligibilityText(service, t, locale)}</Fact>
      <Fact label={t('directory.availabilityLabel')}>
        <AvailabilityText value={service.availability} updatedAt={service.availabilityUpdatedAt} />
      </Fact>
      <Fact label={t('directory.capacity')}>
        {service.capacity === null
          ? t('directory.notGiven')
          : formatNumber(service.capacity, locale)}
      </Fact>
      <Fact label={t('directory.hours')}>{service.hours ?? t('directory.notGiven')}</Fact>
      <Fact label={t('directory.howToRefer')}>
        {service.referralMethods.map((m) => methodLabel(m, t)).join(', ')}
      </Fact>
      <Fact label={t('directory.contact')}>
        <ContactLinks contact={service.contact} />
      </Fact>
      <Fact label={t('directory.visibility')}>
        {service.public ? t('directory.publicYes') : t('directory.internal')}
      </Fact>
      {service.hasAddress && (
        <Fact label={t('directory.address')}>
          {service.address ?? t('directory.addressHidden')}
        </Fact>
      )}
    </dl>
  );
}

/** One service in detail; its maintainers can edit or remove it. */
export function ServiceDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const loaded = useLoad(useCallback((signal: AbortSignal) => getService(id, signal), [id]));
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const service = loaded.data;
  const handleRemove = async () => {
    try {
      await deleteService(id);
      navigate(service?.mine ? '/directory/ours' : '/directory/organisations');
    } catch (caught: unknown) {
      setConfirming(false);
      setRemoveError(caught);
    }
  };
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{service?.name ?? t('directory.serviceTitle')}</PageTitle>
      <DirectoryLinks />
      {loaded.loading && !service && <LoadingText />}
      <StatusMessage
        status={
          loaded.error || removeError
            ? { tone: 'error', message: errorMessage(loaded.error ?? removeError, t) }
            : null
        }
      />
      {service && (
        <Paper withBorder p="md" radius="md" data-testid="directory-detail">
          <Stack gap="sm">
            <Text size="sm">{kindLabel(service.service, t)}</Text>
            <OrganisationName {...service.organisation} />
            {service.description && <Text>{service.description}</Text>}
            <Title order={2} size="h4">
              {t('directory.details')}
            </Title>
            <Facts service={service} />
            {maintains(me, service) && (
              <Group gap="sm">
                <Anchor href={href(`/directory/services/${id}/edit`)} className="hw-touch-link">
                  {t('directory.edit')}
                </Anchor>
                <Button variant="default" color="red" onClick={() => setConfirming(true)}>
                  {t('directory.remove')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('directory.removeTitle')}
        message={t('directory.removeMessage', { name: service?.name ?? '' })}
        confirmLabel={t('directory.remove')}
        danger
        onConfirm={() => void handleRemove()}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
