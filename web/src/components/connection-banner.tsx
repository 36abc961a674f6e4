import { Alert } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { WarningIcon } from './icons';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** True while the browser has a connection (`navigator.onLine`, updated by its events). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * Says that the connection is down and that what was typed is safe in the page, while `show`
 * (default: whenever the browser is offline). A live region, so it is announced when it appears.
 */
export function ConnectionBanner({ show }: { show?: boolean }) {
  const { t } = useTranslation();
  const online = useOnline();
  const visible = show ?? !online;
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="hw-status">
      {visible && (
        <Alert color="yellow" icon={<WarningIcon />} data-testid="offline-banner" role="note">
          {t('drafts.offline')}
        </Alert>
      )}
    </div>
  );
}
