import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/page-title';
import { CheckIcon, InfoIcon } from '@web/components/icons';
import { hasPermission, useMe } from '@web/features/auth/session';
import { href } from '@web/lib/router';
import { NrmHomeCard } from '@web/features/nrm/nrm-home-card';
import { CaseworkerHome } from './caseworker-home';
import { OutreachHome, seesNoCases } from './outreach-home';

// Loaded only for those who do outreach, so the first download of everyone else stays as it was.
const OutreachHomeCard = lazy(() =>
  import('@web/features/outreach/outreach-home-card').then((module) => ({
    default: module.OutreachHomeCard,
  })),
);

/** Start page: who you are, in which organisation, with which role, and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    { path: '/cases', label: t('nav.cases'), show: hasPermission(me, 'case.read') },
    { path: '/tasks', label: t('nav.tasks'), show: hasPermission(me, 'case.update') },
    {
      path: '/nrm/deadlines',
      label: t('nrm.deadlines.nav'),
      show: hasPermission(me, 'nrm.read'),
    },
    { path: '/users', label: t('nav.users'), show: hasPermission(me, 'user.manage') },
    { path: '/audit', label: t('nav.audit'), show: hasPermission(me, 'audit.read') },
    {
      path: '/organisation',
      label: t('nav.organisation'),
      show: hasPermission(me, 'organisation.manage'),
    },
    { path: '/security', label: t('nav.security'), show: true },
  ].filter((link) => link.show);

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle>{t('home.welcome', { name: me.user.displayName })}</PageTitle>
      {hasPermission(me, 'case.read') && <CaseworkerHome />}
      {hasPermission(me, 'case.read_all') && hasPermission(me, 'nrm.read') && <NrmHomeCard />}
      {seesNoCases(me) && hasPermission(me, 'outreach.read') && (
        <Suspense fallback={null}>
          <OutreachHomeCard />
        </Suspense>
      )}
      {seesNoCases(me) && <OutreachHome me={me} />}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('home.accountHeading')}
        </Title>
        <dl className="hw-facts">
          <dt>{t('home.organisation')}</dt>
          <dd data-testid="home-organisation">{me.organisation.name}</dd>
          <dt>{t('home.role')}</dt>
          <dd data-testid="home-role" data-role={me.role}>
            {t(`roles.${me.role}`, { defaultValue: me.role })}
          </dd>
          <dt>{t('home.email')}</dt>
          <dd>{me.user.email}</dd>
        </dl>
        <Group gap="xs" mt="sm" wrap="nowrap" align="flex-start">
          {me.user.totpEnabled ? <CheckIcon /> : <InfoIcon />}
          <Text size="sm">{me.user.totpEnabled ? t('home.totpOn') : t('home.totpOff')}</Text>
        </Group>
        {!me.user.totpEnabled && (
          <Anchor href={href('/security')} className="hw-touch-link" mt="xs">
            {t('home.setUpTotp')}
          </Anchor>
        )}
      </Paper>
      <section aria-labelledby="home-shortcuts">
        <Title order={2} size="h3" mb="sm" id="home-shortcuts">
          {t('home.shortcuts')}
        </Title>
        <List listStyleType="none" spacing={4} p={0}>
          {links.map((link) => (
            <List.Item key={link.path}>
              <Anchor href={href(link.path)} className="hw-touch-link">
                {link.label}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </section>
    </Stack>
  );
}
