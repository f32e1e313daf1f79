import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
  redirect,
  useRouter,
  useRouterState,
} from '@tanstack/react-router';
import { useEffect } from 'react';
import { meQuery } from './auth/session.ts';
import { AppLayout, PublicLayout } from './components/layout.tsx';
import { focusPageHeading } from './components/page.tsx';
import { RequirePermission } from './components/require-permission.tsx';
import { AccessibilityPage } from './pages/accessibility-page.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { AssetPage } from './pages/assets/asset-page.tsx';
import { AssetsPage } from './pages/assets/assets-page.tsx';
import { AssetImportPage } from './pages/assets/import-page.tsx';
import { NewAssetPage } from './pages/assets/new-asset-page.tsx';
import { parseAssetSearch } from './pages/assets/search.ts';
import { AssetTagPage } from './pages/assets/tag-page.tsx';
import { AuditPage } from './pages/audit/audit-page.tsx';
import { parseBaselineSearch } from './pages/baseline/search.ts';
import { parseBookingsSearch } from './pages/bookings/search.ts';
import { prefetchHomeDashboard } from './pages/dashboard/dashboard-queries.ts';
import { parseDashboardSearch } from './pages/dashboard/search.ts';
import { FamilyPage } from './pages/family/family-page.tsx';
import { parseLinesSearch, parseProgrammeSearch } from './pages/funding/search.ts';
import { parseHelpdeskSearch } from './pages/helpdesk/search.ts';
import { HomePage } from './pages/home-page.tsx';
import { RoundPage } from './pages/inventory/round-page.tsx';
import { RoundsPage } from './pages/inventory/rounds-page.tsx';
import { WarrantiesPage } from './pages/inventory/warranties-page.tsx';
import { LoanPage } from './pages/loans/loan-page.tsx';
import { LoansPage } from './pages/loans/loans-page.tsx';
import { LoanMessagesPage, parseMessageSearch } from './pages/loans/messages-page.tsx';
import { NewRequestPage } from './pages/loans/new-request-page.tsx';
import { RequestPage } from './pages/loans/request-page.tsx';
import { RequestsPage } from './pages/loans/requests-page.tsx';
import { parseDriveSearch, ReturnDrivePage } from './pages/loans/return-drive-page.tsx';
import { parseLoanSearch, parseRequestSearch } from './pages/loans/search.ts';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { parseInvoiceSearch, parseOrderSearch } from './pages/procurement/search.ts';
import { ImportPage } from './pages/schools/import-page.tsx';
import { NewSchoolPage } from './pages/schools/new-school-page.tsx';
import { SchoolPage } from './pages/schools/school-page.tsx';
import { SchoolsPage } from './pages/schools/schools-page.tsx';
import { parseSchoolSearch } from './pages/schools/search.ts';
import { UsersPage } from './pages/users/users-page.tsx';

/**
 * Code-based routes. Signed-in pages sit under the pathless `signedIn`
 * route, whose guard loads /api/auth/me and sends strangers to the login
 * page (with the page they asked for, to come back after signing in).
 */

export interface RouterContext {
  readonly queryClient: QueryClient;
}

/** Only same-site paths are followed after login (no open redirect). */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : undefined;
}

/** After a navigation (not the first load, where Tab must reach the skip link first), focus the new page's h1. */
function useFocusOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        // No previous location: the first load (redirects included).
        if (event.fromLocation && event.pathChanged) window.requestAnimationFrame(() => focusPageHeading());
      }),
    [router],
  );
}

function Root() {
  useFocusOnNavigation();
  const me = useQuery(meQuery).data ?? null;
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // The family's page (a signed link, no account) always stands outside the signed-in layout.
  if (me && pathname !== '/login' && !pathname.startsWith('/famille/')) {
    return (
      <AppLayout me={me}>
        <Outlet />
      </AppLayout>
    );
  }
  return (
    <PublicLayout>
      <Outlet />
    </PublicLayout>
  );
}

/**
 * Signed-in pages render only with a session. When it ends (sign-out, a 401
 * anywhere), whoever cleared it is on its way to the login page: render
 * nothing meanwhile rather than a page without its user.
 */
function SignedInOutlet() {
  const me = useQuery(meQuery).data ?? null;
  return me ? <Outlet /> : null;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Root,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    throw redirect({ to: me ? '/home' : '/login', replace: true });
  },
});

export interface LoginSearch {
  redirect?: string;
  expired?: boolean;
  /** Why a single sign-on was refused (`/login?sso=<reason>`, set by the server's callback). */
  sso?: string;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => {
    const out: LoginSearch = {};
    const target = safeRedirect(search.redirect);
    if (target) out.redirect = target;
    if (search.expired === true || search.expired === 'true') out.expired = true;
    if (typeof search.sso === 'string' && /^[a-z]{1,20}$/.test(search.sso)) out.sso = search.sso;
    return out;
  },
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: search.redirect ?? '/home', replace: true });
  },
  component: LoginPage,
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accessibilite',
  beforeLoad: async ({ context }) => {
    // Not a guard: the page is public, but the layout depends on the session.
    await context.queryClient.ensureQueryData(meQuery).catch(() => null);
  },
  component: AccessibilityPage,
});

/** The family's page of a loan: reached through the signed link of the convention, no account. */
const familyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/famille/$token',
  component: FamilyPage,
});

const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signedIn',
  beforeLoad: async ({ context, location }) => {
    const session = context.queryClient.ensureQueryData(meQuery);
    // The home dashboard's request leaves now, right behind /api/auth/me, rather than after its answer.
    if (location.pathname === '/home') {
      prefetchHomeDashboard(context.queryClient, parseDashboardSearch(location.search as Record<string, unknown>));
    }
    const me = await session;
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href }, replace: true });
    return { me };
  },
  component: SignedInOutlet,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/home',
  // The dashboard's filters (school year, circonscription, priority) and its school live in the URL.
  validateSearch: parseDashboardSearch,
  component: HomePage,
});

const usersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/users',
  component: () => (
    <RequirePermission permission="users.read">
      <UsersPage />
    </RequirePermission>
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/audit',
  component: () => (
    <RequirePermission permission="audit.read">
      <AuditPage />
    </RequirePermission>
  ),
});

const accountRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/account', component: AccountPage });

const schoolsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/schools',
  // The filters of the list live in the URL: shareable, and the back button restores them.
  validateSearch: parseSchoolSearch,
  component: () => (
    <RequirePermission permission="schools.read">
      <SchoolsPage />
    </RequirePermission>
  ),
});

const newSchoolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/schools/new',
  component: () => (
    <RequirePermission permission="schools.manage">
      <NewSchoolPage />
    </RequirePermission>
  ),
});

const importSchoolsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/schools/import',
  component: () => (
    <RequirePermission permission="schools.import">
      <ImportPage />
    </RequirePermission>
  ),
});

// Leaflet and the map page come in a chunk of their own, fetched on the first visit.
const SchoolsMapPage = lazyRouteComponent(() => import('./pages/schools/map-page.tsx'), 'SchoolsMapPage');

const schoolsMapRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/schools/map',
  component: () => (
    <RequirePermission permission="schools.read">
      <SchoolsMapPage />
    </RequirePermission>
  ),
});

const schoolRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/schools/$id',
  component: () => (
    <RequirePermission permission="schools.read">
      <SchoolPage />
    </RequirePermission>
  ),
});

const assetsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assets',
  // Like the schools list: the filters live in the URL.
  validateSearch: parseAssetSearch,
  component: () => (
    <RequirePermission permission="inventory.read">
      <AssetsPage />
    </RequirePermission>
  ),
});

const newAssetRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assets/new',
  component: () => (
    <RequirePermission permission="inventory.manage">
      <NewAssetPage />
    </RequirePermission>
  ),
});

const importAssetsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assets/import',
  component: () => (
    <RequirePermission permission="inventory.import">
      <AssetImportPage />
    </RequirePermission>
  ),
});

// The scanner (and, inside it, the camera reader) come in chunks of their own.
const ScanPage = lazyRouteComponent(() => import('./pages/assets/scan-page.tsx'), 'ScanPage');

const scanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assets/scan',
  component: () => (
    <RequirePermission permission="inventory.read">
      <ScanPage />
    </RequirePermission>
  ),
});

/** The address QR labels encode: `<public url>/assets/tag/<tag>`. */
const assetTagRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assets/tag/$tag',
  component: () => (
    <RequirePermission permission="inventory.read">
      <AssetTagPage />
    </RequirePermission>
  ),
});

const assetRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/assets/$id',
  component: () => (
    <RequirePermission permission="inventory.read">
      <AssetPage />
    </RequirePermission>
  ),
});

const roundsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/inventory/rounds',
  component: () => (
    <RequirePermission permission="inventory.read">
      <RoundsPage />
    </RequirePermission>
  ),
});

const roundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/inventory/rounds/$id',
  component: () => (
    <RequirePermission permission="inventory.read">
      <RoundPage />
    </RequirePermission>
  ),
});

// The catalogue's editors are used by few: a chunk of their own.
const CataloguePage = lazyRouteComponent(() => import('./pages/inventory/catalogue-page.tsx'), 'CataloguePage');

const catalogueRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/inventory/catalogue',
  component: () => (
    <RequirePermission permission="inventory.catalogue">
      <CataloguePage />
    </RequirePermission>
  ),
});

const warrantiesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/inventory/warranties',
  component: () => (
    <RequirePermission permission="inventory.catalogue">
      <WarrantiesPage />
    </RequirePermission>
  ),
});

const loansRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans',
  // Like the other lists: the filters live in the URL.
  validateSearch: parseLoanSearch,
  component: () => (
    <RequirePermission permission="loans.read">
      <LoansPage />
    </RequirePermission>
  ),
});

const loanRequestsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/requests',
  validateSearch: parseRequestSearch,
  component: () => (
    <RequirePermission permission="loans.read">
      <RequestsPage />
    </RequirePermission>
  ),
});

const newLoanRequestRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/requests/new',
  component: () => (
    <RequirePermission permission="loans.request">
      <NewRequestPage />
    </RequirePermission>
  ),
});

const loanRequestRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/requests/$id',
  component: () => (
    <RequirePermission permission="loans.read">
      <RequestPage />
    </RequirePermission>
  ),
});

const returnDriveRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/return-drive',
  validateSearch: parseDriveSearch,
  component: () => (
    <RequirePermission permission="loans.handover">
      <ReturnDrivePage />
    </RequirePermission>
  ),
});

const loanMessagesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/messages',
  validateSearch: parseMessageSearch,
  component: () => (
    <RequirePermission permission="loans.messages">
      <LoanMessagesPage />
    </RequirePermission>
  ),
});

// Used by managers only: a chunk of its own.
const CampaignsPage = lazyRouteComponent(() => import('./pages/loans/campaigns-page.tsx'), 'CampaignsPage');
const CampaignPage = lazyRouteComponent(() => import('./pages/loans/campaign-page.tsx'), 'CampaignPage');

const loanCampaignsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/campaigns',
  component: () => (
    <RequirePermission permission="loans.campaigns">
      <CampaignsPage />
    </RequirePermission>
  ),
});

const loanCampaignRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/campaigns/$id',
  component: () => (
    <RequirePermission permission="loans.campaigns">
      <CampaignPage />
    </RequirePermission>
  ),
});

// Used by administrators only: a chunk of its own.
const LoanSettingsPage = lazyRouteComponent(() => import('./pages/loans/settings-page.tsx'), 'LoanSettingsPage');

const loanSettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/settings',
  component: () => (
    <RequirePermission permission="loans.settings">
      <LoanSettingsPage />
    </RequirePermission>
  ),
});

const loanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/loans/$id',
  component: () => (
    <RequirePermission permission="loans.read">
      <LoanPage />
    </RequirePermission>
  ),
});

// Used by administrators only: a chunk of its own.
const MailSettingsPage = lazyRouteComponent(() => import('./pages/admin/mail-settings-page.tsx'), 'MailSettingsPage');

const mailSettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/mail',
  component: () => (
    <RequirePermission permission="organisation.manage">
      <MailSettingsPage />
    </RequirePermission>
  ),
});

const PublicationSettingsPage = lazyRouteComponent(
  () => import('./pages/admin/publication-settings-page.tsx'),
  'PublicationSettingsPage',
);
const publicationSettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/publication',
  component: () => (
    <RequirePermission permission="organisation.manage">
      <PublicationSettingsPage />
    </RequirePermission>
  ),
});

const AccessibilitySettingsPage = lazyRouteComponent(
  () => import('./pages/admin/accessibility-settings-page.tsx'),
  'AccessibilitySettingsPage',
);
const IdentityProvidersPage = lazyRouteComponent(
  () => import('./pages/admin/identity-providers-page.tsx'),
  'IdentityProvidersPage',
);
const identityProvidersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/identity-providers',
  component: () => (
    <RequirePermission permission="identity.manage">
      <IdentityProvidersPage />
    </RequirePermission>
  ),
});

const accessibilitySettingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/accessibility',
  component: () => (
    <RequirePermission permission="organisation.manage">
      <AccessibilitySettingsPage />
    </RequirePermission>
  ),
});

const WebhooksPage = lazyRouteComponent(() => import('./pages/admin/webhooks-page.tsx'), 'WebhooksPage');
const webhooksRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/webhooks',
  component: () => (
    <RequirePermission permission="webhooks.manage">
      <WebhooksPage />
    </RequirePermission>
  ),
});

// Procurement (orders, receiving, invoices, contracts): one chunk of its own, with the permission checks inside.
// The return type is written out: inferring it from the module would make the router's type depend on itself.
type ProcurementRoute =
  | 'OrdersRoute'
  | 'NewOrderRoute'
  | 'EditOrderRoute'
  | 'OrderRoute'
  | 'InvoicesRoute'
  | 'InvoiceRoute'
  | 'ContractsRoute';
const procurement = (name: ProcurementRoute): RouteComponent =>
  lazyRouteComponent(() => import('./pages/procurement/routes.tsx'), name);

const ordersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/orders',
  validateSearch: parseOrderSearch,
  component: procurement('OrdersRoute'),
});

const newOrderRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/orders/new',
  component: procurement('NewOrderRoute'),
});

const editOrderRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/orders/$id/edit',
  component: procurement('EditOrderRoute'),
});

const orderRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/orders/$id',
  component: procurement('OrderRoute'),
});

const invoicesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/invoices',
  validateSearch: parseInvoiceSearch,
  component: procurement('InvoicesRoute'),
});

const invoiceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/invoices/$id',
  component: procurement('InvoiceRoute'),
});

const contractsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/procurement/contracts',
  component: procurement('ContractsRoute'),
});

// Funding (programmes, conventions, claims): used by the finance side only, a chunk of its own.
const servicesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/services',
  component: lazyRouteComponent(() => import('./pages/services/routes.tsx'), 'ServicesRoute'),
});

// Bookings (week calendar, booking dialog, calendar feeds): a chunk of its own, with the permission check inside.
const bookingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/bookings',
  // Week, school, resource and Saturday live in the URL.
  validateSearch: parseBookingsSearch,
  component: lazyRouteComponent(() => import('./pages/bookings/routes.tsx'), 'BookingsRoute'),
});

// Training sessions and the teachers trained per school: a chunk of their own (return type written out, as above).
const training = (name: 'TrainingRoute' | 'TrainingSessionRoute'): RouteComponent =>
  lazyRouteComponent(() => import('./pages/training/routes.tsx'), name);

const trainingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training',
  component: training('TrainingRoute'),
});

const trainingSessionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/training/$id',
  component: training('TrainingSessionRoute'),
});

// Helpdesk tickets, the technician's queue and one ticket (the mails link to /helpdesk/<id>): a chunk of their own.
const helpdesk = (name: 'HelpdeskRoute' | 'HelpdeskTicketRoute'): RouteComponent =>
  lazyRouteComponent(() => import('./pages/helpdesk/routes.tsx'), name);

const helpdeskRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/helpdesk',
  // Tab and filters live in the URL.
  validateSearch: parseHelpdeskSearch,
  component: helpdesk('HelpdeskRoute'),
});

const helpdeskTicketRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/helpdesk/$id',
  component: helpdesk('HelpdeskTicketRoute'),
});

// The socle numérique (compliance, map, gap, equity, grid): a chunk of its own, with the permission check inside.
const baselineRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/baseline',
  // Tab, filters and sort live in the URL.
  validateSearch: parseBaselineSearch,
  component: lazyRouteComponent(() => import('./pages/baseline/routes.tsx'), 'BaselineRoute'),
});

// The budget planner of the socle: a chunk of its own.
const PlannerPage = lazyRouteComponent(() => import('./pages/baseline/planner-page.tsx'), 'PlannerPage');

const baselinePlannerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/baseline/planner',
  component: () => (
    <RequirePermission permission="baseline.plan">
      <PlannerPage />
    </RequirePermission>
  ),
});

const ProgrammesPage = lazyRouteComponent(() => import('./pages/funding/programmes-page.tsx'), 'ProgrammesPage');
const ProgrammePage = lazyRouteComponent(() => import('./pages/funding/programme-page.tsx'), 'ProgrammePage');
const FundingLinesPage = lazyRouteComponent(() => import('./pages/funding/lines-page.tsx'), 'LinesPage');
const ClaimPage = lazyRouteComponent(() => import('./pages/funding/claim-page.tsx'), 'ClaimPage');
const SuppliersPage = lazyRouteComponent(() => import('./pages/funding/suppliers-page.tsx'), 'SuppliersPage');
const FundersPage = lazyRouteComponent(() => import('./pages/funding/funders-page.tsx'), 'FundersPage');

const fundingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/funding',
  component: () => (
    <RequirePermission permission="funding.read">
      <ProgrammesPage />
    </RequirePermission>
  ),
});

const fundingProgrammeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/funding/programmes/$id',
  validateSearch: parseProgrammeSearch,
  component: () => (
    <RequirePermission permission="funding.read">
      <ProgrammePage />
    </RequirePermission>
  ),
});

const fundingLinesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/funding/programmes/$id/lines',
  validateSearch: parseLinesSearch,
  component: () => (
    <RequirePermission permission="funding.read">
      <FundingLinesPage />
    </RequirePermission>
  ),
});

const fundingClaimRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/funding/claims/$id',
  component: () => (
    <RequirePermission permission="funding.read">
      <ClaimPage />
    </RequirePermission>
  ),
});

const fundingSuppliersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/funding/suppliers',
  component: () => (
    <RequirePermission permission="funding.read">
      <SuppliersPage />
    </RequirePermission>
  ),
});

const fundingFundersRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/funding/funders',
  component: () => (
    <RequirePermission permission="funding.read">
      <FundersPage />
    </RequirePermission>
  ),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  accessibilityRoute,
  familyRoute,
  signedInRoute.addChildren([
    homeRoute,
    schoolsRoute,
    newSchoolRoute,
    importSchoolsRoute,
    schoolsMapRoute,
    schoolRoute,
    assetsRoute,
    newAssetRoute,
    importAssetsRoute,
    scanRoute,
    assetTagRoute,
    assetRoute,
    roundsRoute,
    roundRoute,
    catalogueRoute,
    warrantiesRoute,
    loansRoute,
    loanRequestsRoute,
    newLoanRequestRoute,
    loanRequestRoute,
    loanSettingsRoute,
    returnDriveRoute,
    loanMessagesRoute,
    loanCampaignsRoute,
    loanCampaignRoute,
    loanRoute,
    mailSettingsRoute,
    publicationSettingsRoute,
    accessibilitySettingsRoute,
    identityProvidersRoute,
    webhooksRoute,
    ordersRoute,
    newOrderRoute,
    editOrderRoute,
    orderRoute,
    invoicesRoute,
    invoiceRoute,
    contractsRoute,
    fundingRoute,
    fundingProgrammeRoute,
    fundingLinesRoute,
    fundingClaimRoute,
    fundingSuppliersRoute,
    fundingFundersRoute,
    servicesRoute,
    bookingsRoute,
    trainingRoute,
    trainingSessionRoute,
    helpdeskRoute,
    helpdeskTicketRoute,
    baselineRoute,
    baselinePlannerRoute,
    usersRoute,
    auditRoute,
    accountRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
