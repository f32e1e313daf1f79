import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/client.ts';
import { hasPermission, publicInfoQuery } from '../auth/session.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { APP_NAME } from './page.tsx';
import { UserMenu } from './user-menu.tsx';

/** First focusable element of every page. */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // Handled here so that the router does not treat "#main" as a navigation.
    event.preventDefault();
    const main = document.getElementById('main');
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link (works without script), focus handled so the router ignores it
    <a className="skip-link" href="#main" onClick={skip}>
      {t('layout.skipToContent')}
    </a>
  );
}

export function Footer() {
  const { t } = useTranslation();
  const info = useQuery(publicInfoQuery).data;
  const status = info?.accessibilityStatus ?? 'non_evalue';
  return (
    <footer className="shell-footer">
      <div className="shell-footer-inner">
        <Anchor component={Link} to="/accessibilite" c="socle.8">
          {t('layout.accessibilityStatus', { status: t(`accessibility.status.${status}`) })}
        </Anchor>
        <Anchor component={Link} to="/accessibilite" hash="signaler" c="socle.8">
          {t('layout.reportProblem')}
        </Anchor>
        <Text size="sm" c="#343a40">
          {t('layout.footerAbout', { version: info?.version ?? '' })}
        </Text>
      </div>
    </footer>
  );
}

function Brand({ organisation }: { organisation: string | null | undefined }) {
  return (
    <div className="brand">
      <Link to="/" className="brand-name">
        {APP_NAME}
      </Link>
      {organisation ? <span className="brand-organisation">{organisation}</span> : null}
    </div>
  );
}

type NavTarget =
  | '/home'
  | '/schools'
  | '/schools/map'
  | '/schools/import'
  | '/assets'
  | '/assets/scan'
  | '/assets/import'
  | '/inventory/rounds'
  | '/inventory/catalogue'
  | '/inventory/warranties'
  | '/loans'
  | '/loans/requests'
  | '/loans/return-drive'
  | '/loans/messages'
  | '/loans/campaigns'
  | '/loans/settings'
  | '/admin/mail'
  | '/admin/publication'
  | '/admin/identity-providers'
  | '/procurement/orders'
  | '/procurement/invoices'
  | '/procurement/contracts'
  | '/funding'
  | '/funding/suppliers'
  | '/funding/funders'
  | '/services'
  | '/bookings'
  | '/training'
  | '/helpdesk'
  | '/baseline'
  | '/baseline/planner'
  | '/users'
  | '/audit'
  | '/account'
  | '/admin/accessibility'
  | '/admin/webhooks'
  | '/accessibilite';

interface NavItem {
  readonly to: NavTarget;
  readonly label: string;
  /** A fuller name where the label alone repeats another entry's ("Importer" des écoles / des équipements). */
  readonly accessibleName?: string;
  readonly show: boolean;
  /** Links shown under this one (the map and the import belong to the schools). */
  readonly children?: readonly NavItem[];
}

/** The entry of the page being shown: the longest matching path (`/schools/123` → Écoles, `/schools/map` → Carte). */
function currentEntry(items: readonly NavItem[], pathname: string): NavTarget | undefined {
  const all = items.flatMap((item) => [item, ...(item.children ?? [])]).filter((item) => item.show);
  const matching = all.filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  return matching.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/** Modules appear only when built and permitted: no dead links. */
function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items: NavItem[] = [
    { to: '/home', label: t('nav.home'), show: true },
    {
      to: '/schools',
      label: t('nav.schools'),
      show: hasPermission(me, 'schools.read'),
      children: [
        { to: '/schools/map', label: t('nav.schoolsMap'), show: hasPermission(me, 'schools.read') },
        { to: '/schools/import', label: t('nav.schoolsImport'), show: hasPermission(me, 'schools.import') },
      ],
    },
    {
      to: '/assets',
      label: t('nav.assets'),
      show: hasPermission(me, 'inventory.read'),
      children: [
        { to: '/inventory/rounds', label: t('nav.rounds'), show: hasPermission(me, 'inventory.read') },
        { to: '/assets/scan', label: t('nav.scan'), show: hasPermission(me, 'inventory.read') },
        { to: '/inventory/catalogue', label: t('nav.catalogue'), show: hasPermission(me, 'inventory.catalogue') },
        {
          to: '/assets/import',
          label: t('nav.assetsImport'),
          accessibleName: t('nav.assetsImportFull'),
          show: hasPermission(me, 'inventory.import'),
        },
        { to: '/inventory/warranties', label: t('nav.warranties'), show: hasPermission(me, 'inventory.catalogue') },
      ],
    },
    {
      to: '/loans',
      label: t('loans.nav.loans'),
      show: hasPermission(me, 'loans.read'),
      children: [
        { to: '/loans/requests', label: t('loans.nav.requests'), show: hasPermission(me, 'loans.read') },
        { to: '/loans/return-drive', label: t('loans.drive.nav'), show: hasPermission(me, 'loans.handover') },
        { to: '/loans/messages', label: t('loans.messages.nav'), show: hasPermission(me, 'loans.messages') },
        { to: '/loans/campaigns', label: t('loans.campaigns.nav'), show: hasPermission(me, 'loans.campaigns') },
        { to: '/loans/settings', label: t('loans.nav.settings'), show: hasPermission(me, 'loans.settings') },
      ],
    },
    {
      to: '/procurement/orders',
      label: t('procurement.nav.purchasing'),
      show: hasPermission(me, 'funding.read'),
      children: [
        { to: '/procurement/invoices', label: t('procurement.nav.invoices'), show: hasPermission(me, 'funding.read') },
        {
          to: '/procurement/contracts',
          label: t('procurement.nav.contracts'),
          show: hasPermission(me, 'funding.read'),
        },
      ],
    },
    {
      to: '/funding',
      label: t('funding.nav.funding'),
      show: hasPermission(me, 'funding.read'),
      children: [
        { to: '/funding/suppliers', label: t('funding.nav.suppliers'), show: hasPermission(me, 'funding.read') },
        { to: '/funding/funders', label: t('funding.nav.funders'), show: hasPermission(me, 'funding.read') },
      ],
    },
    { to: '/services', label: t('services.nav'), show: hasPermission(me, 'services.read') },
    { to: '/bookings', label: t('bookings.nav'), show: hasPermission(me, 'bookings.read') },
    { to: '/training', label: t('training.nav'), show: hasPermission(me, 'training.read') },
    { to: '/helpdesk', label: t('helpdesk.nav'), show: hasPermission(me, 'helpdesk.read') },
    {
      to: '/baseline',
      label: t('baseline.nav'),
      show: hasPermission(me, 'baseline.read'),
      children: [
        { to: '/baseline/planner', label: t('baseline.planner.nav'), show: hasPermission(me, 'baseline.plan') },
      ],
    },
    { to: '/users', label: t('nav.users'), show: hasPermission(me, 'users.read') },
    { to: '/admin/mail', label: t('mailSettings.nav'), show: hasPermission(me, 'organisation.manage') },
    {
      to: '/admin/publication',
      label: t('publicationSettings.nav'),
      show: hasPermission(me, 'organisation.manage'),
    },
    {
      to: '/admin/accessibility',
      label: t('accessibilitySettings.nav'),
      show: hasPermission(me, 'organisation.manage'),
    },
    { to: '/admin/identity-providers', label: t('identity.nav'), show: hasPermission(me, 'identity.manage') },
    { to: '/admin/webhooks', label: t('webhooks.nav'), show: hasPermission(me, 'webhooks.manage') },
    { to: '/audit', label: t('nav.audit'), show: hasPermission(me, 'audit.read') },
    { to: '/account', label: t('nav.account'), show: true },
    { to: '/accessibilite', label: t('nav.accessibility'), show: true },
  ];
  const current = currentEntry(items, pathname);
  const render = (list: readonly NavItem[]) =>
    list
      .filter((item) => item.show)
      .map((item) => {
        const children = item.children?.filter((child) => child.show) ?? [];
        return (
          <li key={item.to}>
            <Link to={item.to} aria-current={item.to === current ? 'page' : undefined} aria-label={item.accessibleName}>
              {item.label}
            </Link>
            {children.length > 0 ? <ul className="main-nav-sub">{render(children)}</ul> : null}
          </li>
        );
      });
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>{render(items)}</ul>
    </nav>
  );
}

export function AppLayout({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <div className="shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header-inner">
          <Brand organisation={me.organisation.name} />
          <Group gap="sm">
            <LanguageSwitch />
            <UserMenu me={me} />
          </Group>
        </div>
      </header>
      <div className="shell-body">
        <MainNav me={me} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </div>
  );
}

export function PublicLayout({ children }: { children: ReactNode }) {
  const info = useQuery(publicInfoQuery).data;
  return (
    <div className="shell">
      <SkipLink />
      <header className="shell-header">
        <div className="shell-header-inner">
          <Brand organisation={info?.organisationName} />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="shell-body-public">
        {children}
      </main>
      <Footer />
    </div>
  );
}
