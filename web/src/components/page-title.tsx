import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstPage = true;

/**
 * The page's one `<h1>`. It also sets the document title and, after client-side navigation, takes
 * focus so keyboard and screen-reader users start at the top of the new page.
 */
export function PageTitle({ children, className }: { children: string; className?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);

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
