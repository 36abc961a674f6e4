import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href } from '@web/lib/router';
import { PageTitle } from './page-title';

/** Shown for an unknown `#/path`. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={640}>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <Anchor href={href('/')} className="hw-touch-link">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

/** Shown when the user's role does not include the page's permission. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={640}>
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Text>{t('forbidden.body')}</Text>
      <Anchor href={href('/')} className="hw-touch-link">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

/** Shown when the server cannot be reached while checking the session. */
export function UnavailablePage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={640}>
      <PageTitle>{t('unavailable.title')}</PageTitle>
      <div role="status">
        <Text>{t('unavailable.body')}</Text>
      </div>
      <div>
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </div>
    </Stack>
  );
}
