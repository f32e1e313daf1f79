import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssetCategory, type AssetModel, api, type CategoryRole, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatMoney, formatNumber, parseDecimal } from '../../format.ts';
import { customFieldsOf } from '../assets/asset-form.tsx';
import { categoriesQuery, manufacturersQuery, modelsQuery, stockLocationsQuery } from '../assets/asset-queries.ts';
import { categoryName, centsForInput, eurosToCents } from '../assets/labels.tsx';
import { CATEGORY_ROLES, isOneOf, STOCK_KINDS } from '../assets/statuses.ts';

/**
 * The catalogue (loaded in a chunk of its own): categories with their custom
 * fields, manufacturers, models with their reference price HT, stock
 * locations. Reference prices are typed in euros and kept in cents.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('inventory.catalogue.title')}>
      <Text>{t('inventory.catalogue.intro')}</Text>
      <CategoriesPanel />
      <ModelsPanel />
      <ManufacturersPanel />
      <StockLocationsPanel />
    </Page>
  );
}

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      {children}
    </Modal>
  );
}

function FormButtons({ onCancel, pending, submit }: { onCancel: () => void; pending: boolean; submit: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
    </Group>
  );
}

// ---- categories -------------------------------------------------------------

function CategoriesPanel() {
  const { t } = useTranslation();
  const captionId = useId();
  const categories = useQuery(categoriesQuery);
  const [editing, setEditing] = useState<AssetCategory | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = categories.data ?? [];
  return (
    <Panel
      title={t('inventory.catalogue.categories')}
      actions={
        <Button
          variant="default"
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
        >
          {t('inventory.catalogue.addCategory')}
        </Button>
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {categories.isError ? <FormAlert kind="error">{errorMessage(t, categories.error)}</FormAlert> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('inventory.catalogue.categoriesCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.catalogue.nameFr')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.nameEn')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.code')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.role')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.customFields')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={600}>
                    {c.nameFr}
                    {c.archived ? (
                      <Text span size="sm" fw={400}>
                        {' '}
                        {t('inventory.catalogue.archivedTag')}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{c.nameEn}</Table.Td>
                  <Table.Td>
                    <code>{c.code}</code>
                  </Table.Td>
                  <Table.Td>{t(`assets.roles.${c.role}`)}</Table.Td>
                  <Table.Td>
                    {customFieldsOf(c)
                      .map((f) => f.title)
                      .join(', ') || '—'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setDone(null);
                        setEditing(c);
                      }}
                    >
                      {t('common.edit')}
                      <VisuallyHidden>
                        {' '}
                        {t('inventory.catalogue.theCategory', { name: categoryName(c) })}
                      </VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {editing ? (
        <CategoryDialog
          category={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(
              t(created ? 'inventory.catalogue.categoryCreated' : 'inventory.catalogue.categoryUpdated', {
                name: categoryName(saved),
              }),
            );
          }}
        />
      ) : null}
    </Panel>
  );
}

const FIELD_TYPES = ['string', 'number', 'integer', 'boolean'] as const;
type FieldType = (typeof FIELD_TYPES)[number];
interface FieldRow {
  key: number;
  name: string;
  type: FieldType;
  title: string;
  /** What the schema said besides name, type and title (enum, bounds…): kept as it was. */
  rest: Record<string, unknown>;
}

function fieldRows(category: AssetCategory | null): FieldRow[] {
  const properties = category?.customFieldsSchema?.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, Record<string, unknown>>).map(([name, p], index) => {
    const { type, title, ...rest } = p;
    return {
      key: index,
      name,
      type: isOneOf(FIELD_TYPES, type) ? type : 'string',
      title: typeof title === 'string' ? title : '',
      rest,
    };
  });
}

/** The custom fields as the JSON Schema the API keeps (`{type: 'object', properties: {…}}`), or null. */
export function fieldsSchema(rows: readonly Pick<FieldRow, 'name' | 'type' | 'title' | 'rest'>[], required?: unknown) {
  const kept = rows.filter((r) => r.name.trim());
  if (!kept.length) return null;
  const properties: Record<string, Record<string, unknown>> = {};
  for (const r of kept) {
    properties[r.name.trim()] = { ...r.rest, type: r.type, ...(r.title.trim() ? { title: r.title.trim() } : {}) };
  }
  // Fields the schema required stay required while they exist.
  const stillRequired = Array.isArray(required)
    ? required.filter((name) => typeof name === 'string' && name in properties)
    : [];
  return { type: 'object' as const, properties, ...(stillRequired.length ? { required: stillRequired } : {}) };
}

const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

function CategoryDialog({
  category,
  onClose,
  onSaved,
}: {
  category: AssetCategory | null;
  onClose: () => void;
  onSaved: (saved: AssetCategory, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(category?.code ?? '');
  const [nameFr, setNameFr] = useState(category?.nameFr ?? '');
  const [nameEn, setNameEn] = useState(category?.nameEn ?? '');
  const [role, setRole] = useState<CategoryRole>(category?.role ?? 'other');
  const [archived, setArchived] = useState(category?.archived ?? false);
  const [price, setPrice] = useState(centsForInput(category?.referencePriceCents));
  const [install, setInstall] = useState(centsForInput(category?.installCostCents));
  const [rows, setRows] = useState<FieldRow[]>(() => fieldRows(category));
  const nextKey = useRef(rows.length);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const save = useMutation({
    mutationFn: async (): Promise<AssetCategory> => {
      const schema = fieldsSchema(
        rows,
        category?.customFieldsSchema?.required,
      ) as Schemas['CreateAssetCategoryInput']['customFieldsSchema'];
      const common = {
        nameFr: nameFr.trim(),
        nameEn: nameEn.trim(),
        role,
        customFieldsSchema: schema,
        referencePriceCents: eurosToCents(parseDecimal(price)),
        installCostCents: eurosToCents(parseDecimal(install)),
      };
      if (category) {
        return unwrap(
          api.PATCH('/api/inventory/categories/{id}', {
            params: { path: { id: category.id } },
            body: { ...common, archived },
          }),
        );
      }
      return unwrap(api.POST('/api/inventory/categories', { body: { code: code.trim(), ...common } }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['inventory'] });
      onSaved(saved, category === null);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error
    ? formProblem(t, save.error, [
        'code',
        'nameFr',
        'nameEn',
        'role',
        'customFieldsSchema',
        'referencePriceCents',
        'installCostCents',
      ])
    : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('errors.fields.required');
    if (!category && !/^[a-z0-9_]{2,40}$/.test(code.trim())) found.code = t('errors.fields.invalid_code');
    if (!nameFr.trim()) found.nameFr = required;
    if (!nameEn.trim()) found.nameEn = required;
    if (Number.isNaN(eurosToCents(parseDecimal(price)))) found.referencePriceCents = t('assets.form.invalidAmount');
    if (Number.isNaN(eurosToCents(parseDecimal(install)))) found.installCostCents = t('assets.form.invalidAmount');
    const names = rows.map((r) => r.name.trim()).filter(Boolean);
    rows.forEach((r) => {
      const name = r.name.trim();
      if (name && !FIELD_NAME.test(name)) found[`field-${r.key}`] = t('errors.fields.invalid_field_name');
      else if (name && names.indexOf(name) !== names.lastIndexOf(name))
        found[`field-${r.key}`] = t('errors.fields.name_taken');
    });
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate();
  };

  const update = (key: number, patch: Partial<FieldRow>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Dialog
      title={
        category
          ? t('inventory.catalogue.editCategory', { name: categoryName(category) })
          : t('inventory.catalogue.addCategory')
      }
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {category ? null : (
              <TextInput
                label={t('inventory.catalogue.code')}
                description={t('inventory.catalogue.codeHelp')}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={errors.code}
              />
            )}
            <NativeSelect
              label={t('inventory.catalogue.role')}
              description={t('inventory.catalogue.roleHelp')}
              value={role}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isOneOf(CATEGORY_ROLES, value)) setRole(value);
              }}
              error={errors.role}
              data={CATEGORY_ROLES.map((r) => ({ value: r, label: t(`assets.roles.${r}`) }))}
            />
            <TextInput
              label={t('inventory.catalogue.nameFr')}
              required
              value={nameFr}
              onChange={(e) => setNameFr(e.currentTarget.value)}
              error={errors.nameFr}
              lang="fr"
            />
            <TextInput
              label={t('inventory.catalogue.nameEn')}
              required
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={errors.nameEn}
              lang="en"
            />
            <TextInput
              label={t('inventory.catalogue.referencePriceInput')}
              description={t('inventory.catalogue.referencePriceHelp')}
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.currentTarget.value)}
              error={errors.referencePriceCents}
            />
            <TextInput
              label={t('inventory.catalogue.installCostInput')}
              description={t('assets.form.priceHelp')}
              inputMode="decimal"
              value={install}
              onChange={(e) => setInstall(e.currentTarget.value)}
              error={errors.installCostCents}
            />
          </SimpleGrid>
          {category ? (
            <Checkbox
              label={t('inventory.catalogue.archived')}
              description={t('inventory.catalogue.archivedHelp')}
              checked={archived}
              onChange={(e) => setArchived(e.currentTarget.checked)}
            />
          ) : null}
          <Fieldset legend={t('inventory.catalogue.customFields')}>
            <Stack gap="sm">
              <Text size="sm">{t('inventory.catalogue.customFieldsHelp')}</Text>
              {errors.customFieldsSchema ? (
                <Text size="sm" c="var(--mantine-color-error)" role="alert" tabIndex={-1}>
                  {errors.customFieldsSchema}
                </Text>
              ) : null}
              {rows.length === 0 ? <Text size="sm">{t('inventory.catalogue.noCustomFields')}</Text> : null}
              {rows.map((row, index) => (
                <Group
                  key={row.key}
                  align="end"
                  gap="sm"
                  role="group"
                  aria-label={t('inventory.catalogue.fieldN', { n: index + 1 })}
                >
                  <TextInput
                    label={t('inventory.catalogue.fieldName')}
                    description={index === 0 ? t('inventory.catalogue.fieldNameHelp') : undefined}
                    value={row.name}
                    onChange={(e) => update(row.key, { name: e.currentTarget.value })}
                    error={errors[`field-${row.key}`]}
                  />
                  <NativeSelect
                    label={t('inventory.catalogue.fieldType')}
                    value={row.type}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      if (isOneOf(FIELD_TYPES, value)) update(row.key, { type: value });
                    }}
                    data={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`inventory.catalogue.fieldTypes.${ft}`) }))}
                  />
                  <TextInput
                    label={t('inventory.catalogue.fieldTitle')}
                    value={row.title}
                    onChange={(e) => update(row.key, { title: e.currentTarget.value })}
                  />
                  <Button
                    variant="outline"
                    color="red.9"
                    onClick={() => setRows((list) => list.filter((r) => r.key !== row.key))}
                  >
                    {t('inventory.catalogue.removeField')}
                    <VisuallyHidden> {t('inventory.catalogue.fieldN', { n: index + 1 })}</VisuallyHidden>
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  onClick={() =>
                    setRows((list) => [
                      ...list,
                      { key: nextKey.current++, name: '', type: 'string', title: '', rest: {} },
                    ])
                  }
                >
                  {t('inventory.catalogue.addField')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submit={category ? t('common.save') : t('inventory.catalogue.addCategory')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

// ---- models -----------------------------------------------------------------

function ModelsPanel() {
  const { t } = useTranslation();
  const captionId = useId();
  const models = useQuery(modelsQuery);
  const [editing, setEditing] = useState<AssetModel | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = [...(models.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Panel
      title={t('inventory.catalogue.models')}
      actions={
        <Button
          variant="default"
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
        >
          {t('inventory.catalogue.addModel')}
        </Button>
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {models.isError ? <FormAlert kind="error">{errorMessage(t, models.error)}</FormAlert> : null}
      {models.isSuccess && items.length === 0 ? <Text>{t('inventory.catalogue.noModels')}</Text> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('inventory.catalogue.modelsCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.catalogue.modelName')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.category')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.manufacturer')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.unitPrice')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.installCost')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.expectedLife')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.assetCount')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={600}>
                    {m.name}
                    {m.modelNumber ? (
                      <Text size="xs" c="dimmed" fw={400}>
                        {m.modelNumber}
                      </Text>
                    ) : null}
                    {m.archived ? (
                      <Text span size="sm" fw={400}>
                        {' '}
                        {t('inventory.catalogue.archivedTag')}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{categoryName(m.category)}</Table.Td>
                  <Table.Td>{m.manufacturer?.name ?? '—'}</Table.Td>
                  <Table.Td>{m.unitPriceCents === null ? '—' : formatMoney(m.unitPriceCents)}</Table.Td>
                  <Table.Td>{m.installCostCents === null ? '—' : formatMoney(m.installCostCents)}</Table.Td>
                  <Table.Td>
                    {m.expectedLifeYears === null
                      ? '—'
                      : t('inventory.catalogue.years', { count: m.expectedLifeYears })}
                  </Table.Td>
                  <Table.Td>{formatNumber(m.assetCount)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        setDone(null);
                        setEditing(m);
                      }}
                    >
                      {t('common.edit')}
                      <VisuallyHidden> {t('inventory.catalogue.theModel', { name: m.name })}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {editing ? (
        <ModelDialog
          model={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(
              t(created ? 'inventory.catalogue.modelCreated' : 'inventory.catalogue.modelUpdated', {
                name: saved.name,
              }),
            );
          }}
        />
      ) : null}
    </Panel>
  );
}

const MODEL_FIELDS = [
  'name',
  'modelNumber',
  'categoryId',
  'manufacturerId',
  'unitPriceCents',
  'installCostCents',
  'expectedLifeYears',
] as const;

function ModelDialog({
  model,
  onClose,
  onSaved,
}: {
  model: AssetModel | null;
  onClose: () => void;
  onSaved: (saved: AssetModel, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const categories = useQuery(categoriesQuery);
  const manufacturers = useQuery(manufacturersQuery);
  const [name, setName] = useState(model?.name ?? '');
  const [modelNumber, setModelNumber] = useState(model?.modelNumber ?? '');
  const [categoryId, setCategoryId] = useState(model?.category.id ?? '');
  const [manufacturerId, setManufacturerId] = useState(model?.manufacturer?.id ?? '');
  const [price, setPrice] = useState(centsForInput(model?.unitPriceCents));
  const [install, setInstall] = useState(centsForInput(model?.installCostCents));
  const [life, setLife] = useState(model?.expectedLifeYears ? String(model.expectedLifeYears) : '');
  const [archived, setArchived] = useState(model?.archived ?? false);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const save = useMutation({
    mutationFn: async (input: {
      unitPriceCents: number | null;
      installCostCents: number | null;
      years: number | null;
    }) => {
      const body = {
        name: name.trim(),
        modelNumber: modelNumber.trim() || null,
        categoryId,
        manufacturerId: manufacturerId || null,
        unitPriceCents: input.unitPriceCents,
        installCostCents: input.installCostCents,
        expectedLifeYears: input.years,
        // Kept as they are: the API reads a missing `specs` as empty (its default), even when editing.
        specs: (model?.specs ?? {}) as Record<string, string | number | boolean>,
      };
      if (model) {
        return unwrap(
          api.PATCH('/api/inventory/models/{id}', { params: { path: { id: model.id } }, body: { ...body, archived } }),
        );
      }
      return unwrap(api.POST('/api/inventory/models', { body }));
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['inventory'] });
      onSaved(saved, model === null);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, MODEL_FIELDS) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('errors.fields.required');
    if (!name.trim()) found.name = required;
    if (!categoryId) found.categoryId = required;
    const unitPriceCents = eurosToCents(parseDecimal(price));
    const installCostCents = eurosToCents(parseDecimal(install));
    if (unitPriceCents !== null && Number.isNaN(unitPriceCents)) found.unitPriceCents = t('assets.form.invalidAmount');
    if (installCostCents !== null && Number.isNaN(installCostCents))
      found.installCostCents = t('assets.form.invalidAmount');
    const years = life.trim() ? Number(life.trim()) : null;
    if (years !== null && (!Number.isInteger(years) || years < 1 || years > 50))
      found.expectedLifeYears = t('errors.fields.number_between', { min: 1, max: 50 });
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({ unitPriceCents, installCostCents, years });
  };

  return (
    <Dialog
      title={model ? t('inventory.catalogue.editModel', { name: model.name }) : t('inventory.catalogue.addModel')}
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('inventory.catalogue.modelName')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label={t('inventory.catalogue.modelNumber')}
              value={modelNumber}
              onChange={(e) => setModelNumber(e.currentTarget.value)}
              error={errors.modelNumber}
            />
            <NativeSelect
              label={t('assets.fields.category')}
              required
              value={categoryId}
              onChange={(e) => setCategoryId(e.currentTarget.value)}
              error={errors.categoryId}
              data={[
                { value: '', label: t('inventory.catalogue.chooseCategory') },
                ...(categories.data ?? [])
                  .filter((c) => !c.archived || c.id === model?.category.id)
                  .map((c) => ({ value: c.id, label: categoryName(c) })),
              ]}
            />
            <NativeSelect
              label={t('assets.fields.manufacturer')}
              value={manufacturerId}
              onChange={(e) => setManufacturerId(e.currentTarget.value)}
              error={errors.manufacturerId}
              data={[
                { value: '', label: t('inventory.catalogue.noManufacturer') },
                ...(manufacturers.data ?? []).map((m) => ({ value: m.id, label: m.name })),
              ]}
            />
            <TextInput
              label={t('inventory.catalogue.unitPriceInput')}
              description={t('assets.form.priceHelp')}
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.currentTarget.value)}
              error={errors.unitPriceCents}
            />
            <TextInput
              label={t('inventory.catalogue.installCostInput')}
              description={t('assets.form.priceHelp')}
              inputMode="decimal"
              value={install}
              onChange={(e) => setInstall(e.currentTarget.value)}
              error={errors.installCostCents}
            />
            <TextInput
              label={t('inventory.catalogue.expectedLifeInput')}
              inputMode="numeric"
              value={life}
              onChange={(e) => setLife(e.currentTarget.value)}
              error={errors.expectedLifeYears}
            />
          </SimpleGrid>
          {model ? (
            <Checkbox
              label={t('inventory.catalogue.archived')}
              description={t('inventory.catalogue.archivedModelHelp')}
              checked={archived}
              onChange={(e) => setArchived(e.currentTarget.checked)}
            />
          ) : null}
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submit={model ? t('common.save') : t('inventory.catalogue.addModel')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

// ---- manufacturers and stock locations ----------------------------------------

function ManufacturersPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const manufacturers = useQuery(manufacturersQuery);
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState<object | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/api/inventory/manufacturers', { body: { name: name.trim() } })),
    onSuccess: async (saved) => {
      setName('');
      setDone(t('inventory.catalogue.manufacturerAdded', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: manufacturersQuery.queryKey });
    },
  });
  useFocusFirstProblem(form, add.error ?? missing);
  const problem = add.error ? formProblem(t, add.error, ['name']) : null;
  const items = manufacturers.data ?? [];
  return (
    <Panel title={t('inventory.catalogue.manufacturers')}>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Title order={3} id={headingId}>
        {t('inventory.catalogue.manufacturersList', { count: items.length })}
      </Title>
      {items.length === 0 ? (
        <Text>{t('inventory.catalogue.noManufacturers')}</Text>
      ) : (
        <List aria-labelledby={headingId}>
          {items.map((m) => (
            <List.Item key={m.id}>{m.name}</List.Item>
          ))}
        </List>
      )}
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          if (!name.trim()) {
            setMissing({});
            add.reset();
            return;
          }
          setMissing(null);
          add.mutate();
        }}
      >
        <Stack gap="xs">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Group align="end" gap="sm">
            <TextInput
              label={t('inventory.catalogue.newManufacturer')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={missing ? t('errors.fields.required') : problem?.fields.name}
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('inventory.catalogue.addManufacturer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function StockLocationsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const stock = useQuery(stockLocationsQuery);
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof STOCK_KINDS)[number]>('warehouse');
  const [schoolId, setSchoolId] = useState('');
  const [missing, setMissing] = useState<object | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/inventory/stock-locations', {
          body: { name: name.trim(), kind, schoolId: schoolId || null },
        }),
      ),
    onSuccess: async (saved) => {
      setName('');
      setSchoolId('');
      setDone(t('inventory.catalogue.stockAdded', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: stockLocationsQuery.queryKey });
    },
  });
  useFocusFirstProblem(form, add.error ?? missing);
  const problem = add.error ? formProblem(t, add.error, ['name', 'kind', 'schoolId']) : null;
  const items = stock.data ?? [];
  return (
    <Panel title={t('inventory.catalogue.stockLocations')}>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {items.length === 0 ? (
        <Text>{t('inventory.catalogue.noStockLocations')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('inventory.catalogue.stockCaption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('inventory.catalogue.stockName')}</Table.Th>
                <Table.Th scope="col">{t('inventory.catalogue.stockKind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">{s.name}</Table.Th>
                  <Table.Td>{t(`inventory.catalogue.stockKinds.${s.kind}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          if (!name.trim()) {
            setMissing({});
            add.reset();
            return;
          }
          setMissing(null);
          add.mutate();
        }}
      >
        <Fieldset legend={t('inventory.catalogue.addStock')}>
          <Stack gap="sm">
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('inventory.catalogue.stockName')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={missing ? t('errors.fields.required') : problem?.fields.name}
              />
              <NativeSelect
                label={t('inventory.catalogue.stockKind')}
                value={kind}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isOneOf(STOCK_KINDS, value)) setKind(value);
                }}
                data={STOCK_KINDS.map((k) => ({ value: k, label: t(`inventory.catalogue.stockKinds.${k}`) }))}
              />
              <OneSchoolPicker
                label={t('inventory.catalogue.stockSchool')}
                description={t('inventory.catalogue.stockSchoolHelp')}
                value={schoolId}
                onChange={setSchoolId}
                error={problem?.fields.schoolId}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" variant="default" loading={add.isPending}>
                {t('inventory.catalogue.addStock')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      </form>
    </Panel>
  );
}
