import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

/**
 * The page's one `<h1>`. It also sets the document title and, after client-side navigation, takes
 * focus so keyboard and screen-reader users start at the top of the new page.
 *
 * The tab title goes into the browser's history, the tab switcher and the phone's recent-apps
 * screen, so a heading that holds a person's name passes `documentTitle` (the case number) and
 * the name never reaches the title.
 */
export function PageTitle({
  children,
  className,
  documentTitle,
}: {
  children: string;
  className?: string;
  documentTitle?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const tabTitle = documentTitle ?? children;

  useEffect(() => {
    document.title = t('app.documentTitle', { page: tabTitle });
  }, [tabTitle, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);

  return (
    <Title
      order={1}
      ref={ref}
      tabIndex={-1}
      className={className ? `hw-page-title ${className}` : 'hw-page-title'}
      mb="md"
    >
      {children}
    </Title>
  );
}
