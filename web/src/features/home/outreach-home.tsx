import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '@web/features/auth/auth.schema';
import { hasPermission } from '@web/features/auth/session';
import { href } from '@web/lib/router';

/** True for a role that sees no case at all (outreach staff): their home says what is here. */
export function seesNoCases(me: Me): boolean {
  return !hasPermission(me, 'case.read');
}

/**
 * The home of outreach staff: Homeward shows them no case, so it says plainly what they can do
 * here, and how the people they meet reach a caseworker without their details passing through
 * the outreach worker's phone.
 */
export function OutreachHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="outreach-home">
      <Title order={2} size="h3" mb="sm">
        {t('outreachHome.heading')}
      </Title>
      <Text mb="sm">{t('outreachHome.intro', { role: t(`roles.${me.role}`) })}</Text>
      <List spacing="xs" mb="sm">
        <List.Item>{t('outreachHome.account')}</List.Item>
        <List.Item>{t('outreachHome.language')}</List.Item>
        <List.Item>{t('outreachHome.refer', { organisation: me.organisation.name })}</List.Item>
        <List.Item>{t('outreachHome.noDetails')}</List.Item>
      </List>
      <Text size="sm" c="dimmed" mb="xs">
        {t('outreachHome.moreAccess')}
      </Text>
      <Anchor href={href('/security')} className="hw-touch-link">
        {t('outreachHome.security')}
      </Anchor>
    </Paper>
  );
}
