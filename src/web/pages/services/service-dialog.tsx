import { NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { suppliersQuery } from '../procurement/procurement-queries.ts';
import { centsForInput, Dialog, eurosToCents, FormButtons, SERVICE_KINDS, SERVICE_PRICING } from './labels.tsx';
import { type DigitalService, servicesChanged } from './services-queries.ts';

type ServiceInput = Schemas['CreateDigitalServiceInput'];

const KNOWN = ['name', 'kind', 'pricing', 'unitPriceCents', 'supplierId', 'description'];

/** Adds a service to the catalogue or edits one; the server's problems land on their fields. */
export function ServiceDialog({
  service,
  onClose,
  onSaved,
}: {
  service?: DigitalService | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  // Suppliers are the funding module's; without funding.read the service keeps the one it has.
  const suppliers = useQuery({ ...suppliersQuery, enabled: hasPermission(me, 'funding.read') });
  const [name, setName] = useState(service?.name ?? '');
  const [kind, setKind] = useState<string>(service?.kind ?? 'ent');
  const [pricing, setPricing] = useState<string>(service?.pricing ?? 'per_school');
  const [price, setPrice] = useState(centsForInput(service?.unitPriceCents));
  const [supplierId, setSupplierId] = useState(service?.supplierId ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: ServiceInput) =>
      service
        ? unwrap(api.PATCH('/api/services/{id}', { params: { path: { id: service.id } }, body }))
        : unwrap(api.POST('/api/services', { body })),
    onSuccess: async (saved) => {
      await servicesChanged(queryClient);
      onSaved(t(service ? 'services.catalogue.saved' : 'services.catalogue.created', { name: saved.name }));
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, KNOWN);
  const errors: Record<string, string | undefined> = { ...problem.fields, ...checked };

  const supplierOptions = [
    { value: '', label: t('services.catalogue.noSupplier') },
    ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  if (service?.supplierId && !supplierOptions.some((o) => o.value === service.supplierId)) {
    supplierOptions.push({ value: service.supplierId, label: service.supplierName ?? service.supplierId });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('errors.fields.required');
    const unitPriceCents = eurosToCents(price);
    if (unitPriceCents !== null && Number.isNaN(unitPriceCents)) found.unitPriceCents = t('services.invalidAmount');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      name: name.trim(),
      kind: SERVICE_KINDS.find((k) => k === kind) ?? 'other',
      pricing: SERVICE_PRICING.find((p) => p === pricing) ?? 'per_school',
      unitPriceCents,
      supplierId: supplierId || null,
      description,
    });
  };
  return (
    <Dialog
      title={service ? t('services.catalogue.editTitle', { name: service.name }) : t('services.catalogue.new')}
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('services.fields.name')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <NativeSelect
              label={t('services.fields.kind')}
              required
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              error={errors.kind}
              data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`services.kind.${k}`) }))}
            />
            <NativeSelect
              label={t('services.fields.pricing')}
              value={pricing}
              onChange={(e) => setPricing(e.currentTarget.value)}
              error={errors.pricing}
              data={SERVICE_PRICING.map((p) => ({ value: p, label: t(`services.pricing.${p}`) }))}
            />
            <TextInput
              label={t('services.fields.unitPrice')}
              description={t('services.fields.unitPriceHelp')}
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.currentTarget.value)}
              error={errors.unitPriceCents}
            />
            <NativeSelect
              label={t('services.fields.supplier')}
              value={supplierId}
              onChange={(e) => setSupplierId(e.currentTarget.value)}
              error={errors.supplierId}
              data={supplierOptions}
            />
          </SimpleGrid>
          <Textarea
            label={t('services.fields.description')}
            autosize
            minRows={2}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submit={service ? t('common.save') : t('services.catalogue.create')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
