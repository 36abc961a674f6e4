import { Button, Divider, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { createRecoveryCodes, disableTotp } from '@web/features/auth/auth.api';
import { REAUTH_CANCELLED, useReauth } from '@web/features/auth/reauth';

type Action = 'codes' | 'disable';

/**
 * What a user with 2FA on can do: make new recovery codes, and (unless the organisation requires
 * 2FA) turn it off. Both ask first, then the server may ask for the password again (re-auth).
 */
export function TotpOnActions(props: {
  canDisable: boolean;
  onCodes: (codes: string[]) => void;
  onDisabled: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const withReauth = useReauth();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);

  const run = async (action: Action) => {
    setConfirming(null);
    setBusy(action);
    try {
      if (action === 'codes') {
        const result = await withReauth(createRecoveryCodes);
        if (result !== REAUTH_CANCELLED) {
          props.onCodes(result.recoveryCodes);
        }
      } else if ((await withReauth(disableTotp)) !== REAUTH_CANCELLED) {
        props.onDisabled();
      }
    } catch (caught: unknown) {
      props.onError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md" align="flex-start">
      <Divider w="100%" />
      <Title order={3}>{t('security.recovery.renewHeading')}</Title>
      <Text maw={640}>{t('security.recovery.renewIntro')}</Text>
      <Button variant="default" loading={busy === 'codes'} onClick={() => setConfirming('codes')}>
        {t('security.recovery.renew')}
      </Button>
      {props.canDisable && (
        <>
          <Divider w="100%" />
          <Title order={3}>{t('security.totp.disableHeading')}</Title>
          <Text maw={640}>{t('security.totp.disableIntro')}</Text>
          <Button
            variant="default"
            color="red"
            loading={busy === 'disable'}
            onClick={() => setConfirming('disable')}
          >
            {t('security.totp.disable')}
          </Button>
        </>
      )}
      <ConfirmModal
        opened={confirming !== null}
        title={
          confirming === 'disable'
            ? t('security.totp.disableHeading')
            : t('security.recovery.renew')
        }
        message={
          confirming === 'disable'
            ? t('security.totp.disableConfirm')
            : t('security.recovery.renewConfirm')
        }
        confirmLabel={
          confirming === 'disable' ? t('security.totp.disable') : t('security.recovery.renew')
        }
        danger={confirming === 'disable'}
        onConfirm={() => void (confirming && run(confirming))}
        onCancel={() => setConfirming(null)}
      />
    </Stack>
  );
}
