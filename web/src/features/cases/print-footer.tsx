import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@web/features/auth/session';
import { formatDateTime } from '@web/lib/format';

/**
 * Shown only on paper: a confidentiality footer naming who printed the page and when (UX.md).
 * The time is taken when printing starts, not when the page was opened.
 */
export function PrintFooter() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const handleBeforePrint = () => setPrintedAt(new Date().toISOString());
    window.addEventListener('beforeprint', handleBeforePrint);
    return () => window.removeEventListener('beforeprint', handleBeforePrint);
  }, []);
  return (
    <div className="hw-print-footer" data-testid="print-footer">
      {t('print.footer', {
        name: me.user.displayName,
        organisation: me.organisation.name,
        time: formatDateTime(printedAt, i18n.language),
      })}
    </div>
  );
}
