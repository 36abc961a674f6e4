import { Button, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { getNrmSettings, updateNrmSettings } from './nrm.api';
import { NrmSettingsUpdateSchema } from './nrm.schema';
import { useNrmSubmit } from './use-nrm-submit';

/** The organisation's "due soon" horizon for identification deadlines (organisation admins). */
export function NrmSettingsForm() {
  const { t } = useTranslation();
  const settings = useLoad(useCallback((signal: AbortSignal) => getNrmSettings(signal), []));
  const [days, setDays] = useState<number | string>('');
  const form = useNrmSubmit(NrmSettingsUpdateSchema, updateNrmSettings);
  const loaded = settings.data?.upcomingDays;
  useEffect(() => {
    if (loaded !== undefined) {
      setDays(loaded);
    }
  }, [loaded]);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit({ upcomingDays: typeof days === 'number' ? days : NaN });
    if (saved) {
      form.setStatus({ tone: 'success', message: t('nrm.settings.saved') });
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="nrm-settings">
      <Title order={2} size="h3" mb="sm" id="nrm-settings">
        {t('nrm.settings.title')}
      </Title>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm">
          <NumberInput
            label={t('nrm.settings.upcomingDays')}
            description={t('nrm.settings.upcomingDaysHint')}
            min={1}
            max={90}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={form.errors.upcomingDays}
            data-testid="nrm-upcoming-days"
          />
          <StatusMessage
            status={
              form.status ??
              (settings.error ? { tone: 'error', message: t('errors.unknown') } : null)
            }
            testId="nrm-settings-status"
          />
          <div>
            <Button type="submit" loading={form.busy} disabled={!settings.data}>
              {t('nrm.settings.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
