import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/session.ts';
import { Page } from '../components/page.tsx';
import { rememberHomeDashboard } from './dashboard/dashboard-queries.ts';
import { SchoolDashboard } from './dashboard/school-dashboard.tsx';
import { StaffDashboard } from './dashboard/staff-dashboard.tsx';
import { WarrantyDigest } from './inventory/warranty-digest.tsx';

/**
 * Home: the dashboard. Organisation-wide roles land on every school's
 * figures (filters in the URL; `?school=` opens one school's dashboard);
 * school-scoped roles (directors, teachers…) on their school's dashboard.
 * Below, who you are here.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/home' });
  const roles = me.user.roles.map((role) => t(`roles.${role}`));
  const homeTarget = me.schoolScope === 'all' ? 'all' : (me.schools[0]?.id ?? '');
  useEffect(() => rememberHomeDashboard(homeTarget), [homeTarget]);
  return (
    <Page title={t('home.title')} heading={t('home.heading', { name: me.user.displayName })}>
      {me.schoolScope === 'all' && !search.school ? <StaffDashboard /> : <SchoolDashboard />}
      <WarrantyDigest />
      <Paper withBorder p="lg" component="section" aria-labelledby="home-profile">
        <Stack gap="sm">
          <Title order={2} id="home-profile">
            {t('home.profileTitle')}
          </Title>
          <Text>{t('home.organisation', { organisation: me.organisation.name })}</Text>
          <Text>{t('home.roles', { roles: roles.join(', ') })}</Text>
          {me.schoolScope === 'all' ? (
            <Text>{t('home.allSchools')}</Text>
          ) : me.schools.length === 0 ? (
            <Text>{t('home.noSchools')}</Text>
          ) : (
            <>
              <Text id="home-schools">{t('home.schools')}</Text>
              <List aria-labelledby="home-schools">
                {me.schools.map((school) => (
                  <List.Item key={school.id}>
                    {school.name}{' '}
                    <Text span c="dimmed">
                      ({school.uai})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Paper>
    </Page>
  );
}
