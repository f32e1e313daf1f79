import {
  Button,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Asset, api, unwrap } from '../../api/client.ts';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { AssetStatusBadge, categoryName, locationText } from '../assets/labels.tsx';
import { tagFromScan } from '../assets/scan.ts';
import { ScanBox } from '../assets/scan-box.tsx';
import { loanFormProblem } from './labels.tsx';
import { type LoanRequest, loanSaved } from './loan-queries.ts';

/** What a device may be lent from (the API's rule): in a cart, in stock, or deployed at the school. */
const LENDABLE = 'in_cart,in_stock,deployed';
const KINDS = ['pupil_device', 'hotspot', 'accessory'] as const;
type Kind = (typeof KINDS)[number];
const MAX_ITEMS = 5;

type Chosen = Pick<Asset, 'id' | 'tag' | 'serial' | 'status' | 'model' | 'category'>;

/**
 * Allocation of an approved request: devices and accessories picked from the
 * school's carts or stock — by searching, or by scanning a tag — and an
 * optional due date (the organisation's default otherwise). The server checks
 * each device again and keeps one open loan per device.
 */
export function AllocationPanel({ request }: { request: LoanRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const resultsId = useId();
  const chosenId = useId();
  const [chosen, setChosen] = useState<readonly Chosen[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<Kind>('pupil_device');
  const [where, setWhere] = useState<'school' | 'all'>('school');
  const [dueDate, setDueDate] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 250);

  const found = useQuery({
    queryKey: ['assets', 'lendable', { q: debounced, kind, where, schoolId: request.school.id }],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets', {
          params: {
            query: {
              status: LENDABLE,
              categoryRole: kind,
              limit: 20,
              ...(debounced ? { q: debounced } : {}),
              ...(where === 'school' ? { schoolId: request.school.id } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const add = (asset: Chosen) => {
    setChecked(null);
    if (chosen.some((c) => c.id === asset.id)) {
      setAnnouncement(t('loans.allocate.already', { tag: asset.tag }));
      return;
    }
    if (chosen.length >= MAX_ITEMS) {
      setAnnouncement(t('loans.allocate.tooMany', { max: MAX_ITEMS }));
      return;
    }
    setChosen([...chosen, asset]);
    setAnnouncement(t('loans.allocate.added', { tag: asset.tag, model: asset.model.name }));
  };
  const remove = (asset: Chosen) => {
    setChosen(chosen.filter((c) => c.id !== asset.id));
    setAnnouncement(t('loans.allocate.removed', { tag: asset.tag }));
  };

  const scan = async (text: string) => {
    const tag = tagFromScan(text);
    try {
      const asset = await unwrap(api.GET('/api/assets/by-tag/{tag}', { params: { path: { tag } } }));
      setScanProblem(null);
      add(asset);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 404
          ? t('loans.allocate.unknownTag', { tag })
          : errorMessage(t, error);
      setScanProblem(message);
      setAnnouncement(message);
    }
  };

  const allocate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/loans/requests/{id}/allocate', {
          params: { path: { id: request.id } },
          body: { assetIds: chosen.map((c) => c.id), ...(dueDate ? { dueDate } : {}) },
        }),
      ),
    onSuccess: async (loan) => {
      await loanSaved(queryClient, loan);
      setFlash(t('loans.allocate.done', { pseudonym: loan.household.pseudonym }));
      void navigate({ to: '/loans/$id', params: { id: loan.id } });
    },
  });
  useFocusFirstProblem(form, allocate.error ?? checked);
  const problem = allocate.error ? loanFormProblem(t, allocate.error, ['tags', 'assetIds', 'dueDate']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const itemsError = errors.assetIds ?? errors.tags;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setChecked({ assetIds: t('loans.allocate.noneChosen') });
      allocate.reset();
      return;
    }
    setChecked(null);
    allocate.mutate();
  };

  const results = found.data?.items ?? [];
  return (
    <Panel title={t('loans.allocate.title')}>
      <Text size="sm">{request.need.connectivity ? t('loans.allocate.introHotspot') : t('loans.allocate.intro')}</Text>
      <ScanBox
        label={t('loans.allocate.scan')}
        description={t('loans.allocate.scanHelp')}
        submitLabel={t('loans.allocate.scanSubmit')}
        onScan={(text) => void scan(text)}
      />
      {scanProblem ? <FormAlert kind="error">{scanProblem}</FormAlert> : null}

      <Stack gap="sm" component="section" aria-labelledby={resultsId}>
        <Title order={3} id={resultsId}>
          {t('loans.allocate.searchTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label={t('loans.allocate.search')}
            description={t('loans.allocate.searchHelp')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('loans.allocate.kind')}
            value={kind}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setKind((KINDS as readonly string[]).includes(value) ? (value as Kind) : 'pupil_device');
            }}
            data={KINDS.map((k) => ({ value: k, label: t(`loans.allocate.kinds.${k}`) }))}
          />
          <NativeSelect
            label={t('loans.allocate.where')}
            value={where}
            onChange={(e) => setWhere(e.currentTarget.value === 'all' ? 'all' : 'school')}
            data={[
              { value: 'school', label: t('loans.allocate.whereSchool', { school: request.school.name }) },
              { value: 'all', label: t('loans.allocate.whereAll') },
            ]}
          />
        </SimpleGrid>
        {results.length > 0 ? (
          <TableScroll labelledBy={`${resultsId}-caption`}>
            <Table striped verticalSpacing="xs" aria-busy={found.isFetching}>
              <caption id={`${resultsId}-caption`}>
                <VisuallyHidden>{t('loans.allocate.resultsCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
                  <Table.Th scope="col">{t('assets.fields.model')}</Table.Th>
                  <Table.Th scope="col">{t('assets.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('assets.fields.location')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.map((asset) => (
                  <Table.Tr key={asset.id}>
                    <Table.Th scope="row" ff="monospace">
                      {asset.tag}
                    </Table.Th>
                    <Table.Td>{asset.model.name}</Table.Td>
                    <Table.Td>
                      <AssetStatusBadge value={asset.status} />
                    </Table.Td>
                    <Table.Td>{locationText(t, asset)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={chosen.some((c) => c.id === asset.id)}
                        aria-label={t('loans.allocate.addOne', { tag: asset.tag })}
                        onClick={() => add(asset)}
                      >
                        {t('loans.allocate.add')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : (
          <Text>{found.isPending ? t('common.loading') : t('loans.allocate.noResult')}</Text>
        )}
      </Stack>

      <Text role="status" aria-live="polite" fw={600}>
        {announcement}
      </Text>

      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} id={chosenId}>
            {t('loans.allocate.chosen', { count: chosen.length })}
          </Title>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {itemsError ? <FormAlert kind="error">{itemsError}</FormAlert> : null}
          {chosen.length === 0 ? (
            <Text>{t('loans.allocate.noneYet')}</Text>
          ) : (
            <List aria-labelledby={chosenId} spacing={4}>
              {chosen.map((asset) => (
                <List.Item key={asset.id}>
                  <Group gap="sm">
                    <Text span ff="monospace" fw={600}>
                      {asset.tag}
                    </Text>
                    <Text span>
                      {asset.model.name} ({categoryName(asset.category)})
                    </Text>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t('loans.allocate.removeOne', { tag: asset.tag })}
                      onClick={() => remove(asset)}
                    >
                      {t('loans.allocate.remove')}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
          <TextInput
            label={t('loans.fields.dueDate')}
            description={t('loans.allocate.dueDateHelp')}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
            maw="20rem"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={allocate.isPending}>
              {t('loans.allocate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
