import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@web/features/auth/session';
import { formatDateTime } from '@web/lib/format';

/**
 * Footer texts asked for by mounted components: the one of highest priority (a printed form over
 * the page it is printed from), the latest of those, is on paper.
 */
const footers: { text: string; priority: number }[] = [];
let sheet: CSSStyleSheet | null = null;

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ')}"`;
}

/**
 * Puts the newest footer text into the bottom margin of every printed page (`@page` margin box),
 * so it never covers content as a fixed-position element on the page would.
 */
function applyFooter(): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const top = footers.reduce<(typeof footers)[number] | undefined>(
    (best, entry) => (!best || entry.priority >= best.priority ? entry : best),
    undefined,
  );
  sheet.replaceSync(
    top
      ? `@page { @bottom-left { content: ${cssString(top.text)}; font-size: 8pt; ` +
          'font-family: "Noto Sans", sans-serif; vertical-align: top; padding-top: 3mm; ' +
          'border-top: 0.5pt solid #000; } }'
      : '',
  );
}

/**
 * While mounted (and `text` is not null), `text` is the footer of every printed page, unless a
 * footer of higher `priority` is mounted too.
 */
export function usePageFooter(text: string | null, priority = 0): void {
  useEffect(() => {
    if (text === null) {
      return undefined;
    }
    const entry = { text, priority };
    footers.push(entry);
    applyFooter();
    return () => {
      footers.splice(footers.indexOf(entry), 1);
      applyFooter();
    };
  }, [text, priority]);
}

/**
 * The confidentiality footer of a printed case page, naming who printed it and when (UX.md),
 * in the page margin of every sheet. The time is taken when printing starts, not when the page
 * was opened.
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
  usePageFooter(
    t('print.footer', {
      name: me.user.displayName,
      organisation: me.organisation.name,
      time: formatDateTime(printedAt, i18n.language),
    }),
  );
  return null;
}
