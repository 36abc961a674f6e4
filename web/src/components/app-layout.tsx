import { AppShell, Box, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@web/features/auth/auth.schema';
import { flushDrafts, hasUnsyncedDrafts } from '@web/lib/draft-store';
import { href } from '@web/lib/router';
import { ConfirmModal } from './confirm-modal';
import { LanguageSelect } from './language-select';

/** One entry of the main navigation. */
export interface NavItem {
  path: string;
  label: string;
}

const NAV_ID = 'main-navigation';

function skipToMain(event: React.MouseEvent<HTMLAnchorElement>) {
  // The hash is the router's, so the skip link moves focus itself instead of changing it.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/**
 * The signed-in frame: header (app and organisation name, language, log out) and a navbar that
 * folds behind a burger below the `sm` breakpoint.
 */
export function AppLayout(props: {
  me: Me;
  path: string;
  navItems: NavItem[];
  onLogOut: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)', false) ?? false;
  const [confirmLogout, setConfirmLogout] = useState(false);

  // Logging out wipes the page's memory: typing is saved first, and what could not be saved
  // (offline, refused) would be lost, so the person is asked.
  const handleLogOut = async () => {
    await flushDrafts();
    if (hasUnsyncedDrafts()) {
      setConfirmLogout(true);
    } else {
      props.onLogOut();
    }
  };

  useEffect(() => close(), [props.path, close]);

  const handleKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && opened) {
      close();
    }
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
      onKeyDown={handleKeyDown}
    >
      <a href="#main" className="hw-skip-link" onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={8} gap={6} wrap="nowrap" justify="space-between">
          <Group gap={4} wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls={NAV_ID}
            />
            <Text
              fw={700}
              fz={{ base: 'md', xs: 'lg' }}
              pl={{ base: 0, sm: 'xs' }}
              truncate
              data-testid="app-name"
            >
              {t('app.name')}
            </Text>
            <Text visibleFrom="sm" c="dimmed" truncate ml="sm" data-testid="header-organisation">
              {props.me.organisation.name}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSelect />
            <Button
              variant="default"
              px={{ base: 8, sm: 10 }}
              className="hw-nowrap"
              onClick={() => void handleLogOut()}
              data-testid="logout-button"
            >
              {t('header.logout')}
            </Button>
            <ConfirmModal
              opened={confirmLogout}
              title={t('header.logoutUnsavedTitle')}
              message={t('header.logoutUnsavedMessage')}
              confirmLabel={t('header.logoutAnyway')}
              danger
              onConfirm={() => {
                setConfirmLogout(false);
                props.onLogOut();
              }}
              onCancel={() => setConfirmLogout(false)}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id={NAV_ID}
        component="nav"
        aria-label={t('nav.label')}
        p="sm"
        inert={isMobile && !opened}
      >
        <Stack gap={2}>
          <Box hiddenFrom="sm" px="sm" pb="sm">
            <Text fw={700}>{props.me.organisation.name}</Text>
            <Text size="sm" c="dimmed">
              {props.me.user.displayName}
            </Text>
          </Box>
          {props.navItems.map((item) => (
            <NavLink
              key={item.path}
              href={href(item.path)}
              label={item.label}
              active={item.path === props.path}
              aria-current={item.path === props.path ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="hw-main">
        {props.children}
      </AppShell.Main>
    </AppShell>
  );
}
