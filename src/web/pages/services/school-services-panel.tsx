import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { DeclareDialog } from './declare-dialog.tsx';
import { type Subscription, subscriptionsQuery } from './services-queries.ts';
import { EndSubscriptionDialog, SubscriptionDialog } from './subscription-dialog.tsx';
import { SubscriptionsTable } from './subscriptions-table.tsx';

/** "Services et ressources" of the school page: its subscriptions, past and future included. */
export function SchoolServicesPanel({ school }: { school: School }) {
  const me = useSignedInMe();
  if (!hasPermission(me, 'services.read')) return null;
  return <ServicesOfSchool school={school} manage={hasPermission(me, 'services.manage')} />;
}

function ServicesOfSchool({ school, manage }: { school: School; manage: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(subscriptionsQuery({ schoolId: school.id }));
  const [editing, setEditing] = useState<Subscription | 'new' | null>(null);
  const [ending, setEnding] = useState<Subscription | null>(null);
  const [declaring, setDeclaring] = useState<Subscription | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = list.data ?? [];
  const saved = (message: string) => {
    setEditing(null);
    setEnding(null);
    setDeclaring(null);
    setDone(message);
  };
  return (
    <Panel
      title={t('services.schoolPanel.title')}
      actions={
        manage ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            {t('services.subscriptions.new')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('services.schoolPanel.empty')}</Text>
      ) : (
        <SubscriptionsTable
          items={items}
          caption={t('services.schoolPanel.caption', { school: school.usualName ?? school.name })}
          showSchool={false}
          onEdit={(s) => {
            setDone(null);
            setEditing(s);
          }}
          onEnd={(s) => {
            setDone(null);
            setEnding(s);
          }}
          onDeclare={(s) => {
            setDone(null);
            setDeclaring(s);
          }}
        />
      )}
      {editing ? (
        <SubscriptionDialog
          subscription={editing === 'new' ? undefined : editing}
          schoolId={school.id}
          schoolName={`${school.usualName ?? school.name} (${school.uai})`}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      {ending ? <EndSubscriptionDialog subscription={ending} onClose={() => setEnding(null)} onSaved={saved} /> : null}
      {declaring ? <DeclareDialog subscription={declaring} onClose={() => setDeclaring(null)} onSaved={saved} /> : null}
    </Panel>
  );
}
