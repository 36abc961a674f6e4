import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '@web/lib/router';

const PAGES = [
  { path: '/prevention/reports', label: 'adverts.nav.reports' },
  { path: '/prevention/indicators', label: 'adverts.nav.indicators' },
  { path: '/prevention/trends', label: 'adverts.nav.trends' },
] as const;

/** Links between the reported-adverts pages; the current one is marked for screen readers. */
export function PreventionNav({ current }: { current: (typeof PAGES)[number]['path'] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('adverts.nav.label')}>
      <Group gap="md" wrap="wrap">
        {PAGES.map((page) => (
          <Anchor
            key={page.path}
            href={href(page.path)}
            className="hw-touch-link"
            aria-current={page.path === current ? 'page' : undefined}
            fw={page.path === current ? 700 : 400}
          >
            {t(page.label)}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
