import { Center } from '@mantine/core';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLayout, type NavItem } from '@web/components/app-layout';
import { LoadingText } from '@web/components/loading-text';
import { PublicLayout } from '@web/components/public-layout';
import { ForbiddenPage, NotFoundPage, UnavailablePage } from '@web/components/simple-pages';
import type { Me, UiPermission } from '@web/features/auth/auth.schema';
import { LoginPage } from '@web/features/auth/login-page';
import { ReauthProvider } from '@web/features/auth/reauth';
import { hasPermission, SessionProvider, useSession } from '@web/features/auth/session';
import { HomePage } from '@web/features/home/home-page';
import { PREVENTION_ROUTES, REPORT_PATH_PREFIX } from '@web/features/prevention/prevention-routes';
import { navigate, usePath } from '@web/lib/router';

// Pages other than login and home load on first visit, keeping the first download small (UX.md).
const UsersPage = lazy(() =>
  import('@web/features/users/users-page').then((module) => ({ default: module.UsersPage })),
);
const AuditPage = lazy(() =>
  import('@web/features/audit/audit-page').then((module) => ({ default: module.AuditPage })),
);
const OrganisationPage = lazy(() =>
  import('@web/features/organisation/organisation-page').then((module) => ({
    default: module.OrganisationPage,
  })),
);
const CaseListPage = lazy(() =>
  import('@web/features/cases/case-list-page').then((module) => ({
    default: module.CaseListPage,
  })),
);
const CaseRegisterPage = lazy(() =>
  import('@web/features/cases/case-register-page').then((module) => ({
    default: module.CaseRegisterPage,
  })),
);
const OutreachSessionsPage = lazy(() =>
  import('@web/features/outreach/sessions-page').then((module) => ({
    default: module.OutreachSessionsPage,
  })),
);
const OutreachMaterialsPage = lazy(() =>
  import('@web/features/outreach/materials-page').then((module) => ({
    default: module.MaterialsPage,
  })),
);
// The dashboard's chunk carries the charting library: only its visitors download it.
const OutreachDashboardPage = lazy(() =>
  import('@web/features/outreach/dashboard-page').then((module) => ({
    default: module.OutreachDashboardPage,
  })),
);
const CasePage = lazy(() =>
  import('@web/features/cases/case-page').then((module) => ({ default: module.CasePage })),
);
const MyTasksPage = lazy(() =>
  import('@web/features/cases/my-tasks-page').then((module) => ({
    default: module.MyTasksPage,
  })),
);
const ForcedPasswordPage = lazy(() =>
  import('@web/features/security/forced-password-page').then((module) => ({
    default: module.ForcedPasswordPage,
  })),
);
const InstrumentsPage = lazy(() =>
  import('@web/features/instruments/instruments-page').then((module) => ({
    default: module.InstrumentsPage,
  })),
);
const DeadlinesPage = lazy(() =>
  import('@web/features/nrm/deadlines-page').then((module) => ({
    default: module.DeadlinesPage,
  })),
);
const JurisdictionsPage = lazy(() =>
  import('@web/features/nrm/jurisdictions-page').then((module) => ({
    default: module.JurisdictionsPage,
  })),
);
const SecurityPage = lazy(() =>
  import('@web/features/security/security-page').then((module) => ({
    default: module.SecurityPage,
  })),
);
const DirectoryRoutes = lazy(() =>
  import('@web/features/directory/directory-routes').then((module) => ({
    default: module.DirectoryRoutes,
  })),
);

/** Where the forced 2FA set-up lives; the only page open until the user has enrolled. */
const ENROLMENT_PATH = '/security';

interface RouteDef {
  path: string;
  label:
    | 'nav.home'
    | 'outreach.nav.sessions'
    | 'outreach.nav.materials'
    | 'outreach.nav.dashboard'
    | 'nav.cases'
    | 'nav.tasks'
    | 'nav.users'
    | 'nav.audit'
    | 'nav.organisation'
    | 'nav.security'
    | 'nrm.deadlines.nav'
    | 'nrm.jurisdictions.nav'
    | 'adverts.nav.reports'
    | 'adverts.nav.indicators'
    | 'adverts.nav.trends'
    | 'adverts.assignments.nav'
    | 'directory.nav'
    | 'directory.ours.nav'
    | 'directory.organisations.nav'
    | 'instruments.nav';
  page: ComponentType;
  permission?: UiPermission;
  /** False for pages reached from another page rather than from the navigation. */
  inNav?: boolean;
}

/**
 * `#/cases/:id`, `#/cases/:id/:tab` and `#/cases/:id/:tab/:item` (one screening of the screening
 * tab): one case; the id, the tab and the item are passed to the page.
 */
const CASE_PATH =
  /^\/cases\/([A-Za-z0-9_-]{1,64})(?:\/([a-z-]{1,32})(?:\/([A-Za-z0-9_-]{1,64}))?)?$/;

const ROUTES: RouteDef[] = [
  { path: '/', label: 'nav.home', page: HomePage },
  { path: '/cases', label: 'nav.cases', page: CaseListPage, permission: 'case.read' },
  {
    path: '/cases/new',
    label: 'nav.cases',
    page: CaseRegisterPage,
    permission: 'case.create',
    inNav: false,
  },
  { path: '/tasks', label: 'nav.tasks', page: MyTasksPage, permission: 'case.update' },
  {
    path: '/outreach',
    label: 'outreach.nav.sessions',
    page: OutreachSessionsPage,
    permission: 'outreach.read',
  },
  {
    path: '/outreach/materials',
    label: 'outreach.nav.materials',
    page: OutreachMaterialsPage,
    permission: 'outreach.read',
  },
  {
    path: '/outreach/dashboard',
    label: 'outreach.nav.dashboard',
    page: OutreachDashboardPage,
    permission: 'outreach.read',
  },
  { path: '/users', label: 'nav.users', page: UsersPage, permission: 'user.manage' },
  { path: '/audit', label: 'nav.audit', page: AuditPage, permission: 'audit.read' },
  {
    path: '/organisation',
    label: 'nav.organisation',
    page: OrganisationPage,
    permission: 'organisation.manage',
  },
  {
    path: '/instruments',
    label: 'instruments.nav',
    page: InstrumentsPage,
    permission: 'screening.read',
  },
  {
    path: '/nrm/deadlines',
    label: 'nrm.deadlines.nav',
    page: DeadlinesPage,
    permission: 'nrm.read',
  },
  {
    path: '/nrm/jurisdictions',
    label: 'nrm.jurisdictions.nav',
    page: JurisdictionsPage,
    permission: 'nrm_deadline.manage',
  },
  {
    path: '/directory',
    label: 'directory.nav',
    page: DirectoryRoutes,
    permission: 'directory.read',
  },
  {
    path: '/directory/ours',
    label: 'directory.ours.nav',
    page: DirectoryRoutes,
    permission: 'directory.manage',
  },
  {
    path: '/directory/organisations',
    label: 'directory.organisations.nav',
    page: DirectoryRoutes,
    permission: 'directory.verify',
  },
  ...PREVENTION_ROUTES,
  { path: '/security', label: 'nav.security', page: SecurityPage },
];

/** `#/instruments/…`: one instrument version, the form or the import (see instrument-routes). */
const INSTRUMENTS_ROUTE = ROUTES.find((candidate) => candidate.path === '/instruments');

/** `#/outreach/new`, `#/outreach/sessions/:id(/edit)`: shown by the sessions page. */
const OUTREACH_ROUTE = ROUTES.find((candidate) => candidate.path === '/outreach');

/** `#/directory/…`: a service, its form, an external organisation's services (directory-routes). */
const DIRECTORY_ROUTE = ROUTES.find((candidate) => candidate.path === '/directory');

/** `#/prevention/reports/:id`: one reported advert, shown by the reports page. */
const REPORTS_ROUTE = ROUTES.find((candidate) => candidate.path === PREVENTION_ROUTES[0].path);

/** After an admin's password reset, nothing is open until the person chooses a new password. */
function mustChangePassword(me: Me): boolean {
  return me.user.mustChangePassword;
}

function isOpen(me: Me, route: RouteDef): boolean {
  if (mustChangePassword(me)) {
    return false;
  }
  if (me.totpEnrolmentRequired) {
    return route.path === ENROLMENT_PATH;
  }
  return !route.permission || hasPermission(me, route.permission);
}

function SignedInApp({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { handleLogOut } = useSession();
  const path = usePath();

  useEffect(() => {
    if (!mustChangePassword(me) && me.totpEnrolmentRequired && path !== ENROLMENT_PATH) {
      navigate(ENROLMENT_PATH, { replace: true });
    }
  }, [me, path]);

  const route =
    ROUTES.find((candidate) => candidate.path === path) ??
    (path.startsWith('/directory/') ? DIRECTORY_ROUTE : undefined) ??
    (path.startsWith('/instruments/') ? INSTRUMENTS_ROUTE : undefined) ??
    (path.startsWith(REPORT_PATH_PREFIX) ? REPORTS_ROUTE : undefined) ??
    (path.startsWith('/outreach/') ? OUTREACH_ROUTE : undefined);
  const navItems: NavItem[] = ROUTES.filter(
    (candidate) => candidate.inNav !== false && isOpen(me, candidate),
  ).map((candidate) => ({
    path: candidate.path,
    label: t(candidate.label),
  }));

  let content = <NotFoundPage />;
  const caseMatch = route ? null : CASE_PATH.exec(path);
  const caseId = caseMatch?.[1];
  // One page per case: switching its tabs changes the path but keeps the page (and its data).
  const pageKey = caseId ? `/cases/${caseId}` : path;
  if (mustChangePassword(me)) {
    content = <ForcedPasswordPage />;
  } else if (route) {
    const Page = route.page;
    content = isOpen(me, route) ? <Page /> : <ForbiddenPage />;
  } else if (caseId) {
    const open =
      !me.totpEnrolmentRequired && !mustChangePassword(me) && hasPermission(me, 'case.read');
    content = open ? (
      <CasePage caseId={caseId} tab={caseMatch?.[2] ?? null} item={caseMatch?.[3] ?? null} />
    ) : (
      <ForbiddenPage />
    );
  }

  const handleLogOutClick = () => {
    navigate('/', { replace: true });
    void handleLogOut('loggedOut');
  };

  return (
    <AppLayout me={me} path={path} navItems={navItems} onLogOut={handleLogOutClick}>
      {/* A new key per page resets its state, so nothing from one page lingers in the next. */}
      <div key={mustChangePassword(me) ? 'password-change' : pageKey}>
        <ReauthProvider>
          <Suspense fallback={<LoadingText />}>{content}</Suspense>
        </ReauthProvider>
      </div>
    </AppLayout>
  );
}

function Screens() {
  const { state, refresh } = useSession();
  switch (state.status) {
    case 'loading':
      return (
        <PublicLayout>
          <Center py="xl">
            <LoadingText />
          </Center>
        </PublicLayout>
      );
    case 'unavailable':
      return (
        <PublicLayout>
          <UnavailablePage onRetry={() => void refresh()} />
        </PublicLayout>
      );
    case 'anonymous':
      return (
        <PublicLayout>
          <LoginPage key={state.notice ?? 'none'} notice={state.notice} />
        </PublicLayout>
      );
    case 'authenticated':
      return <SignedInApp me={state.me} />;
  }
}

/** The whole web UI: session, then either the login page or the signed-in app. */
export function App() {
  return (
    <SessionProvider>
      <Screens />
    </SessionProvider>
  );
}
