import {
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber, parseDecimal } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { centsForInput, eurosToCents } from '../assets/labels.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { BudgetPanel } from './budget-panel.tsx';
import { ClaimsPanel } from './claims-panel.tsx';
import { ConventionsPanel } from './conventions-panel.tsx';
import {
  COST_ITEM_KINDS,
  type CostItem,
  type CostItemKind,
  costItemsQuery,
  type Programme,
  programmeQuery,
} from './funding-queries.ts';
import { IndicatorsPanel, PublicityPanel } from './indicators-panel.tsx';
import { Dialog, FormButtons, fundingFormProblem } from './labels.tsx';
import { ProgrammeDialog } from './programmes-page.tsx';
import { PROGRAMME_TABS, type ProgrammeTab } from './search.ts';

/**
 * One programme, in tabs kept in the URL (`?tab=budget`): overview and cost
 * items, budget and shares, conventions, payment claims, indicators and
 * publicity. Write actions show only with `funding.manage`.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/funding/programmes/$id' });
  const search = useSearch({ from: '/signedIn/funding/programmes/$id' });
  const navigate = useNavigate({ from: '/funding/programmes/$id' });
  const programme = useQuery(programmeQuery(id));
  const flash = useFlash();
  const tab: ProgrammeTab = search.tab ?? 'overview';

  if (programme.error instanceof ApiError && (programme.error.status === 404 || programme.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!programme.data) {
    return (
      <Page title={t('funding.programmes.titleShort')}>
        {programme.isError ? (
          <FormAlert kind="error">{errorMessage(t, programme.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = programme.data;
  const panels: Record<ProgrammeTab, ReactNode> = {
    overview: (
      <Stack gap="lg">
        <OverviewPanel programme={data} />
        <CostItemsPanel programmeId={data.id} />
      </Stack>
    ),
    budget: <BudgetPanel programmeId={data.id} />,
    conventions: <ConventionsPanel programmeId={data.id} />,
    claims: <ClaimsPanel programmeId={data.id} />,
    indicators: (
      <Stack gap="lg">
        <IndicatorsPanel programmeId={data.id} />
        <PublicityPanel programmeId={data.id} />
      </Stack>
    ),
  };
  return (
    <Page
      title={data.name}
      actions={
        <Group gap="md">
          <Text>
            <Anchor component={Link} to="/funding">
              {t('funding.programmes.backToList')}
            </Anchor>
          </Text>
          <Text>
            <AnchorLink to="/funding/programmes/$id/lines" params={{ id: data.id }} search={{}}>
              {t('funding.lines.title')}
            </AnchorLink>
          </Text>
          <Button
            component="a"
            variant="default"
            href={`/api/funding/programmes/${data.id}/report.pdf?lang=${currentLanguage()}`}
            download
          >
            {t('funding.programmes.reportPdf')}
          </Button>
        </Group>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({
            search: { tab: value && value !== 'overview' ? (value as ProgrammeTab) : undefined },
            replace: true,
            resetScroll: false,
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('funding.programmes.sections')} mb="md">
          {PROGRAMME_TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`funding.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {PROGRAMME_TABS.map((key) => (
          <Tabs.Panel key={key} value={key}>
            {panels[key]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}

function OverviewPanel({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const canReadSchools = hasPermission(me, 'schools.read');
  const ids = programme.schoolIds.slice(0, 100);
  const schools = useQuery({
    queryKey: ['schools', 'options', { ids }],
    queryFn: () => unwrap(api.GET('/api/schools/options', { params: { query: { ids: ids.join(','), limit: 100 } } })),
    enabled: canReadSchools && ids.length > 0,
    staleTime: 60_000,
  });
  return (
    <Panel
      title={t('funding.programmes.overview')}
      actions={
        hasPermission(me, 'funding.manage') ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing(true);
            }}
          >
            {t('funding.programmes.edit')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Facts
        empty={t('funding.notGiven')}
        items={[
          [t('funding.programmes.name'), programme.name],
          [
            t('funding.programmes.period'),
            t('funding.programmes.range', {
              from: formatDate(programme.periodStart),
              to: formatDate(programme.periodEnd),
            }),
          ],
          [t('funding.programmes.archiveUntil'), programme.archiveUntil ? formatDate(programme.archiveUntil) : null],
          [
            t('funding.programmes.description'),
            programme.description ? <Multiline key="description" text={programme.description} /> : null,
          ],
          [
            t('funding.programmes.objectives'),
            programme.objectives ? <Multiline key="objectives" text={programme.objectives} /> : null,
          ],
          [
            t('funding.programmes.schools'),
            <Stack gap={4} key="schools">
              <Text>{t('funding.programmes.schoolCount', { count: programme.schoolIds.length })}</Text>
              {schools.data && schools.data.length > 0 ? (
                <details>
                  <summary>{t('funding.programmes.showSchools')}</summary>
                  <List size="sm" mt="xs">
                    {schools.data.map((s) => (
                      <List.Item key={s.id}>
                        <AnchorLink to="/schools/$id" params={{ id: s.id }}>
                          {s.name}
                        </AnchorLink>{' '}
                        ({s.uai})
                      </List.Item>
                    ))}
                  </List>
                </details>
              ) : null}
            </Stack>,
          ],
        ]}
      />
      {editing ? (
        <ProgrammeDialog
          programme={programme}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setDone(t('funding.programmes.updated', { name: saved.name }));
          }}
        />
      ) : null}
    </Panel>
  );
}

function Multiline({ text }: { text: string }) {
  return <Text style={{ whiteSpace: 'pre-line' }}>{text}</Text>;
}

function CostItemsPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const queryClient = useQueryClient();
  const captionId = useId();
  const items = useQuery(costItemsQuery(programmeId));
  const [editing, setEditing] = useState<CostItem | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (item: CostItem) =>
      unwrap(api.DELETE('/api/funding/cost-items/{id}', { params: { path: { id: item.id } } })).then(() => item),
    onSuccess: async (item) => {
      setDone(t('funding.costItems.deleted', { code: item.code }));
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId] });
    },
  });
  const list = items.data ?? [];
  const total = list.reduce((s, c) => s + c.budgetCents, 0);
  return (
    <Panel
      title={t('funding.costItems.title')}
      actions={
        canManage ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            {t('funding.costItems.add')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {items.isError ? <FormAlert kind="error">{errorMessage(t, items.error)}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {items.isSuccess && list.length === 0 ? <Text>{t('funding.costItems.none')}</Text> : null}
      {list.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.costItems.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.costItems.code')}</Table.Th>
                <Table.Th scope="col">{t('funding.costItems.label')}</Table.Th>
                <Table.Th scope="col">{t('funding.costItems.kind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.costItems.budget')}
                </Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" ff="monospace">
                    {c.code}
                  </Table.Th>
                  <Table.Td>
                    <AnchorLink
                      to="/funding/programmes/$id/lines"
                      params={{ id: programmeId }}
                      search={{ costItemId: c.id }}
                    >
                      {c.label}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`funding.costItemKinds.${c.kind}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(c.budgetCents)}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(c);
                          }}
                        >
                          {t('common.edit')}
                          <VisuallyHidden> {c.code}</VisuallyHidden>
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="#a51d2d"
                          loading={remove.isPending && remove.variables?.id === c.id}
                          onClick={() => {
                            setDone(null);
                            if (window.confirm(t('funding.costItems.confirmDelete', { code: c.code })))
                              remove.mutate(c);
                          }}
                        >
                          {t('funding.delete')}
                          <VisuallyHidden> {c.code}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('funding.budget.total')}
                </Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(total)}
                </Table.Td>
                {canManage ? <Table.Td /> : null}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      ) : null}
      <Text size="sm">{t('funding.costItems.count', { count: list.length, total: formatNumber(list.length) })}</Text>
      {editing ? (
        <CostItemDialog
          programmeId={programmeId}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(t(created ? 'funding.costItems.created' : 'funding.costItems.updated', { code: saved.code }));
          }}
        />
      ) : null}
    </Panel>
  );
}

const COST_KNOWN = ['code', 'label', 'kind', 'position', 'budgetCents'];

function CostItemDialog({
  programmeId,
  item,
  onClose,
  onSaved,
}: {
  programmeId: string;
  item: CostItem | null;
  onClose: () => void;
  onSaved: (saved: CostItem, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(item?.code ?? '');
  const [label, setLabel] = useState(item?.label ?? '');
  const [kind, setKind] = useState<CostItemKind>(item?.kind ?? 'equipment');
  const [position, setPosition] = useState(item ? String(item.position) : '');
  const [budget, setBudget] = useState(centsForInput(item?.budgetCents));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: { code: string; label: string; kind: CostItemKind; position?: number; budgetCents: number }) =>
      item
        ? unwrap(api.PATCH('/api/funding/cost-items/{id}', { params: { path: { id: item.id } }, body }))
        : unwrap(api.POST('/api/funding/programmes/{id}/cost-items', { params: { path: { id: programmeId } }, body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId] });
      onSaved(saved, !item);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? fundingFormProblem(t, save.error, COST_KNOWN) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('errors.fields.required');
    if (!code.trim()) found.code = required;
    if (!label.trim()) found.label = required;
    const cents = eurosToCents(parseDecimal(budget));
    if (cents === null || Number.isNaN(cents)) found.budgetCents = t('funding.amountInvalid');
    const pos = position.trim() ? Number(position) : undefined;
    if (pos !== undefined && (!Number.isInteger(pos) || pos < 0)) found.position = t('funding.integerInvalid');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      code: code.trim(),
      label: label.trim(),
      kind,
      budgetCents: cents as number,
      ...(pos !== undefined ? { position: pos } : {}),
    });
  };
  return (
    <Dialog title={item ? t('funding.costItems.editTitle') : t('funding.costItems.add')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Group grow align="start">
            <TextInput
              label={t('funding.costItems.code')}
              description={t('funding.costItems.codeHelp')}
              required
              maxLength={20}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
            />
            <TextInput
              label={t('funding.costItems.position')}
              description={t('funding.costItems.positionHelp')}
              inputMode="numeric"
              value={position}
              onChange={(e) => setPosition(e.currentTarget.value)}
              error={errors.position}
            />
          </Group>
          <TextInput
            label={t('funding.costItems.label')}
            required
            maxLength={300}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
          />
          <NativeSelect
            label={t('funding.costItems.kind')}
            required
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as CostItemKind)}
            error={errors.kind}
            data={COST_ITEM_KINDS.map((k) => ({ value: k, label: t(`funding.costItemKinds.${k}`) }))}
          />
          <TextInput
            label={t('funding.costItems.budgetEuros')}
            required
            inputMode="decimal"
            value={budget}
            onChange={(e) => setBudget(e.currentTarget.value)}
            error={errors.budgetCents}
            maw="20rem"
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}
