import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import type { UiPermission } from '@web/features/auth/auth.schema';
import { hasPermission, useMe } from '@web/features/auth/session';
import { CaseScreeningTab } from '@web/features/screening/case-screening-tab';
import { errorMessage } from '@web/lib/errors';
import { href, navigate } from '@web/lib/router';
import { useNameFonts } from '@web/lib/script-fonts';
import { getCase } from './cases.api';
import type { Case } from './cases.schema';
import { CaseAssessmentTab } from './case-assessment-tab';
import { CaseConsentTab } from './case-consent-tab';
import { CaseJourneyTab } from './case-journey-tab';
import { CaseNotesTab } from './case-notes-tab';
import { CaseOverviewTab } from './case-overview-tab';
import { CaseTasksTab } from './case-tasks-tab';
import { RetraffickingBadge, StatusBadge, caseName } from './case-ui';
import { PrintCaseSummary } from './case-print-summary';
import { PrintFooter } from './print-footer';
import { useLoad } from './use-load';
import './cases.css';

const TABS = [
  'overview',
  'journey',
  'assessment',
  'screening',
  'tasks',
  'consent',
  'notes',
] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return (TABS as readonly (string | null)[]).includes(value);
}

/**
 * What a tab needs beyond reading the case: a role without it does not see the tab at all, rather
 * than a tab of "not allowed" alerts (notes and files are sensitive: viewers read neither).
 */
const TAB_PERMISSION: Partial<Record<Tab, UiPermission>> = {
  notes: 'case.read_sensitive',
  screening: 'screening.read',
};

/** The path of a case's tab: `/cases/:id` for the overview, `/cases/:id/journey` for the others. */
export function casePath(caseId: string, tab: Tab = 'overview'): string {
  return tab === 'overview' ? `/cases/${caseId}` : `/cases/${caseId}/${tab}`;
}

/**
 * One person's record, in tabs. `caseId` and `tab` come from the route `#/cases/:id/:tab`, so a
 * reload or the Back button comes back to the same tab. Choosing a tab replaces the history entry
 * rather than adding one: Back leaves the case instead of stepping through its tabs.
 */
export function CasePage(props: { caseId: string; tab: string | null; item?: string | null }) {
  const { caseId, tab: tabInPath } = props;
  // Only the screening tab has items (`#/cases/:id/screening/:sid`).
  const item = tabInPath === 'screening' ? (props.item ?? null) : null;
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getCase(caseId, signal), [caseId]);
  const loaded = useLoad(fetcher);
  const me = useMe();
  const tabs = TABS.filter((name) => {
    const needed = TAB_PERMISSION[name];
    return !needed || hasPermission(me, needed);
  });
  const shown = (value: string | null): value is Tab => isTab(value) && tabs.includes(value);
  const tab: Tab = shown(tabInPath) ? tabInPath : 'overview';
  const record = loaded.data;

  useEffect(() => {
    // An unknown tab in the address (an old or mistyped link), or one this role does not see,
    // shows the overview.
    if (tabInPath !== null && !shown(tabInPath)) {
      navigate(casePath(caseId), { replace: true });
    } else if (props.item && item === null && shown(tabInPath)) {
      navigate(casePath(caseId, tabInPath), { replace: true });
    }
  });
  useNameFonts(record?.identities.flatMap((identity) => [identity.given, identity.family]) ?? []);

  if (!record) {
    return (
      <Stack gap="md">
        <PageTitle>{t('cases.caseTitle')}</PageTitle>
        {loaded.loading && <LoadingText />}
        <StatusMessage
          status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
        />
        {loaded.error !== null && (
          <Group>
            <Button variant="default" onClick={() => void loaded.reload()}>
              {t('common.retry')}
            </Button>
            <Anchor href={href('/cases')} className="hw-touch-link">
              {t('cases.backToList')}
            </Anchor>
          </Group>
        )}
      </Stack>
    );
  }

  const handleSaved = (saved: Case) => loaded.setData(() => saved);

  return (
    <Stack gap="md">
      <div className="hw-case-screen">
        <Anchor href={href('/cases')} className="hw-touch-link hw-no-print" size="sm">
          {t('cases.backToList')}
        </Anchor>
        <PageTitle className="hw-name" documentTitle={record.caseNumber}>
          {caseName(record)}
        </PageTitle>
        <Group gap="xs" mb="md">
          <Text size="sm" data-testid="case-number">
            {t('cases.numberLabel', { number: record.caseNumber })}
          </Text>
          <StatusBadge status={record.status} />
          <RetraffickingBadge level={record.retraffickingRisk.level} />
          <Text size="sm" data-testid="case-stage">
            {t('caseHeader.stage', {
              stage: record.stage ? t(`cases.stages.${record.stage}`) : t('caseList.noStage'),
            })}
          </Text>
        </Group>
        <Group gap="xs" mb="md" className="hw-no-print">
          <PrintCaseSummary record={record} />
        </Group>
        <Tabs
          value={tab}
          onChange={(value) =>
            navigate(casePath(caseId, shown(value) ? value : 'overview'), { replace: true })
          }
          keepMounted={false}
          className="hw-tabs"
        >
          <Tabs.List className="hw-no-print">
            {tabs.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {name === 'screening' ? t('screening.tab') : t(`cases.tabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <CaseOverviewTab record={record} onSaved={handleSaved} onReload={loaded.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="journey" pt="md">
            {/* A new event can change the stage: the header and overview load the case again. */}
            <CaseJourneyTab caseId={record.id} onChanged={() => void loaded.reload()} />
          </Tabs.Panel>
          <Tabs.Panel value="assessment" pt="md">
            <CaseAssessmentTab caseId={record.id} />
          </Tabs.Panel>
          {tabs.includes('screening') && (
            <Tabs.Panel value="screening" pt="md">
              <CaseScreeningTab caseId={record.id} screeningId={item} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="tasks" pt="md">
            <CaseTasksTab caseId={record.id} />
          </Tabs.Panel>
          <Tabs.Panel value="consent" pt="md">
            <CaseConsentTab record={record} />
          </Tabs.Panel>
          {tabs.includes('notes') && (
            <Tabs.Panel value="notes" pt="md">
              <CaseNotesTab caseId={record.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      </div>
      <PrintFooter />
    </Stack>
  );
}
