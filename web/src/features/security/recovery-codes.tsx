import { Button, Checkbox, CopyButton, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The recovery codes, shown once. "Continue" stays disabled until the user says they saved them.
 * The heading takes focus, since the button that asked for the codes is gone.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="md">
      <Title order={3} ref={heading} tabIndex={-1}>
        {t('security.recovery.heading')}
      </Title>
      <Text>{t('security.recovery.intro')}</Text>
      <List className="hw-codes" data-testid="recovery-codes" listStyleType="none" p={0}>
        {codes.map((code) => (
          <List.Item key={code}>
            <code>{code}</code>
          </List.Item>
        ))}
      </List>
      <div>
        <CopyButton value={codes.join('\n')} timeout={3000}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('common.copied') : t('security.recovery.copyAll')}
            </Button>
          )}
        </CopyButton>
      </div>
      <Checkbox
        label={t('security.recovery.saved')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <div>
        <Button disabled={!saved} onClick={onDone}>
          {t('security.recovery.continue')}
        </Button>
      </div>
    </Stack>
  );
}
