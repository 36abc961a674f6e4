import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import { useNameFonts } from '@web/lib/script-fonts';
import { type CaseSummary } from './cases.schema';
import { RetraffickingBadge, StatusBadge, shownName } from './case-ui';
import { countryName } from './countries';

/** "Next due 3 May", or nothing when nothing is due. */
function NextDue({ item }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation();
  return item.nextDueOn ? (
    <>{t('caseList.nextDue', { date: formatDate(item.nextDueOn, i18n.language) })}</>
  ) : null;
}

/** A person in two lines on a phone: name and number; stage, risk, status and what is due. */
function CompactCase({ item, hideNames }: { item: CaseSummary; hideNames: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="hw-compact-line">
        <Anchor href={href(`/cases/${item.id}`)} fw={700} className="hw-touch-link hw-name">
          {shownName(item, hideNames)}
        </Anchor>
        <Text size="sm" span>
          {item.caseNumber}
        </Text>
      </div>
      <div className="hw-compact-line">
        <RetraffickingBadge level={item.retraffickingLevel} />
        {item.status !== 'open' && <StatusBadge status={item.status} />}
        <Text size="sm" span>
          {item.stage ? t(`cases.stages.${item.stage}`) : t('caseList.noStage')}
        </Text>
        <Text size="sm" span>
          <NextDue item={item} />
        </Text>
      </div>
    </>
  );
}

/** The case list: a table on wide screens, compact two-line rows on a phone. */
export function CaseTable(props: { items: CaseSummary[]; hideNames: boolean }) {
  const { t, i18n } = useTranslation();
  useNameFonts(props.hideNames ? [] : props.items.map((item) => item.displayName));
  const columns: Column<CaseSummary>[] = [
    {
      key: 'name',
      label: t('cases.columns.person'),
      className: 'hw-break',
      render: (item) => (
        <Anchor href={href(`/cases/${item.id}`)} fw={700} className="hw-touch-link hw-name">
          {shownName(item, props.hideNames)}
        </Anchor>
      ),
    },
    { key: 'number', label: t('cases.fields.caseNumber'), render: (item) => item.caseNumber },
    {
      key: 'nationality',
      label: t('cases.fields.nationality'),
      render: (item) => countryName(item.nationality, i18n.language) || t('common.none'),
    },
    {
      key: 'stage',
      label: t('cases.fields.stage'),
      render: (item) => (item.stage ? t(`cases.stages.${item.stage}`) : t('common.none')),
    },
    {
      key: 'risk',
      label: t('cases.risk.title'),
      render: (item) => <RetraffickingBadge level={item.retraffickingLevel} />,
    },
    {
      key: 'status',
      label: t('cases.fields.status'),
      render: (item) => <StatusBadge status={item.status} />,
    },
    {
      key: 'due',
      label: t('caseList.nextDueColumn'),
      render: (item) =>
        item.nextDueOn ? formatDate(item.nextDueOn, i18n.language) : t('common.none'),
    },
    {
      key: 'updated',
      label: t('cases.columns.updated'),
      render: (item) => formatDate(item.updatedAt, i18n.language),
    },
  ];
  return (
    <ResponsiveTable
      items={props.items}
      columns={columns}
      rowKey={(item) => item.id}
      testId="cases-table"
      rowTestId="case-row"
      compactRow={(item) => <CompactCase item={item} hideNames={props.hideNames} />}
    />
  );
}
