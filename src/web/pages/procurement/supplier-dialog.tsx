import { Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { suppliersQuery } from './procurement-queries.ts';
import { Dialog, FormButtons } from './shared.tsx';

type Supplier = Schemas['Supplier'];

/**
 * A supplier added from an order or contract form, without leaving it: name
 * and SIRET (checked by the server: format and check digit, SIRET_INVALID).
 */
export function NewSupplierDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (s: Supplier) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [siret, setSiret] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/funding/suppliers', { body: { name: name.trim(), siret: siret.trim() } })),
    onSuccess: async (supplier) => {
      await queryClient.invalidateQueries({ queryKey: suppliersQuery.queryKey });
      onCreated(supplier);
    },
  });
  useFocusFirstProblem(form, create.error ?? checked);
  // SIRET_INVALID: the translated sentence (format or check digit) goes on the SIRET field.
  const siretInvalid = create.error instanceof ApiError && create.error.code === 'SIRET_INVALID';
  const problem = create.error && !siretInvalid ? formProblem(t, create.error, ['name', 'siret']) : null;
  const fields: Record<string, string | undefined> = {
    ...problem?.fields,
    ...(siretInvalid ? { siret: errorMessage(t, create.error) } : {}),
    ...checked,
  };
  const general = problem?.general ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('procurement.supplier.nameRequired');
    if (!siret.trim()) found.siret = t('procurement.supplier.siretRequired');
    if (Object.keys(found).length) {
      setChecked(found);
      create.reset();
      return;
    }
    setChecked(null);
    create.mutate();
  };
  return (
    <Dialog title={t('procurement.supplier.new')} onClose={onClose} size="md">
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {general ? <FormAlert kind="error">{general}</FormAlert> : null}
          <TextInput
            label={t('procurement.supplier.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
          />
          <TextInput
            label={t('procurement.supplier.siret')}
            description={t('procurement.supplier.siretHelp')}
            required
            inputMode="numeric"
            maxLength={30}
            value={siret}
            onChange={(e) => setSiret(e.currentTarget.value)}
            error={fields.siret}
          />
          <FormButtons onCancel={onClose} pending={create.isPending} submit={t('procurement.supplier.create')} />
        </Stack>
      </form>
    </Dialog>
  );
}
