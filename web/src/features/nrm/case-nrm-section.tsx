import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { listJurisdictions, listReferrals } from './nrm.api';
import { nrmErrorMessage } from './nrm-errors';
import type { Referral } from './nrm.schema';
import { ReferralCard } from './referral-card';
import { ReferralForm } from './referral-form';

/**
 * "Official identification" on the case page: the case's referrals to a national referral
 * mechanism with each step's deadline, and the forms to record a referral and its decisions.
 * `onChanged` runs after every write (the server adds journey events).
 */
export function CaseNrmSection({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = hasPermission(me, 'nrm.write');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const referrals = useLoad(
    useCallback((signal: AbortSignal) => listReferrals(caseId, signal), [caseId]),
  );
  const jurisdictions = useLoad(useCallback((signal) => listJurisdictions(signal), []));
  const error = referrals.error ?? jurisdictions.error;
  const byCode = new Map((jurisdictions.data?.items ?? []).map((j) => [j.code, j]));
  const now = new Date();

  const handleChanged = (saved: Referral, message: string) => {
    setNotice(message);
    referrals.setData((data) => ({
      items: data?.items.some((r) => r.id === saved.id)
        ? data.items.map((r) => (r.id === saved.id ? saved : r))
        : [saved, ...(data?.items ?? [])],
    }));
    onChanged?.();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="nrm-heading">
      <Stack gap="md" data-testid="nrm-section">
        <Title order={2} className="hw-h2" id="nrm-heading">
          {t('nrm.title')}
        </Title>
        <Text size="sm">{t('nrm.intro')}</Text>
        {referrals.loading && !referrals.data && <LoadingText />}
        <StatusMessage
          status={error ? { tone: 'error', message: nrmErrorMessage(error, t) } : null}
        />
        {referrals.data?.items.length === 0 && <Text>{t('nrm.none')}</Text>}
        {referrals.data?.items.map((referral) => (
          <ReferralCard
            key={referral.id}
            referral={referral}
            jurisdiction={byCode.get(referral.jurisdiction)}
            now={now}
            canWrite={canWrite}
            onChanged={(saved) => handleChanged(saved, t('nrm.decisionSaved'))}
          />
        ))}
        <StatusMessage
          status={notice ? { tone: 'success', message: notice } : null}
          testId="nrm-notice"
        />
        {canWrite && jurisdictions.data && !adding && (
          <div>
            <Button
              variant="light"
              onClick={() => {
                setNotice(null);
                setAdding(true);
              }}
            >
              {t('nrm.addReferral')}
            </Button>
          </div>
        )}
        {canWrite && jurisdictions.data && adding && (
          <section aria-labelledby="nrm-add-heading">
            <Title order={3} size="h4" id="nrm-add-heading" mb="sm">
              {t('nrm.addReferral')}
            </Title>
            <ReferralForm
              caseId={caseId}
              jurisdictions={jurisdictions.data.items}
              onCreated={(created) => {
                setAdding(false);
                handleChanged(created, t('nrm.referralSaved'));
              }}
            />
          </section>
        )}
      </Stack>
    </Paper>
  );
}
