import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Facts, Panel } from '../../components/panel.tsx';
import { HouseholdRights } from './household-rights.tsx';
import type { Household } from './loan-queries.ts';

/**
 * The pupil and the legal representatives, for the roles that may read them
 * (the server sends them only then, and writes the read to the audit
 * trail); the others see the pseudonym and why there is nothing more.
 */
export function HouseholdPanel({ household }: { household: Household }) {
  const { t } = useTranslation();
  const empty = t('loans.notGiven');
  return (
    <Panel title={t('loans.household.title')}>
      <Facts empty={empty} items={[[t('loans.fields.household'), <code key="p">{household.pseudonym}</code>]]} />
      {household.purged ? (
        <Text>{t('loans.household.purged')}</Text>
      ) : household.pupil === null || household.contacts === null ? (
        <Text>{t('loans.household.hidden')}</Text>
      ) : (
        <Stack gap="md">
          <Facts
            empty={empty}
            items={[
              [t('loans.fields.pupil'), `${household.pupil.firstName} ${household.pupil.lastName}`],
              [t('loans.fields.class'), household.pupil.className],
              [t('loans.fields.familyLanguage'), household.locale === 'en' ? 'English' : 'Français'],
            ]}
          />
          {household.contacts.map((c) => (
            <Stack key={c.rank} gap="xs">
              <Title order={3}>{t('loans.form.contact', { rank: c.rank })}</Title>
              <Facts
                empty={empty}
                items={[
                  [t('loans.fields.contact.name'), `${c.firstName} ${c.lastName}`],
                  [t('loans.fields.contact.address'), `${c.addressLine}, ${c.postcode} ${c.city}`],
                  [t('loans.fields.contact.phone'), c.phone],
                  [t('loans.fields.contact.email'), c.email],
                ]}
              />
            </Stack>
          ))}
        </Stack>
      )}
      <HouseholdRights household={household} />
    </Panel>
  );
}
