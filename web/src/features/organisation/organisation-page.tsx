import { Button, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe, useSession } from '@web/features/auth/session';
import { countryName } from '@web/features/cases/countries';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { NrmSettingsForm } from '@web/features/nrm/nrm-settings-form';
import { getOrganisation, updateOrganisation } from './organisation.api';
import { OrganisationUpdateSchema, type Organisation } from './organisation.schema';

function OrganisationForm({
  organisation,
  onSaved,
}: {
  organisation: Organisation;
  onSaved: (saved: Organisation) => void;
}) {
  const { t } = useTranslation();
  // Turning required 2FA on or off is a security setting (`organisation.security`), for a person
  // in a browser session; renaming needs only `organisation.manage`.
  const canSecure = hasPermission(useMe(), 'organisation.security');
  const [name, setName] = useState(organisation.name);
  const [requireTotp, setRequireTotp] = useState(organisation.requireTotp);
  const [allowApiTokens, setAllowApiTokens] = useState(organisation.allowApiTokens);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = OrganisationUpdateSchema.safeParse(
      canSecure ? { name, requireTotp, allowApiTokens } : { name },
    );
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await updateOrganisation(parsed.data));
      setStatus({ tone: 'success', message: t('organisation.saved') });
    } catch (caught: unknown) {
      setErrors(isApiError(caught, 'validation_failed') ? serverFieldErrors(caught.errors, t) : {});
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md">
        <StatusMessage status={status} testId="organisation-status" />
        <TextInput
          label={t('organisation.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        {canSecure ? (
          <Switch
            label={t('organisation.requireTotp')}
            description={t('organisation.requireTotpHint')}
            size="md"
            checked={requireTotp}
            onChange={(event) => setRequireTotp(event.currentTarget.checked)}
          />
        ) : (
          <Text size="sm" data-testid="require-totp-fixed">
            {organisation.requireTotp
              ? t('organisation.requireTotpOnFixed')
              : t('organisation.requireTotpOffFixed')}
          </Text>
        )}
        {canSecure ? (
          <Switch
            label={t('organisation.allowApiTokens')}
            description={t('organisation.allowApiTokensHint')}
            checked={allowApiTokens}
            onChange={(event) => setAllowApiTokens(event.currentTarget.checked)}
          />
        ) : (
          <Text size="sm" data-testid="allow-tokens-fixed">
            {organisation.allowApiTokens
              ? t('organisation.allowApiTokensOnFixed')
              : t('organisation.allowApiTokensOffFixed')}
          </Text>
        )}
        <div>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/**
 * Admin page: the organisation's name and whether everyone must use 2FA (the latter only with
 * `organisation.security`; others see the setting but cannot change it).
 */
export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const { refresh } = useSession();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    getOrganisation(controller.signal).then(setOrganisation, (caught: unknown) => {
      if (!controller.signal.aborted) {
        setError(caught);
      }
    });
    return () => controller.abort();
  }, []);

  const handleSaved = (saved: Organisation) => {
    setOrganisation(saved);
    // The header and the 2FA rules come from /api/me.
    void refresh();
  };

  return (
    <Stack gap="md" maw={640}>
      <PageTitle>{t('organisation.title')}</PageTitle>
      <StatusMessage
        status={error === null ? null : { tone: 'error', message: errorMessage(error, t) }}
      />
      {!organisation && error === null && <LoadingText />}
      {organisation && (
        <Paper withBorder p="md" radius="md">
          <dl className="hw-facts">
            <dt>{t('organisation.country')}</dt>
            <dd>{countryName(organisation.country, i18n.language)}</dd>
            <dt>{t('organisation.type')}</dt>
            <dd>
              {t(`organisation.types.${organisation.type}`, { defaultValue: organisation.type })}
            </dd>
          </dl>
          <Text size="sm" c="dimmed" mb="md">
            {t('organisation.fixedHint')}
          </Text>
          <OrganisationForm organisation={organisation} onSaved={handleSaved} />
        </Paper>
      )}
      {organisation && <NrmSettingsForm />}
    </Stack>
  );
}
