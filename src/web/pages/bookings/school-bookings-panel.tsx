import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { School } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { Panel } from '../../components/panel.tsx';

/** "Réservations" of the school page: the way to the school's week calendar. */
export function SchoolBookingsPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!hasPermission(me, 'bookings.read')) return null;
  return (
    <Panel title={t('bookings.schoolPanel.title')}>
      <Text>{t('bookings.schoolPanel.intro')}</Text>
      <Text>
        <AnchorLink to="/bookings" search={{ school: school.id }}>
          {t('bookings.schoolPanel.link', { school: school.usualName ?? school.name })}
        </AnchorLink>
      </Text>
    </Panel>
  );
}
