import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../auth/session.ts';
import { Page } from '../components/page.tsx';
import { WarrantyDigest } from './inventory/warranty-digest.tsx';

/** Welcome page: who you are here, and what Socle is for. No figures until modules provide real ones. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const roles = me.user.roles.map((role) => t(`roles.${role}`));
  return (
    <Page title={t('home.title')} heading={t('home.heading', { name: me.user.displayName })}>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2}>{t('home.profileTitle')}</Title>
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
      <WarrantyDigest />
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2}>{t('home.aboutTitle')}</Title>
          <Text>{t('home.aboutIntro')}</Text>
          <List>
            <List.Item>{t('home.aboutInventory')}</List.Item>
            <List.Item>{t('home.aboutFunding')}</List.Item>
            <List.Item>{t('home.aboutLoans')}</List.Item>
            <List.Item>{t('home.aboutHelpdesk')}</List.Item>
            <List.Item>{t('home.aboutTraining')}</List.Item>
            <List.Item>{t('home.aboutReporting')}</List.Item>
          </List>
          <Text>{t('home.aboutNow')}</Text>
        </Stack>
      </Paper>
    </Page>
  );
}
