import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '@web/features/auth/session';
import { formatDate, formatDateTime } from '@web/lib/format';
import { fontsReadyFor } from '@web/lib/script-fonts';
import { CONSENT_PURPOSES, type Case } from './cases.schema';
import { usePageFooter } from './print-footer';

/**
 * A plain-language consent form on paper, in `lang` (any UI language, chosen for the person, not
 * necessarily the screen's): what each use of the person's information means, a yes/no box for
 * each, and signature lines kept together on one page. The person's name is set in the name font
 * stack, so it prints in any script. Rendered at the end of `<body>` and shown only while
 * `html.hw-printing-form` is set (see cases.css); the confidentiality footer is in the page margin.
 */
export function ConsentPrintForm(props: {
  record: Case;
  name: string;
  printedAt: string;
  lang: string;
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(props.lang);
  const me = useMe();
  usePageFooter(
    t('print.footer', {
      name: me.user.displayName,
      organisation: me.organisation.name,
      time: formatDateTime(props.printedAt, props.lang),
    }),
    1,
  );
  return createPortal(
    <div
      className="hw-print-only hw-print-form hw-name"
      lang={props.lang}
      data-testid="consent-print-form"
    >
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('consent.print.title')}
        </Title>
        <Text>{t('consent.print.intro')}</Text>
        <dl className="hw-facts">
          <dt>{t('consent.print.person')}</dt>
          <dd className="hw-name" data-testid="consent-print-name">
            {props.name}
          </dd>
          <dt>{t('cases.fields.caseNumber')}</dt>
          <dd>{props.record.caseNumber}</dd>
          <dt>{t('consent.print.organisation')}</dt>
          <dd>{me.organisation.name}</dd>
          <dt>{t('consent.print.date')}</dt>
          <dd>{formatDate(props.printedAt, props.lang)}</dd>
        </dl>
        <Text>{t('consent.print.rights')}</Text>
        {CONSENT_PURPOSES.map((purpose) => (
          <section key={purpose} className="hw-print-keep">
            <Title order={2} size="h5">
              {t(`consent.purposes.${purpose}`)}
            </Title>
            <Text size="sm">{t(`consent.explain.${purpose}`)}</Text>
            <Text size="sm" mt={2}>
              <span className="hw-box" /> {t('consent.print.yes')}
              {'    '}
              <span className="hw-box" /> {t('consent.print.no')}
            </Text>
          </section>
        ))}
        <div className="hw-print-keep hw-sign-block" data-testid="consent-print-signatures">
          <Text>{t('consent.print.signPerson')}</Text>
          <div className="hw-sign-line" />
          <Text>{t('consent.print.signGuardian')}</Text>
          <div className="hw-sign-line" />
          <Text>{t('consent.print.signStaff')}</Text>
          <div className="hw-sign-line" />
        </div>
      </Stack>
    </div>,
    document.body,
  );
}

/**
 * While `printedAt` is set: marks the page so only the printed form shows on paper, opens the print
 * dialog once the form and the fonts for `texts` are in the page, and calls `onDone` when printing
 * has finished.
 */
export function usePrintForm(
  printedAt: string | null,
  onDone: () => void,
  texts: readonly string[] = [],
): void {
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
    let cancelled = false;
    // After the form is in the page, and the fonts for its text (the name's script, the form's
    // language) are loaded: paper would show empty boxes for a font still loading.
    const timer = window.setTimeout(() => {
      void fontsReadyFor(texts).then(() => {
        if (!cancelled) {
          window.print();
        }
      });
    }, 50);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', handleAfterPrint);
      root.classList.remove('hw-printing-form');
    };
    // `onDone` only resets the caller's state; a new function each render must not re-print.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [printedAt]);
}
