import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '@web/components/icons';
import { navigate } from '@web/lib/router';

/**
 * Shown after registering (GOV.UK confirmation pattern): the new case number, a way into the
 * record and a way to register the next person. Takes focus so screen readers announce it.
 */
export function RegisterConfirmation(props: {
  caseId: string;
  caseNumber: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      ref={box}
      tabIndex={-1}
      role="status"
      data-testid="register-confirmation"
    >
      <Stack gap="sm">
        <Title order={2} className="hw-h2">
          <CheckIcon /> {t('cases.register.confirmedTitle')}
        </Title>
        <Text>
          {t('cases.register.confirmed')}{' '}
          <Text span fw={700} fz="xl" data-testid="new-case-number">
            {props.caseNumber}
          </Text>
        </Text>
        <Group gap="sm">
          <Button onClick={() => navigate(`/cases/${props.caseId}`)}>
            {t('cases.register.openRecord')}
          </Button>
          <Button variant="default" onClick={props.onAnother}>
            {t('cases.register.another')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
