import {
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type InventoryRound, type InventoryScanResult, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { manyAssetsChanged, roundQuery, roundSaved } from '../assets/asset-queries.ts';
import { ScanBox } from '../assets/scan-box.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { RoundStatusBadge } from './rounds-page.tsx';

type ScanLine = InventoryScanResult['results'][number];
type AssetLine = InventoryRound['found'][number];
const COUNTS = ['expected', 'found', 'missing', 'unexpected', 'unknown'] as const;

/** One scan's answer, in words (also what the live region says). */
function describeScan(t: TFunction, line: ScanLine): string {
  const tag = line.tag;
  switch (line.result) {
    case 'found':
      return t('inventory.scan.found', { tag, model: line.asset?.model ?? '' });
    case 'unexpected':
      return line.asset?.registeredAt
        ? t('inventory.scan.unexpectedAt', { tag, place: line.asset.registeredAt })
        : t('inventory.scan.unexpected', { tag });
    case 'already_scanned':
      return t('inventory.scan.alreadyScanned', { tag });
    default:
      return t('inventory.scan.unknown', { tag });
  }
}

/**
 * One inventory round: scan the tags found on site (each Enter of the
 * scanner is sent at once, in order, and its answer announced), follow the
 * counts, close the round, then apply the corrections in one confirmed step.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { id } = useParams({ from: '/signedIn/inventory/rounds/$id' });
  const round = useQuery(roundQuery(id));
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'close' | 'corrections' | null>(null);

  if (round.error instanceof ApiError && (round.error.status === 404 || round.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!round.data) {
    return (
      <Page title={t('inventory.round.titleShort')}>
        {round.isError ? (
          <FormAlert kind="error">{errorMessage(t, round.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = round.data;
  const audit = hasPermission(me, 'inventory.audit');
  const open = data.status === 'open';
  const correctable =
    data.status === 'closed' &&
    !data.correctionsAppliedAt &&
    hasPermission(me, 'inventory.manage') &&
    data.counts.missing + data.counts.unexpected > 0;
  return (
    <Page
      title={t('inventory.round.title', { place: data.place })}
      actions={
        <Stack gap="sm">
          <Group gap="sm">
            <Text>
              <Anchor component={Link} to="/inventory/rounds">
                {t('inventory.round.backToList')}
              </Anchor>
            </Text>
            <RoundStatusBadge value={data.status} />
          </Group>
          <Group gap="sm">
            {open && audit ? (
              <Button
                variant="outline"
                onClick={() => {
                  setDone(null);
                  setDialog('close');
                }}
              >
                {t('inventory.round.close')}
              </Button>
            ) : null}
            {correctable ? (
              <Button
                variant="outline"
                onClick={() => {
                  setDone(null);
                  setDialog('corrections');
                }}
              >
                {t('inventory.corrections.open')}
              </Button>
            ) : null}
            <Button
              component="a"
              variant="default"
              href={`/api/inventory/rounds/${data.id}/export?format=pdf`}
              download
            >
              {t('inventory.round.exportPdf')}
            </Button>
            <Button
              component="a"
              variant="default"
              href={`/api/inventory/rounds/${data.id}/export?format=csv`}
              download
            >
              {t('inventory.round.exportCsv')}
            </Button>
          </Group>
        </Stack>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Panel title={t('inventory.round.about')}>
        <Facts
          empty={t('assets.unknown')}
          items={[
            [t('inventory.rounds.scope'), t(`inventory.rounds.scopes.${data.scope}`)],
            [t('inventory.rounds.place'), data.place],
            [t('inventory.rounds.startedAt'), formatDateTime(data.startedAt)],
            [t('inventory.rounds.startedBy'), data.startedBy],
            [t('inventory.round.closedAt'), data.closedAt ? formatDateTime(data.closedAt) : null],
            [
              t('inventory.round.correctionsAppliedAt'),
              data.correctionsAppliedAt ? formatDateTime(data.correctionsAppliedAt) : null,
            ],
            [t('inventory.rounds.notes'), data.notes],
          ]}
        />
      </Panel>

      <Counts round={data} />
      {open && audit ? <ScanPanel round={data} /> : null}

      <LinesPanel
        title={t('inventory.lists.missing', { count: data.counts.missing })}
        lines={data.missing}
        empty={t('inventory.lists.noneMissing')}
      />
      <LinesPanel
        title={t('inventory.lists.unexpected', { count: data.counts.unexpected })}
        lines={data.unexpected}
        empty={t('inventory.lists.noneUnexpected')}
        registered
      />
      <Panel title={t('inventory.lists.unknown', { count: data.counts.unknown })}>
        {data.unknown.length === 0 ? (
          <Text>{t('inventory.lists.noneUnknown')}</Text>
        ) : (
          <List>
            {data.unknown.map((tag) => (
              <List.Item key={tag}>
                <code>{tag}</code>
              </List.Item>
            ))}
          </List>
        )}
      </Panel>
      <LinesPanel
        title={t('inventory.lists.found', { count: data.counts.found })}
        lines={data.found}
        empty={t('inventory.lists.noneFound')}
      />

      {dialog === 'close' ? (
        <CloseDialog
          round={data}
          onClose={() => setDialog(null)}
          onClosed={() => {
            setDialog(null);
            setDone(t('inventory.round.closed'));
          }}
        />
      ) : null}
      {dialog === 'corrections' ? (
        <CorrectionsDialog
          round={data}
          onClose={() => setDialog(null)}
          onApplied={() => {
            setDialog(null);
            setDone(t('inventory.corrections.applied'));
          }}
        />
      ) : null}
    </Page>
  );
}

function Counts({ round }: { round: InventoryRound }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('inventory.round.counts')}>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="dl" m={0}>
        {COUNTS.map((key) => (
          <div key={key} className="round-count" data-count={key}>
            <dt>{t(`inventory.counts.${key}`)}</dt>
            <dd>{formatNumber(round.counts[key])}</dd>
          </div>
        ))}
      </SimpleGrid>
    </Panel>
  );
}

function ScanPanel({ round }: { round: InventoryRound }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const listId = useId();
  const [recent, setRecent] = useState<readonly (ScanLine & { key: number })[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Scans go one after the other, in the order of the Enters: answers come back in that order.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const counter = useRef(0);

  const send = (text: string) => {
    queue.current = queue.current.then(async () => {
      try {
        const answer = await unwrap(
          api.POST('/api/inventory/rounds/{id}/scans', {
            params: { path: { id: round.id } },
            body: { tags: [text] },
          }),
        );
        await roundSaved(queryClient, answer.round);
        const lines = answer.results.map((line) => ({ ...line, key: ++counter.current }));
        setRecent((list) => [...lines.reverse(), ...list].slice(0, 50));
        setProblem(null);
        const counts = answer.round.counts;
        setAnnouncement(
          `${lines.map((l) => describeScan(t, l)).join(' ')} ${t('inventory.scan.progress', {
            found: formatNumber(counts.found),
            expected: formatNumber(counts.expected),
          })}`,
        );
      } catch (error) {
        const message = errorMessage(t, error);
        setProblem(message);
        setAnnouncement(message);
        if (error instanceof ApiError && error.status === 409) {
          await queryClient.invalidateQueries({ queryKey: roundQuery(round.id).queryKey });
        }
      }
    });
  };

  return (
    <Panel title={t('inventory.scan.title')}>
      <Text size="sm">{t('inventory.scan.help')}</Text>
      <ScanBox
        label={t('inventory.scan.field')}
        description={t('inventory.scan.fieldHelp')}
        submitLabel={t('inventory.scan.submit')}
        onScan={send}
      />
      {/* Each answer is read out as it comes, with the progress. */}
      <Text role="status" aria-live="polite" fw={600}>
        {announcement}
      </Text>
      {problem ? <FormAlert kind="error">{problem}</FormAlert> : null}
      {recent.length > 0 ? (
        <>
          <Title order={3} id={listId}>
            {t('inventory.scan.recent')}
          </Title>
          <List aria-labelledby={listId} spacing={4}>
            {recent.map((line) => (
              <List.Item key={line.key} data-result={line.result}>
                <Text span fw={600}>
                  {t(`inventory.scan.results.${line.result}`)}
                </Text>{' '}
                — {describeScan(t, line)}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Panel>
  );
}

function LinesPanel({
  title,
  lines,
  empty,
  registered = false,
}: {
  title: string;
  lines: readonly AssetLine[];
  empty: string;
  registered?: boolean;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <Panel title={title}>
      {lines.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{title}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.model')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.status')}</Table.Th>
                {registered ? <Table.Th scope="col">{t('inventory.lists.registeredAt')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/assets/$id" params={{ id: line.id }} ff="monospace">
                      {line.tag}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{line.model}</Table.Td>
                  <Table.Td>{t(`assets.status.${line.status}`, { defaultValue: line.status })}</Table.Td>
                  {registered ? <Table.Td>{line.registeredAt ?? t('inventory.lists.elsewhere')}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}

function CloseDialog({
  round,
  onClose,
  onClosed,
}: {
  round: InventoryRound;
  onClose: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/inventory/rounds/{id}/close', { params: { path: { id: round.id } } })),
    onSuccess: async (saved) => {
      await roundSaved(queryClient, saved);
      onClosed();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('inventory.round.closeTitle', { place: round.place })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <Stack gap="md">
        <Text>
          {t('inventory.round.closeHelp', {
            missing: formatNumber(round.counts.missing),
            expected: formatNumber(round.counts.expected),
          })}
        </Text>
        {close.isError ? <FormAlert kind="error">{errorMessage(t, close.error)}</FormAlert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => close.mutate()} loading={close.isPending}>
            {t('inventory.round.closeSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CorrectionsDialog({
  round,
  onClose,
  onApplied,
}: {
  round: InventoryRound;
  onClose: () => void;
  onApplied: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [moveUnexpected, setMoveUnexpected] = useState(false);
  const [markMissingLost, setMarkMissingLost] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [checked, setChecked] = useState<{ choice?: string; confirm?: string } | null>(null);
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/inventory/rounds/{id}/corrections', {
          params: { path: { id: round.id } },
          body: { moveUnexpected, markMissingLost, confirm: true },
        }),
      ),
    onSuccess: async (saved) => {
      await roundSaved(queryClient, saved);
      await manyAssetsChanged(queryClient);
      onApplied();
    },
  });
  useFocusFirstProblem(form, apply.error ?? checked);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { choice?: string; confirm?: string } = {};
    if (!moveUnexpected && !markMissingLost) found.choice = t('inventory.corrections.chooseOne');
    if (!confirmed) found.confirm = t('inventory.corrections.confirmRequired');
    if (found.choice || found.confirm) {
      setChecked(found);
      apply.reset();
      return;
    }
    setChecked(null);
    apply.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('inventory.corrections.title', { place: round.place })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('inventory.corrections.help')}</Text>
          {apply.isError ? <FormAlert kind="error">{errorMessage(t, apply.error)}</FormAlert> : null}
          {checked?.choice ? <FormAlert kind="error">{checked.choice}</FormAlert> : null}
          <Checkbox
            label={t('inventory.corrections.moveUnexpected', { count: round.counts.unexpected })}
            description={t('inventory.corrections.moveUnexpectedHelp', { place: round.place })}
            disabled={round.counts.unexpected === 0}
            checked={moveUnexpected}
            onChange={(e) => setMoveUnexpected(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('inventory.corrections.markMissingLost', { count: round.counts.missing })}
            description={t('inventory.corrections.markMissingLostHelp')}
            disabled={round.counts.missing === 0}
            checked={markMissingLost}
            onChange={(e) => setMarkMissingLost(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('inventory.corrections.confirm')}
            required
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
            error={checked?.confirm}
            // Mantine marks a checkbox's error by colour and text only: say it to assistive technologies too.
            aria-invalid={checked?.confirm ? true : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={apply.isPending}>
              {t('inventory.corrections.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
