import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { publicInfoQuery } from '../auth/session.ts';
import { Page } from '../components/page.tsx';

const DEFENSEUR_FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DEFENSEUR_DELEGATES = 'https://www.defenseurdesdroits.fr/saisir/delegues';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section">
      <Stack gap="sm">
        <Title order={2}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * The RGAA accessibility statement of this instance. No audit has been
 * done: the status says so ("non conforme", not evaluated) rather than
 * claiming a compliance rate.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const info = useQuery(publicInfoQuery).data;
  const organisation = info?.organisationName ?? t('accessibility.theOrganisation');
  const status = info?.accessibilityStatus ?? 'non_evalue';
  return (
    <Page title={t('accessibility.title')}>
      <Text>{t('accessibility.commitment', { organisation })}</Text>
      <Text>{t('accessibility.scope', { organisation })}</Text>

      <Section title={t('accessibility.statusTitle')}>
        <Text fw={700}>{t('accessibility.statusLine', { status: t(`accessibility.status.${status}`) })}</Text>
        <Text>{t('accessibility.statusExplanation')}</Text>
      </Section>

      <Section title={t('accessibility.resultsTitle')}>
        <Text>{t('accessibility.resultsNoAudit')}</Text>
        <Text>{t('accessibility.resultsAutomated')}</Text>
      </Section>

      <Section title={t('accessibility.nonAccessibleTitle')}>
        <Text>{t('accessibility.nonAccessibleUnknown')}</Text>
      </Section>

      <Section title={t('accessibility.establishmentTitle')}>
        <Text>{t('accessibility.establishment', { version: info?.version ?? '' })}</Text>
        <Text>{t('accessibility.technologies')}</Text>
        <List>
          <List.Item>HTML5</List.Item>
          <List.Item>CSS</List.Item>
          <List.Item>JavaScript</List.Item>
          <List.Item>WAI-ARIA</List.Item>
        </List>
      </Section>

      <Section title={t('accessibility.contactTitle')}>
        <Text>{t('accessibility.contactIntro')}</Text>
        {info?.contactEmail ? (
          <Text>
            {t('accessibility.contactEmail')}{' '}
            <Anchor href={`mailto:${info.contactEmail}?subject=${encodeURIComponent(t('accessibility.mailSubject'))}`}>
              {info.contactEmail}
            </Anchor>
          </Text>
        ) : (
          <Text>{t('accessibility.contactFallback', { organisation })}</Text>
        )}
      </Section>

      <Section title={t('accessibility.remedyTitle')}>
        <Text>{t('accessibility.remedyIntro')}</Text>
        <Text>{t('accessibility.remedyMeans')}</Text>
        <List spacing="xs">
          <List.Item>
            <Anchor href={DEFENSEUR_FORM} rel="noopener noreferrer">
              {t('accessibility.remedyForm')}
            </Anchor>
          </List.Item>
          <List.Item>
            <Anchor href={DEFENSEUR_DELEGATES} rel="noopener noreferrer">
              {t('accessibility.remedyDelegate')}
            </Anchor>
          </List.Item>
          <List.Item>
            {t('accessibility.remedyMail')}
            <Text component="address" fs="normal" mt={4} lang="fr">
              Défenseur des droits
              <br />
              Libre réponse 71120
              <br />
              75342 Paris CEDEX 07
            </Text>
          </List.Item>
        </List>
      </Section>
    </Page>
  );
}
