import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '@web/features/auth/session';
import { formatDate, formatDateTime } from '@web/lib/format';
import { CONSENT_PURPOSES, type Case } from './cases.schema';

/**
 * A plain-language consent form on paper: what each use of the person's information means, a
 * yes/no box for each, and signature lines. Rendered at the end of `<body>` and shown only while
 * `html.hw-printing-form` is set (see cases.css), with the confidentiality footer.
 */
export function ConsentPrintForm(props: { record: Case; name: string; printedAt: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  return createPortal(
    <div className="hw-print-only hw-print-form" data-testid="consent-print-form">
      <Stack gap="sm" p="md">
        <Title order={1} size="h2">
          {t('consent.print.title')}
        </Title>
        <Text>{t('consent.print.intro')}</Text>
        <dl className="hw-facts">
          <dt>{t('consent.print.person')}</dt>
          <dd>{props.name}</dd>
          <dt>{t('cases.fields.caseNumber')}</dt>
          <dd>{props.record.caseNumber}</dd>
          <dt>{t('consent.print.organisation')}</dt>
          <dd>{me.organisation.name}</dd>
          <dt>{t('consent.print.date')}</dt>
          <dd>{formatDate(props.printedAt, i18n.language)}</dd>
        </dl>
        <Text>{t('consent.print.rights')}</Text>
        {CONSENT_PURPOSES.map((purpose) => (
          <section key={purpose}>
            <Title order={2} size="h4">
              {t(`consent.purposes.${purpose}`)}
            </Title>
            <Text size="sm">{t(`consent.explain.${purpose}`)}</Text>
            <Text size="sm" mt={4}>
              <span className="hw-box" /> {t('consent.print.yes')}
              {'    '}
              <span className="hw-box" /> {t('consent.print.no')}
            </Text>
          </section>
        ))}
        <Text mt="md">{t('consent.print.signPerson')}</Text>
        <div className="hw-sign-line" />
        <Text>{t('consent.print.signGuardian')}</Text>
        <div className="hw-sign-line" />
        <Text>{t('consent.print.signStaff')}</Text>
        <div className="hw-sign-line" />
      </Stack>
      <div className="hw-print-footer">
        {t('print.footer', {
          name: me.user.displayName,
          organisation: me.organisation.name,
          time: formatDateTime(props.printedAt, i18n.language),
        })}
      </div>
    </div>,
    document.body,
  );
}

/**
 * While `printedAt` is set: marks the page so only the consent form prints, opens the print
 * dialog once the form is in the page, and calls `onDone` when printing has finished.
 */
export function usePrintForm(printedAt: string | null, onDone: () => void): void {
  useEffect(() => {
    if (!printedAt) {
      return undefined;
    }
    const root = document.documentElement;
    root.classList.add('hw-printing-form');
    const handleAfterPrint = () => {
      root.classList.remove('hw-printing-form');
      onDone();
    };
    window.addEventListener('afterprint', handleAfterPrint);
    const timer = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', handleAfterPrint);
      root.classList.remove('hw-printing-form');
    };
    // `onDone` only resets the caller's state; a new function each render must not re-print.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [printedAt]);
}
