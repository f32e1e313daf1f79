import { Switch, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { type BookableResource, bookingsChanged, resourcesQuery } from './bookings-queries.ts';

/**
 * "Validation des réservations" (for `bookings.manage`): per resource of the
 * school, whether its bookings wait for someone's approval. Those who hold
 * `bookings.manage` book such a resource directly; the others' bookings
 * start "awaiting approval".
 */
export function ApprovalPanel({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const resources = useQuery(resourcesQuery(schoolId));
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { resource: BookableResource; requiresApproval: boolean }) =>
      unwrap(
        api.PUT('/api/bookings/resources/{kind}/{id}/settings', {
          params: { path: { kind: v.resource.kind, id: v.resource.id } },
          body: { requiresApproval: v.requiresApproval },
        }),
      ),
    onSuccess: async (saved) => {
      await bookingsChanged(queryClient);
      setDone(
        t(saved.requiresApproval ? 'bookings.approval.nowRequired' : 'bookings.approval.nowFree', {
          resource: saved.label,
        }),
      );
    },
  });
  const items = resources.data ?? [];
  return (
    <Panel title={t('bookings.approval.title')}>
      <Text>{t('bookings.approval.intro')}</Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {save.isError ? <FormAlert kind="error">{errorMessage(t, save.error)}</FormAlert> : null}
      {resources.isError ? <FormAlert kind="error">{errorMessage(t, resources.error)}</FormAlert> : null}
      {resources.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('bookings.approval.none')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>{t('bookings.approval.caption', { count: items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('bookings.fields.resource')}</Table.Th>
                <Table.Th scope="col">{t('bookings.approval.kind')}</Table.Th>
                <Table.Th scope="col">{t('bookings.approval.required')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">{r.label}</Table.Th>
                  <Table.Td>{t(`bookings.kind.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <Switch
                      checked={r.requiresApproval}
                      disabled={save.isPending && save.variables?.resource.id === r.id}
                      aria-label={t('bookings.approval.toggle', { resource: r.label })}
                      label={t(r.requiresApproval ? 'bookings.approval.yes' : 'bookings.approval.no')}
                      onChange={(e) => {
                        setDone(null);
                        save.mutate({ resource: r, requiresApproval: e.currentTarget.checked });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}
