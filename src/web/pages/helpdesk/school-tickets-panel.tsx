import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type School, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { Panel } from '../../components/panel.tsx';

/** "Assistance" of the school page: how many tickets are open, and the way to them. */
export function SchoolTicketsPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const allowed = hasPermission(me, 'helpdesk.read');
  const open = useQuery({
    queryKey: ['helpdesk', 'school-open', school.id],
    queryFn: () =>
      unwrap(api.GET('/api/helpdesk/tickets', { params: { query: { schoolId: school.id, open: 'true', limit: 1 } } })),
    enabled: allowed,
  });
  if (!allowed) return null;
  return (
    <Panel title={t('helpdesk.schoolPanel.title')}>
      {open.data ? <Text>{t('helpdesk.schoolPanel.open', { count: open.data.total })}</Text> : null}
      <Group gap="lg">
        <AnchorLink to="/helpdesk" search={{ school: school.id }}>
          {t('helpdesk.schoolPanel.link', { school: school.usualName ?? school.name })}
        </AnchorLink>
        <AnchorLink to="/helpdesk" search={{ school: school.id, breached: true }}>
          {t('helpdesk.schoolPanel.breached')}
        </AnchorLink>
      </Group>
    </Panel>
  );
}
