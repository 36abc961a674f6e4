import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';
import { TemporaryPassword } from './temporary-password';
import { resetUserPassword, resetUserTotp } from './users.api';
import type { User } from './users.schema';

/** Which reset an admin asked for, and for whom. */
export interface ResetTarget {
  user: User;
  kind: 'password' | 'totp';
}

/** A member of another organisation too can be reset only by a platform admin. */
function resetErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 'forbidden') || isApiError(error, 'account_shared')) {
    return t('users.resetShared');
  }
  return errorMessage(error, t);
}

function ResetBody(props: {
  target: ResetTarget;
  onClose: () => void;
  onDone: (user: User, message: string) => void;
}) {
  const { t } = useTranslation();
  const { user, kind } = props.target;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  const handleConfirm = async () => {
    setBusy(true);
    setStatus(null);
    try {
      if (kind === 'password') {
        setTemporaryPassword((await resetUserPassword(user.id)).temporaryPassword);
      } else {
        await resetUserTotp(user.id);
        props.onDone(
          { ...user, totpEnabled: false },
          t('users.resetTotpDone', { name: user.displayName }),
        );
      }
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: resetErrorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  if (temporaryPassword) {
    return (
      <TemporaryPassword
        intro={t('users.resetPasswordIntro', { name: user.displayName })}
        password={temporaryPassword}
        onDone={() => props.onDone(user, t('users.resetPasswordDone', { name: user.displayName }))}
      />
    );
  }
  return (
    <Stack>
      <Text>
        {kind === 'password'
          ? t('users.resetPasswordConfirm', { name: user.displayName })
          : t('users.resetTotpConfirm', { name: user.displayName })}
      </Text>
      <StatusMessage status={status} testId="reset-status" />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red.8" loading={busy} onClick={() => void handleConfirm()}>
          {kind === 'password' ? t('users.resetPassword') : t('users.resetTotp')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Asks before resetting a member's password or 2FA, then does it. A new password is shown once,
 * and the dialog stays until the admin confirms they have noted it.
 */
export function UserResetModal(props: {
  target: ResetTarget | null;
  onClose: () => void;
  onDone: (user: User, message: string) => void;
}) {
  const { t } = useTranslation();
  const { target } = props;
  return (
    <Modal
      opened={target !== null}
      onClose={props.onClose}
      title={target?.kind === 'totp' ? t('users.resetTotp') : t('users.resetPassword')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      centered
    >
      {target && (
        <ResetBody
          key={`${target.kind}-${target.user.id}`}
          target={target}
          onClose={props.onClose}
          onDone={props.onDone}
        />
      )}
    </Modal>
  );
}
