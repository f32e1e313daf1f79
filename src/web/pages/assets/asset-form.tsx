import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssetCategory, type AssetDetail, type AssetModel, api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem, innerFieldOf } from '../../errors.ts';
import { parseDecimal } from '../../format.ts';
import { assetSaved, categoriesQuery, modelsQuery } from './asset-queries.ts';
import { categoryName, centsForInput, eurosToCents } from './labels.tsx';
import { LocationFields, type LocationValue, locationBody, NO_LOCATION } from './location-fields.tsx';
import { CREATE_STATUSES, isOneOf } from './statuses.ts';

/**
 * Registering an asset (`POST /api/assets`) or editing its details
 * (`PATCH /api/assets/{id}`, with the version shown). Prices are typed in
 * euros and sent in integer cents. The status and the place of an existing
 * asset change through its lifecycle actions, not here.
 */

const FIELDS = [
  'modelId',
  'tag',
  'serial',
  'status',
  'schoolId',
  'roomId',
  'classId',
  'stockLocationId',
  'purchaseDate',
  'purchasePriceCents',
  'supplier',
  'orderRef',
  'invoiceRef',
  'warrantyEnd',
  'mdmEnrolled',
  'wifiSwitchableOff',
  'customFields',
  'notes',
] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  modelId: string;
  tag: string;
  serial: string;
  status: (typeof CREATE_STATUSES)[number];
  location: LocationValue;
  purchaseDate: string;
  purchasePrice: string;
  supplier: string;
  orderRef: string;
  invoiceRef: string;
  warrantyEnd: string;
  mdmEnrolled: boolean;
  wifi: '' | 'yes' | 'no';
  custom: Record<string, string | boolean>;
  notes: string;
}

interface CustomField {
  readonly name: string;
  readonly type: 'string' | 'number' | 'integer' | 'boolean';
  readonly title: string;
  readonly options: readonly (string | number)[] | null;
}

/** The custom fields a category's JSON Schema describes (`{type: 'object', properties: {…}}`). */
export function customFieldsOf(category: Pick<AssetCategory, 'customFieldsSchema'> | undefined): CustomField[] {
  const properties = category?.customFieldsSchema?.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, Record<string, unknown>>).map(([name, p]) => ({
    name,
    type: p.type === 'number' || p.type === 'integer' || p.type === 'boolean' ? p.type : 'string',
    title: typeof p.title === 'string' && p.title ? p.title : name,
    options: Array.isArray(p.enum) ? (p.enum as (string | number)[]) : null,
  }));
}

function initialValues(asset: AssetDetail | null): Values {
  const custom: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(asset?.customFields ?? {})) {
    custom[name] = typeof value === 'boolean' ? value : value === null || value === undefined ? '' : String(value);
  }
  return {
    modelId: asset?.model.id ?? '',
    tag: asset?.tag ?? '',
    serial: asset?.serial ?? '',
    status: 'in_stock',
    location: NO_LOCATION,
    purchaseDate: asset?.purchaseDate ?? '',
    purchasePrice: centsForInput(asset?.purchasePriceCents),
    supplier: asset?.supplier ?? '',
    orderRef: asset?.orderRef ?? '',
    invoiceRef: asset?.invoiceRef ?? '',
    warrantyEnd: asset?.warrantyEnd ?? '',
    mdmEnrolled: asset?.mdmEnrolled ?? false,
    wifi: asset?.wifiSwitchableOff === true ? 'yes' : asset?.wifiSwitchableOff === false ? 'no' : '',
    custom,
    notes: asset?.notes ?? '',
  };
}

function customValues(t: TFunction, fields: readonly CustomField[], custom: Values['custom']) {
  const out: Record<string, string | number | boolean | null> = {};
  const invalid: string[] = [];
  for (const field of fields) {
    const raw = custom[field.name];
    if (field.type === 'boolean') out[field.name] = raw === true;
    else if (typeof raw !== 'string' || !raw.trim()) out[field.name] = null;
    else if (field.type === 'string') out[field.name] = raw.trim();
    else {
      const n = parseDecimal(raw);
      if (n === null || Number.isNaN(n) || (field.type === 'integer' && !Number.isInteger(n)))
        invalid.push(field.title);
      else out[field.name] = n;
    }
  }
  return {
    values: out,
    problem: invalid.length ? t('assets.form.customInvalid', { fields: invalid.join(', ') }) : null,
  };
}

export function AssetForm({
  asset,
  onSaved,
  onCancel,
}: {
  /** null: a new asset. */
  asset: AssetDetail | null;
  onSaved: (asset: AssetDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const models = useQuery(modelsQuery);
  const categories = useQuery(categoriesQuery);
  const [values, setValues] = useState<Values>(() => initialValues(asset));
  const [checked, setChecked] = useState<Partial<Record<Field, string>> | null>(null);

  const model: AssetModel | undefined = models.data?.find((m) => m.id === values.modelId);
  const category = categories.data?.find((c) => c.id === (model?.category.id ?? asset?.category.id));
  const role = model?.category.role ?? asset?.category.role;
  const custom = useMemo(() => customFieldsOf(category), [category]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const text = (value: string) => value.trim() || null;

  const save = useMutation({
    mutationFn: async (input: {
      cents: number | null;
      customFields: Record<string, unknown>;
    }): Promise<AssetDetail> => {
      const details = {
        serial: text(values.serial),
        purchaseDate: values.purchaseDate || null,
        purchasePriceCents: input.cents,
        supplier: text(values.supplier),
        orderRef: text(values.orderRef),
        invoiceRef: text(values.invoiceRef),
        warrantyEnd: values.warrantyEnd || null,
        mdmEnrolled: values.mdmEnrolled,
        wifiSwitchableOff: role === 'network_ap' ? (values.wifi === '' ? null : values.wifi === 'yes') : undefined,
        notes: text(values.notes),
        ...(custom.length
          ? { customFields: input.customFields as Record<string, string | number | boolean | null> }
          : {}),
      };
      if (asset) {
        // Only what changed: the history says which fields were edited.
        const before: Record<string, unknown> = {
          serial: asset.serial,
          purchaseDate: asset.purchaseDate,
          purchasePriceCents: asset.purchasePriceCents,
          supplier: asset.supplier,
          orderRef: asset.orderRef,
          invoiceRef: asset.invoiceRef,
          warrantyEnd: asset.warrantyEnd,
          mdmEnrolled: asset.mdmEnrolled,
          wifiSwitchableOff: asset.wifiSwitchableOff,
          notes: asset.notes,
          customFields: asset.customFields,
        };
        // Blank custom fields (null) and absent ones are the same thing.
        const comparable = (key: string, value: unknown) =>
          JSON.stringify(
            key === 'customFields' && value && typeof value === 'object'
              ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined))
              : value,
          );
        const changed = Object.fromEntries(
          Object.entries(details).filter(
            ([key, value]) => value !== undefined && comparable(key, value) !== comparable(key, before[key]),
          ),
        );
        const tag = values.tag.trim();
        return unwrap(
          api.PATCH('/api/assets/{id}', {
            params: { path: { id: asset.id } },
            body: {
              version: asset.version,
              ...changed,
              ...(tag && tag !== asset.tag ? { tag } : {}),
              ...(values.modelId !== asset.model.id ? { modelId: values.modelId } : {}),
            },
          }),
        );
      }
      return unwrap(
        api.POST('/api/assets', {
          body: {
            modelId: values.modelId,
            ...(values.tag.trim() ? { tag: values.tag.trim() } : {}),
            status: values.status,
            ...locationBody(values.location),
            ...details,
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      await assetSaved(queryClient, saved);
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, FIELDS, innerFieldOf) : null;
  const errors: Partial<Record<Field, string>> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const required = t('errors.fields.required');
    if (!values.modelId) found.modelId = required;
    if (!asset && values.status === 'deployed' && !values.location.schoolId)
      found.schoolId = t('errors.fields.school_required');
    const cents = eurosToCents(parseDecimal(values.purchasePrice));
    if (cents !== null && Number.isNaN(cents)) found.purchasePriceCents = t('assets.form.invalidAmount');
    if (values.warrantyEnd && values.purchaseDate && values.warrantyEnd < values.purchaseDate)
      found.warrantyEnd = t('assets.form.warrantyBeforePurchase');
    const customs = customValues(t, custom, values.custom);
    if (customs.problem) found.customFields = customs.problem;
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({ cents, customFields: customs.values });
  };

  // Models by category, in the language of the interface.
  const modelOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const m of models.data ?? []) {
      if (m.archived && m.id !== asset?.model.id) continue;
      const group = categoryName(m.category);
      groups.set(group, [
        ...(groups.get(group) ?? []),
        { value: m.id, label: m.manufacturer ? `${m.name} (${m.manufacturer.name})` : m.name },
      ]);
    }
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, items]) => ({ group, items: items.sort((a, b) => a.label.localeCompare(b.label)) }));
  }, [models.data, asset?.model.id]);

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text size="sm">{t('common.requiredHint')}</Text>
        {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
        <Fieldset legend={t('assets.form.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('assets.fields.model')}
              required
              value={values.modelId}
              onChange={(e) => set('modelId')(e.currentTarget.value)}
              error={errors.modelId}
              data={[{ value: '', label: t('assets.form.chooseModel') }, ...modelOptions]}
            />
            <TextInput
              label={t('assets.fields.tag')}
              description={asset ? t('assets.form.tagEditHelp') : t('assets.form.tagHelp')}
              value={values.tag}
              onChange={(e) => set('tag')(e.currentTarget.value)}
              error={errors.tag}
              maxLength={64}
            />
            <TextInput
              label={t('assets.fields.serial')}
              value={values.serial}
              onChange={(e) => set('serial')(e.currentTarget.value)}
              error={errors.serial}
              maxLength={100}
            />
            {asset ? null : (
              <NativeSelect
                label={t('assets.fields.status')}
                description={t('assets.form.statusHelp')}
                value={values.status}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isOneOf(CREATE_STATUSES, value)) set('status')(value);
                }}
                error={errors.status}
                data={CREATE_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
              />
            )}
          </SimpleGrid>
        </Fieldset>

        {asset ? null : (
          <Fieldset legend={t('assets.form.location')}>
            <LocationFields
              value={values.location}
              onChange={set('location')}
              errors={errors}
              schoolRequired={values.status === 'deployed'}
            />
          </Fieldset>
        )}

        <Fieldset legend={t('assets.form.purchase')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('assets.fields.purchaseDate')}
              type="date"
              value={values.purchaseDate}
              onChange={(e) => set('purchaseDate')(e.currentTarget.value)}
              error={errors.purchaseDate}
            />
            <TextInput
              label={t('assets.fields.purchasePrice')}
              description={t('assets.form.priceHelp')}
              inputMode="decimal"
              value={values.purchasePrice}
              onChange={(e) => set('purchasePrice')(e.currentTarget.value)}
              error={errors.purchasePriceCents}
            />
            <TextInput
              label={t('assets.fields.supplier')}
              value={values.supplier}
              onChange={(e) => set('supplier')(e.currentTarget.value)}
              error={errors.supplier}
              maxLength={200}
            />
            <TextInput
              label={t('assets.fields.orderRef')}
              value={values.orderRef}
              onChange={(e) => set('orderRef')(e.currentTarget.value)}
              error={errors.orderRef}
              maxLength={100}
            />
            <TextInput
              label={t('assets.fields.invoiceRef')}
              value={values.invoiceRef}
              onChange={(e) => set('invoiceRef')(e.currentTarget.value)}
              error={errors.invoiceRef}
              maxLength={100}
            />
            <TextInput
              label={t('assets.fields.warrantyEnd')}
              type="date"
              value={values.warrantyEnd}
              onChange={(e) => set('warrantyEnd')(e.currentTarget.value)}
              error={errors.warrantyEnd}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('assets.form.configuration')}>
          <Stack gap="md">
            <Checkbox
              label={t('assets.fields.mdmEnrolled')}
              description={t('assets.form.mdmHelp')}
              checked={values.mdmEnrolled}
              onChange={(e) => set('mdmEnrolled')(e.currentTarget.checked)}
              error={errors.mdmEnrolled}
            />
            {role === 'network_ap' ? (
              <NativeSelect
                label={t('assets.fields.wifiSwitchableOff')}
                description={t('assets.form.wifiHelp')}
                value={values.wifi}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  set('wifi')(value === 'yes' || value === 'no' ? value : '');
                }}
                error={errors.wifiSwitchableOff}
                data={[
                  { value: '', label: t('assets.unknown') },
                  { value: 'yes', label: t('assets.yes') },
                  { value: 'no', label: t('assets.no') },
                ]}
              />
            ) : null}
            {custom.length > 0 ? (
              <CustomFields
                fields={custom}
                values={values.custom}
                onChange={set('custom')}
                error={errors.customFields}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Textarea
          label={t('assets.fields.notes')}
          autosize
          minRows={2}
          maxRows={8}
          value={values.notes}
          onChange={(e) => set('notes')(e.currentTarget.value)}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {asset ? t('common.save') : t('assets.form.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CustomFields({
  fields,
  values,
  onChange,
  error,
}: {
  fields: readonly CustomField[];
  values: Values['custom'];
  onChange: (values: Values['custom']) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('assets.fields.customFields')}</Text>
      {error ? (
        <Text c="var(--mantine-color-error)" size="sm" role="alert" tabIndex={-1}>
          {error}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {fields.map((field) => {
          const value = values[field.name];
          if (field.type === 'boolean') {
            return (
              <Checkbox
                key={field.name}
                label={field.title}
                checked={value === true}
                onChange={(e) => set(field.name, e.currentTarget.checked)}
              />
            );
          }
          if (field.options) {
            return (
              <NativeSelect
                key={field.name}
                label={field.title}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(field.name, e.currentTarget.value)}
                data={[
                  { value: '', label: t('assets.unknown') },
                  ...field.options.map((o) => ({ value: String(o), label: String(o) })),
                ]}
              />
            );
          }
          return (
            <TextInput
              key={field.name}
              label={field.title}
              inputMode={field.type === 'string' ? undefined : 'decimal'}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => set(field.name, e.currentTarget.value)}
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
