import { List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { formatMoney } from '../../format.ts';
import { Dialog, FormButtons } from '../funding/labels.tsx';
import { suppliersQuery } from '../procurement/procurement-queries.ts';
import type { PlanSummary } from './planner-queries.ts';

type Ordered = Schemas['BaselinePlanOrders'];

/**
 * Turns a saved scenario into draft purchase orders (one line per selected
 * school and equipment category, installation lines): the supplier and the
 * date are asked; the drafts are then edited and placed in the purchasing
 * pages. Services, works and training are listed as not ordered.
 */
export function PlanOrdersDialog({ plan, onClose }: { plan: PlanSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const suppliers = useQuery(suppliersQuery);
  const [supplierId, setSupplierId] = useState('');
  const [orderedOn, setOrderedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (): Promise<Ordered> =>
      unwrap(
        api.POST('/api/baseline/plans/{id}/orders', {
          params: { path: { id: plan.id } },
          body: { supplierId, orderedOn },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['procurement'] });
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, ['supplierId', 'orderedOn']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!supplierId) found.supplierId = t('errors.fields.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(orderedOn)) found.orderedOn = t('errors.fields.required');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate();
  };
  const done = save.data;
  return (
    <Dialog title={t('baseline.planner.orders.title', { name: plan.name })} onClose={onClose}>
      {done ? (
        <Stack gap="sm">
          <FormAlert kind="success">{t('baseline.planner.orders.created', { count: done.orders.length })}</FormAlert>
          <List>
            {done.orders.map((o) => (
              <List.Item key={o.id}>
                <AnchorLink to="/procurement/orders/$id" params={{ id: o.id }} ff="monospace">
                  {o.number}
                </AnchorLink>{' '}
                — {t('baseline.planner.orders.lines', { count: o.lines })}, {formatMoney(o.htCents)}
              </List.Item>
            ))}
          </List>
          {done.notOrdered.length ? (
            <Text size="sm">{t('baseline.planner.orders.notOrdered', { count: done.notOrdered.length })}</Text>
          ) : null}
        </Stack>
      ) : (
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('baseline.planner.orders.help')}</Text>
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <NativeSelect
              label={t('baseline.planner.orders.supplier')}
              required
              value={supplierId}
              onChange={(e) => setSupplierId(e.currentTarget.value)}
              error={errors.supplierId}
              data={[
                { value: '', label: t('baseline.planner.orders.chooseSupplier') },
                ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.siret})` })),
              ]}
            />
            <TextInput
              type="date"
              label={t('baseline.planner.orders.orderedOn')}
              required
              value={orderedOn}
              onChange={(e) => setOrderedOn(e.currentTarget.value)}
              error={errors.orderedOn}
            />
            <FormButtons onCancel={onClose} pending={save.isPending} submit={t('baseline.planner.orders.submit')} />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
