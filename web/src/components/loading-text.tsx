import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner with visible text, so the wait is clear without relying on the animation. */
export function LoadingText({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" />
      <Text>{label ?? t('common.loading')}</Text>
    </Group>
  );
}
