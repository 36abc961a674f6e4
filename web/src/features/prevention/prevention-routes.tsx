import { lazy, type ComponentType } from 'react';
import type { UiPermission } from '@web/features/auth/auth.schema';

const ReportsPage = lazy(() =>
  import('./reports-page').then((module) => ({ default: module.ReportsPage })),
);
const IndicatorsPage = lazy(() =>
  import('./indicators-page').then((module) => ({ default: module.IndicatorsPage })),
);
const TrendsPage = lazy(() =>
  import('./trends-page').then((module) => ({ default: module.TrendsPage })),
);
const AssignmentsPage = lazy(() =>
  import('./assignments-page').then((module) => ({ default: module.AssignmentsPage })),
);

/**
 * The reported-adverts pages for App.tsx's route table, each loaded when first opened:
 * `#/prevention/reports` (and `…/reports/:id`, shown by the same page), the shared contacts,
 * the trends, and the platform admin's assignment of countries.
 */
export const PREVENTION_ROUTES = [
  {
    path: '/prevention/reports',
    label: 'adverts.nav.reports',
    page: ReportsPage,
    permission: 'prevention.read',
  },
  {
    path: '/prevention/indicators',
    label: 'adverts.nav.indicators',
    page: IndicatorsPage,
    permission: 'prevention.read',
    inNav: false,
  },
  {
    path: '/prevention/trends',
    label: 'adverts.nav.trends',
    page: TrendsPage,
    permission: 'prevention.read',
  },
  {
    path: '/prevention/assignments',
    label: 'adverts.assignments.nav',
    page: AssignmentsPage,
    permission: 'prevention.assign',
  },
] as const satisfies readonly {
  path: string;
  label: string;
  page: ComponentType;
  permission: UiPermission;
  inNav?: boolean;
}[];

/** The path prefix of one report, shown by the reports page. */
export const REPORT_PATH_PREFIX = '/prevention/reports/';
