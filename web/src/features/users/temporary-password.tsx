import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretValue } from '@web/components/secret-value';

/** A generated password, shown once; the dialog holding it stays until the admin confirms. */
export function TemporaryPassword(props: { intro: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{props.intro}</Text>
      <SecretValue
        label={t('users.tempPasswordLabel')}
        value={props.password}
        testId="temporary-password"
      />
      <Button onClick={props.onDone}>{t('users.tempPasswordDone')}</Button>
    </Stack>
  );
}
