import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatMoney, formatNumber } from '../../format.ts';
import { DeclareDialog } from './declare-dialog.tsx';
import { SUBSCRIPTION_STATUSES } from './labels.tsx';
import { ServiceDialog } from './service-dialog.tsx';
import {
  type DigitalService,
  type Subscription,
  type SubscriptionStatus,
  servicesChanged,
  servicesQuery,
  subscriptionsQuery,
} from './services-queries.ts';
import { EndSubscriptionDialog, SubscriptionDialog } from './subscription-dialog.tsx';
import { SubscriptionsTable } from './subscriptions-table.tsx';

/** The digital services catalogue and the schools' subscriptions (issue #8 point 4). */
export function ServicesPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Page title={t('services.title')}>
      <Text>{t('services.intro')}</Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <CataloguePanel onDone={setDone} />
      <SubscriptionsPanel onDone={setDone} />
    </Page>
  );
}

function CataloguePanel({ onDone }: { onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const captionId = useId();
  const manage = hasPermission(me, 'services.manage');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<DigitalService | 'new' | null>(null);
  const list = useQuery(servicesQuery(archived));
  const change = useMutation({
    mutationFn: ({ service, action }: { service: DigitalService; action: 'archive' | 'restore' | 'delete' }) =>
      action === 'delete'
        ? unwrap(api.DELETE('/api/services/{id}', { params: { path: { id: service.id } } }))
        : unwrap(
            api.PATCH('/api/services/{id}', {
              params: { path: { id: service.id } },
              body: { archived: action === 'archive' },
            }),
          ),
    onSuccess: async (_result, { service, action }) => {
      await servicesChanged(queryClient);
      onDone(t(`services.catalogue.${action}d`, { name: service.name }));
    },
  });
  const items = list.data ?? [];
  const pricingLabel = (s: DigitalService) =>
    s.unitPriceCents === null ? '—' : t(`services.pricePer.${s.pricing}`, { amount: formatMoney(s.unitPriceCents) });
  return (
    <Panel
      title={t('services.catalogue.title')}
      actions={
        manage ? (
          <Button
            onClick={() => {
              onDone(null);
              setEditing('new');
            }}
          >
            {t('services.catalogue.new')}
          </Button>
        ) : null
      }
    >
      <Checkbox
        label={t('services.catalogue.showArchived')}
        checked={archived}
        onChange={(e) => setArchived(e.currentTarget.checked)}
      />
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {change.isError ? <FormAlert kind="error">{errorMessage(t, change.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('services.catalogue.empty')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>{t('services.catalogue.caption', { count: items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('services.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('services.fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('services.fields.supplier')}</Table.Th>
                <Table.Th scope="col">{t('services.fields.unitPrice')}</Table.Th>
                <Table.Th scope="col">{t('services.catalogue.active')}</Table.Th>
                {manage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">
                    {s.name}
                    {s.archived ? <Text size="sm">{t('services.catalogue.archivedMark')}</Text> : null}
                    {s.description ? (
                      <Text size="sm" fw={400}>
                        {s.description}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`services.kind.${s.kind}`)}</Table.Td>
                  <Table.Td>{s.supplierName ?? '—'}</Table.Td>
                  <Table.Td>{pricingLabel(s)}</Table.Td>
                  <Table.Td>{formatNumber(s.activeSubscriptions)}</Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {s.can.update ? (
                          <Button
                            variant="default"
                            size="compact-sm"
                            aria-label={t('services.catalogue.editNamed', { name: s.name })}
                            onClick={() => {
                              onDone(null);
                              setEditing(s);
                            }}
                          >
                            {t('common.edit')}
                          </Button>
                        ) : null}
                        {s.can.update ? (
                          <Button
                            variant="default"
                            size="compact-sm"
                            loading={change.isPending && change.variables?.service.id === s.id}
                            aria-label={t(
                              s.archived ? 'services.catalogue.restoreNamed' : 'services.catalogue.archiveNamed',
                              { name: s.name },
                            )}
                            onClick={() => change.mutate({ service: s, action: s.archived ? 'restore' : 'archive' })}
                          >
                            {t(s.archived ? 'services.catalogue.restore' : 'services.catalogue.archive')}
                          </Button>
                        ) : null}
                        {s.can.delete ? (
                          <Button
                            variant="subtle"
                            color="#a51d2d"
                            size="compact-sm"
                            aria-label={t('services.catalogue.deleteNamed', { name: s.name })}
                            onClick={() => change.mutate({ service: s, action: 'delete' })}
                          >
                            {t('services.catalogue.delete')}
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {editing ? (
        <ServiceDialog
          service={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            onDone(message);
          }}
        />
      ) : null}
    </Panel>
  );
}

function SubscriptionsPanel({ onDone }: { onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const manage = hasPermission(me, 'services.manage');
  const [schoolId, setSchoolId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [status, setStatus] = useState<SubscriptionStatus | ''>('active');
  const [editing, setEditing] = useState<Subscription | 'new' | null>(null);
  const [ending, setEnding] = useState<Subscription | null>(null);
  const [declaring, setDeclaring] = useState<Subscription | null>(null);
  const services = useQuery(servicesQuery(true));
  const list = useQuery(subscriptionsQuery({ schoolId, serviceId, status: status || undefined }));
  const items = list.data ?? [];
  const saved = (message: string) => {
    setEditing(null);
    setEnding(null);
    setDeclaring(null);
    onDone(message);
  };
  return (
    <Panel
      title={t('services.subscriptions.title')}
      actions={
        manage ? (
          <Button
            onClick={() => {
              onDone(null);
              setEditing('new');
            }}
          >
            {t('services.subscriptions.new')}
          </Button>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <OneSchoolPicker label={t('services.fields.school')} value={schoolId} onChange={setSchoolId} clearable />
        <NativeSelect
          label={t('services.fields.service')}
          value={serviceId}
          onChange={(e) => setServiceId(e.currentTarget.value)}
          data={[
            { value: '', label: t('services.subscriptions.allServices') },
            ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <NativeSelect
          label={t('services.subscriptions.status')}
          value={status}
          onChange={(e) => setStatus(SUBSCRIPTION_STATUSES.find((s) => s === e.currentTarget.value) ?? '')}
          data={[
            { value: '', label: t('services.subscriptions.allStatuses') },
            ...SUBSCRIPTION_STATUSES.map((s) => ({ value: s, label: t(`services.status.${s}`) })),
          ]}
        />
      </SimpleGrid>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text role="status">{t('services.subscriptions.empty')}</Text>
      ) : (
        <SubscriptionsTable
          items={items}
          caption={t('services.subscriptions.caption', { count: items.length })}
          showSchool
          onEdit={(s) => {
            onDone(null);
            setEditing(s);
          }}
          onEnd={(s) => {
            onDone(null);
            setEnding(s);
          }}
          onDeclare={(s) => {
            onDone(null);
            setDeclaring(s);
          }}
        />
      )}
      {editing ? (
        <SubscriptionDialog
          subscription={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      {ending ? <EndSubscriptionDialog subscription={ending} onClose={() => setEnding(null)} onSaved={saved} /> : null}
      {declaring ? <DeclareDialog subscription={declaring} onClose={() => setDeclaring(null)} onSaved={saved} /> : null}
    </Panel>
  );
}
