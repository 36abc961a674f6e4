import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { countryName, countryOptions, otherCountryOptions } from '@web/features/cases/countries';
import { useLoad } from '@web/features/cases/use-load';
import { directoryErrorMessage as errorMessage } from './directory-errors';
import { href } from '@web/lib/router';
import { createExternalOrganisation, listOrganisations, setVerification } from './directory.api';
import { DirectoryLinks } from './directory-page';
import { ExternalOrganisationCreateSchema, type DirectoryOrganisation } from './directory.schema';
import { OrganisationName } from './service-card';
import './directory.css';

function OrganisationRow(props: {
  org: DirectoryOrganisation;
  onChanged: (o: DirectoryOrganisation) => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { org } = props;
  const handleToggle = async () => {
    setBusy(true);
    try {
      props.onChanged(await setVerification(org.id, !org.verified));
      setError(null);
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="directory-organisation">
      <Stack gap={6}>
        <OrganisationName name={org.name} verified={org.verified} external={org.external} />
        <Text size="sm">
          {t('directory.organisations.line', {
            country: countryName(org.country, i18n.language),
            count: org.serviceCount,
          })}
        </Text>
        {org.installationId && (
          <Text size="sm">
            {t('directory.organisations.installation', { id: org.installationId })}
          </Text>
        )}
        <Group gap="sm">
          <Button variant="default" loading={busy} onClick={() => void handleToggle()}>
            {org.verified
              ? t('directory.organisations.unverify', { name: org.name })
              : t('directory.organisations.verify', { name: org.name })}
          </Button>
          {org.external && (
            <Anchor href={href(`/directory/organisations/${org.id}`)} className="hw-touch-link">
              {t('directory.organisations.services')}
            </Anchor>
          )}
        </Group>
        <StatusMessage status={error ? { tone: 'error', message: errorMessage(error, t) } : null} />
      </Stack>
    </Paper>
  );
}

function ExternalForm({ onCreated }: { onCreated: (o: DirectoryOrganisation) => void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [installationId, setInstallationId] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ExternalOrganisationCreateSchema.safeParse({
      name,
      country,
      installationId: installationId.trim() === '' ? null : installationId.trim(),
    });
    if (!parsed.success) {
      setStatus({ tone: 'error', message: t('directory.organisations.fix') });
      return;
    }
    try {
      onCreated(await createExternalOrganisation(parsed.data));
      setName('');
      setInstallationId('');
      setStatus({ tone: 'success', message: t('directory.organisations.added') });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    }
  };
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="directory-external-form">
      <Stack gap="sm">
        <TextInput
          label={t('directory.organisations.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('directory.country')}
          required
          value={country}
          data={[
            { value: '', label: t('directory.chooseCountry') },
            ...countryOptions(i18n.language),
            ...otherCountryOptions(i18n.language),
          ]}
          onChange={(e) => setCountry(e.currentTarget.value)}
        />
        <TextInput
          label={t('directory.organisations.installationId')}
          description={t('directory.organisations.installationHint')}
          value={installationId}
          onChange={(e) => setInstallationId(e.currentTarget.value)}
        />
        <StatusMessage status={status} />
        <Group>
          <Button type="submit">{t('directory.organisations.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Platform admins: verify organisations, list external ones and maintain their services. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const loaded = useLoad(useCallback((signal: AbortSignal) => listOrganisations(signal), []));
  const replace = (o: DirectoryOrganisation) =>
    loaded.setData((d) => ({ items: [o, ...(d?.items ?? []).filter((x) => x.id !== o.id)] }));
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('directory.organisations.title')}</PageTitle>
      <DirectoryLinks />
      <Text>{t('directory.organisations.intro')}</Text>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="directory-external">
        <Title order={2} size="h3" id="directory-external" mb="sm">
          {t('directory.organisations.addTitle')}
        </Title>
        <ExternalForm onCreated={replace} />
      </Paper>
      {loaded.loading && !loaded.data && <LoadingText />}
      <StatusMessage
        status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
      />
      <Stack component="ul" gap="sm" className="hw-directory-list">
        {(loaded.data?.items ?? []).map((org) => (
          <OrganisationRow key={org.id} org={org} onChanged={replace} />
        ))}
      </Stack>
    </Stack>
  );
}
