import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, publicInfoQuery, useMe } from '../auth/session.ts';
import { Page } from '../components/page.tsx';
import { formatDate, formatNumber } from '../format.ts';

const DEFENSEUR_FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DEFENSEUR_DELEGATES = 'https://www.defenseurdesdroits.fr/saisir/delegues';

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const heading = useId();
  return (
    <Paper withBorder p="lg" component="section" id={id} aria-labelledby={heading}>
      <Stack gap="sm">
        <Title order={2} id={heading}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** The RGAA themes where the product takes measures, in the order of the RGAA (keys under accessibility.measures). */
const MEASURES = [
  'images',
  'colours',
  'tables',
  'links',
  'scripts',
  'mandatory',
  'structure',
  'presentation',
  'forms',
  'navigation',
  'consultation',
] as const;

/**
 * The RGAA accessibility statement of this instance. The status, the last
 * audit and the multi-year plan come from the organisation's settings (an
 * admin edits them in /admin/accessibility); without an audit the status
 * says so ("non conforme", not evaluated) rather than claiming a rate. What
 * the product does is listed per RGAA theme — measures, not a compliance
 * claim.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const info = useQuery(publicInfoQuery).data;
  const organisation = info?.organisationName ?? t('accessibility.theOrganisation');
  const status = info?.accessibilityStatus ?? 'non_evalue';
  const audit = info?.accessibility ?? null;
  const plan = audit?.plan ?? [];
  const me = useMe();
  const canEdit = me !== null && hasPermission(me, 'organisation.manage');
  return (
    <Page title={t('accessibility.title')}>
      <Text>{t('accessibility.commitment', { organisation })}</Text>
      <Text>{t('accessibility.scope', { organisation })}</Text>

      <Section title={t('accessibility.statusTitle')}>
        <Text fw={700}>{t('accessibility.statusLine', { status: t(`accessibility.status.${status}`) })}</Text>
        {audit?.auditedOn ? null : <Text>{t('accessibility.statusExplanation')}</Text>}
      </Section>

      <Section title={t('accessibility.resultsTitle')}>
        {audit?.auditedOn ? (
          <Text>
            {audit.complianceRate === null
              ? t('accessibility.resultsAuditNoRate', {
                  date: formatDate(audit.auditedOn),
                  auditor: audit.auditor || t('accessibility.anAuditor'),
                })
              : t('accessibility.resultsAudit', {
                  date: formatDate(audit.auditedOn),
                  auditor: audit.auditor || t('accessibility.anAuditor'),
                  rate: formatNumber(audit.complianceRate),
                })}
          </Text>
        ) : (
          <Text>{t('accessibility.resultsNoAudit')}</Text>
        )}
        <Text>{t('accessibility.resultsAutomated')}</Text>
        <Title order={3} size="h4">
          {t('accessibility.measuresTitle')}
        </Title>
        <List spacing="xs">
          {MEASURES.map((m) => (
            <List.Item key={m}>{t(`accessibility.measures.${m}`)}</List.Item>
          ))}
        </List>
      </Section>

      <Section title={t('accessibility.nonAccessibleTitle')}>
        {audit?.auditedOn ? null : <Text>{t('accessibility.nonAccessibleUnknown')}</Text>}
        <Text>{t('accessibility.knownLimits')}</Text>
        <List spacing="xs">
          <List.Item>{t('accessibility.limits.pdf')}</List.Item>
          <List.Item>{t('accessibility.limits.maps')}</List.Item>
          <List.Item>{t('accessibility.limits.scan')}</List.Item>
        </List>
      </Section>

      <Section title={t('accessibility.planTitle')}>
        {plan.length ? (
          <List spacing="xs">
            {plan.map((p) => (
              <List.Item key={p.year}>
                <Text span fw={700}>
                  {p.year}
                </Text>
                {t('accessibility.planColon')}
                <Text span style={{ whiteSpace: 'pre-line' }}>
                  {p.actions}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text>{t('accessibility.planNone', { organisation })}</Text>
        )}
        {canEdit ? (
          <Text>
            <Anchor component={Link} to="/admin/accessibility">
              {t('accessibility.planEdit')}
            </Anchor>
          </Text>
        ) : null}
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

      <Section title={t('accessibility.contactTitle')} id="signaler">
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
