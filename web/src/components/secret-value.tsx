import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A secret shown once (temporary password, API token, setup key): monospace, selectable, with a
 * copy button. The copy result is announced in the button's own text.
 */
export function SecretValue({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text fw={700} component="p">
        {label}
      </Text>
      <Code block className="hw-secret" data-testid={testId}>
        {value}
      </Code>
      <Group>
        <CopyButton value={value} timeout={3000}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy} aria-live="polite">
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
