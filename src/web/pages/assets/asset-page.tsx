import { Anchor, Button, Group, Modal, Stack, Table, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type AssetDetail, type AssetStatus, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { setFlash, useFlash } from '../../components/flash.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { CartDialog, MoveDialog, TakeOutDialog, TransitionDialog } from './asset-dialogs.tsx';
import { AssetForm, customFieldsOf } from './asset-form.tsx';
import { assetQuery, categoriesQuery, roundsQuery } from './asset-queries.ts';
import { AssetStatusBadge, categoryName, locationText } from './labels.tsx';
import { LabelsDialog } from './labels-dialog.tsx';
import { ASSET_STATUSES, MOVABLE_STATUSES } from './statuses.ts';

/**
 * The page of one asset: what it is, where it is and what may happen to it
 * next (the statuses the server allows), its contents if it is a cart, and
 * its history. Every change sends the version shown.
 */
export function AssetPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/assets/$id' });
  const asset = useQuery(assetQuery(id));
  const flash = useFlash();
  const me = useSignedInMe();

  if (asset.error instanceof ApiError && (asset.error.status === 404 || asset.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!asset.data) {
    return (
      <Page title={t('assets.assetTitle')}>
        {asset.isError ? (
          <FormAlert kind="error">{errorMessage(t, asset.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = asset.data;
  return (
    <Page
      title={t('assets.pageTitle', { tag: data.tag, model: data.model.name })}
      heading={
        <>
          <Text span inherit ff="monospace">
            {data.tag}
          </Text>{' '}
          — {data.model.name}
        </>
      }
      actions={
        <Group gap="sm">
          <Text>
            <Anchor component={Link} to="/assets">
              {t('assets.backToList')}
            </Anchor>
          </Text>
          <AssetStatusBadge value={data.status} />
          {data.school && hasPermission(me, 'helpdesk.open') ? (
            <Text>
              <AnchorLink to="/helpdesk" search={{ report: data.id }}>
                {t('helpdesk.reportBreakdown')}
              </AnchorLink>
            </Text>
          ) : null}
        </Group>
      }
    >
      {flash ? <FormAlert kind="success">{flash}</FormAlert> : null}
      <LifecyclePanel asset={data} />
      <IdentityPanel asset={data} />
      {data.category.role === 'cart' ? <CartPanel asset={data} /> : null}
      <HistoryPanel asset={data} />
    </Page>
  );
}

type Dialog =
  | { kind: 'transition'; to: AssetStatus }
  | { kind: 'move' }
  | { kind: 'cart' }
  | { kind: 'takeOut' }
  | { kind: 'labels' };

/** Status and place, and the changes allowed from here. */
function LifecyclePanel({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const groupId = useId();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const isCart = asset.category.role === 'cart';
  // A cart does not go into a cart (the server refuses it, though the lifecycle lists the status).
  const allowed = ASSET_STATUSES.filter((s) => asset.allowedTransitions.includes(s) && !(isCart && s === 'in_cart'));
  const canMove = asset.can.move && MOVABLE_STATUSES.includes(asset.status);
  const finished = (message: string) => () => {
    setDialog(null);
    setDone(message);
  };
  const open = (next: Dialog) => {
    setDone(null);
    setDialog(next);
  };
  return (
    <Panel title={t('assets.lifecycle')}>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Facts
        empty={t('assets.unknown')}
        items={[
          [t('assets.fields.status'), <AssetStatusBadge key="status" value={asset.status} />],
          [t('assets.fields.location'), locationText(t, asset)],
          [
            t('assets.fields.lastAuditedAt'),
            asset.lastAuditedAt ? formatDateTime(asset.lastAuditedAt) : t('assets.never'),
          ],
        ]}
      />
      {asset.can.transition ? (
        <Stack gap="xs">
          <Title order={3} id={groupId}>
            {t('assets.changeStatus')}
          </Title>
          {allowed.length === 0 ? (
            <Text>{t('assets.noTransition')}</Text>
          ) : (
            <Group gap="sm" role="group" aria-labelledby={groupId}>
              {allowed.map((to) => (
                <Button
                  key={to}
                  variant="default"
                  onClick={() => open(to === 'in_cart' ? { kind: 'cart' } : { kind: 'transition', to })}
                >
                  {t('assets.transitionTo', { status: t(`assets.status.${to}`) })}
                </Button>
              ))}
            </Group>
          )}
        </Stack>
      ) : null}
      {asset.can.move ? (
        <Group gap="sm">
          {canMove ? (
            <Button variant="default" onClick={() => open({ kind: 'move' })}>
              {t('assets.move.open')}
            </Button>
          ) : null}
          {asset.status === 'in_cart' && !isCart ? (
            <>
              <Button variant="default" onClick={() => open({ kind: 'cart' })}>
                {t('assets.cart.change')}
              </Button>
              <Button variant="default" onClick={() => open({ kind: 'takeOut' })}>
                {t('assets.takeOut.open')}
              </Button>
            </>
          ) : null}
          <Button variant="default" onClick={() => open({ kind: 'labels' })}>
            {t('assets.labels.one')}
          </Button>
        </Group>
      ) : null}
      {dialog?.kind === 'transition' ? (
        <TransitionDialog
          asset={asset}
          to={dialog.to}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            setDone(t('assets.transition.done', { status: t(`assets.status.${saved.status}`) }));
          }}
        />
      ) : null}
      {dialog?.kind === 'move' ? (
        <MoveDialog asset={asset} onClose={() => setDialog(null)} onDone={finished(t('assets.move.done'))} />
      ) : null}
      {dialog?.kind === 'cart' ? (
        <CartDialog
          asset={asset}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            setDone(t('assets.cart.done', { cart: saved.cart?.tag ?? '' }));
          }}
        />
      ) : null}
      {dialog?.kind === 'takeOut' ? (
        <TakeOutDialog asset={asset} onClose={() => setDialog(null)} onDone={finished(t('assets.takeOut.done'))} />
      ) : null}
      {dialog?.kind === 'labels' ? <LabelsDialog assets={[asset]} onClose={() => setDialog(null)} /> : null}
    </Panel>
  );
}

function IdentityPanel({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const categories = useQuery(categoriesQuery);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t('assets.yes') : t('assets.no'));
  const custom = customFieldsOf(categories.data?.find((c) => c.id === asset.category.id));
  const titles = new Map(custom.map((f) => [f.name, f.title]));
  const customItems = Object.entries(asset.customFields).map(
    ([name, value]) =>
      [
        titles.get(name) ?? name,
        typeof value === 'boolean' ? yesNo(value) : value === null || value === undefined ? null : String(value),
      ] as const,
  );
  return (
    <Panel
      title={t('assets.identity')}
      actions={
        asset.can.update ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing(true);
            }}
          >
            {t('assets.edit')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Facts
        empty={t('assets.unknown')}
        items={[
          [t('assets.fields.tag'), <code key="tag">{asset.tag}</code>],
          [t('assets.fields.serial'), asset.serial],
          [t('assets.fields.category'), categoryName(asset.category)],
          [t('assets.fields.model'), asset.model.name],
          [t('assets.fields.manufacturer'), asset.model.manufacturer],
          [t('assets.fields.purchaseDate'), formatDate(asset.purchaseDate)],
          [t('assets.fields.purchasePrice'), formatMoney(asset.purchasePriceCents)],
          [t('assets.fields.supplier'), asset.supplier],
          [t('assets.fields.orderRef'), asset.orderRef],
          [t('assets.fields.invoiceRef'), asset.invoiceRef],
          [t('assets.fields.warrantyEnd'), formatDate(asset.warrantyEnd)],
          [t('assets.fields.mdmEnrolled'), yesNo(asset.mdmEnrolled)],
          ...(asset.category.role === 'network_ap'
            ? [[t('assets.fields.wifiSwitchableOff'), yesNo(asset.wifiSwitchableOff)] as const]
            : []),
          ...customItems,
          [t('assets.fields.notes'), asset.notes],
          [t('assets.fields.generated'), asset.generated ? t('assets.generatedYes') : null],
          [t('assets.fields.updatedAt'), formatDateTime(asset.updatedAt)],
        ]}
      />
      {asset.category.role === 'network_ap' && asset.wifiSwitchableOff === false ? (
        <FormAlert kind="error" title={t('assets.wifiLawTitle')}>
          {t('assets.wifiLaw')}
        </FormAlert>
      ) : null}
      {editing ? (
        <Modal
          opened
          onClose={() => setEditing(false)}
          title={t('assets.editTitle', { tag: asset.tag })}
          size="xl"
          closeButtonProps={{ 'aria-label': t('common.close') }}
          styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
        >
          <AssetForm
            asset={asset}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setDone(t('assets.updated'));
            }}
          />
        </Modal>
      ) : null}
    </Panel>
  );
}

/** A cart: the devices it should hold, and its last inventory round. */
function CartPanel({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const captionId = useId();
  const rounds = useQuery({ ...roundsQuery(asset.school?.id), enabled: Boolean(asset.school) });
  const last = rounds.data?.find((r) => r.cartId === asset.id);
  const contents = asset.contents ?? [];
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/inventory/rounds', { body: { scope: 'cart', cartId: asset.id } })),
    onSuccess: (round) => {
      setFlash(t('inventory.rounds.started', { place: round.place }));
      void navigate({ to: '/inventory/rounds/$id', params: { id: round.id } });
    },
  });
  return (
    <Panel
      title={t('assets.contents.title')}
      actions={
        hasPermission(me, 'inventory.audit') ? (
          <Button variant="default" loading={start.isPending} onClick={() => start.mutate()}>
            {t('assets.contents.startRound')}
          </Button>
        ) : null
      }
    >
      {start.isError ? <FormAlert kind="error">{errorMessage(t, start.error)}</FormAlert> : null}
      <Text>{t('assets.contents.expected', { count: contents.length, total: formatNumber(contents.length) })}</Text>
      {contents.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('assets.contents.caption', { tag: asset.tag })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.model')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.serial')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contents.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/assets/$id" params={{ id: item.id }} ff="monospace">
                      {item.tag}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{item.model.name}</Table.Td>
                  <Table.Td>{item.serial ?? '—'}</Table.Td>
                  <Table.Td>
                    <AssetStatusBadge value={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <Title order={3}>{t('assets.contents.lastRound')}</Title>
      {last ? (
        <Text>
          <AnchorLink to="/inventory/rounds/$id" params={{ id: last.id }}>
            {t('assets.contents.roundOf', { date: formatDateTime(last.startedAt) })}
          </AnchorLink>{' '}
          —{' '}
          {t('assets.contents.roundCounts', {
            status: t(`inventory.rounds.statuses.${last.status}`),
            found: formatNumber(last.counts.found),
            expected: formatNumber(last.counts.expected),
            missing: formatNumber(last.counts.missing),
          })}
        </Text>
      ) : (
        <Text>{rounds.isPending && asset.school ? t('common.loading') : t('assets.contents.noRound')}</Text>
      )}
    </Panel>
  );
}

function HistoryPanel({ asset }: { asset: AssetDetail }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('assets.history.title')}>
      {asset.events.length === 0 ? (
        <Text>{t('assets.history.none')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={-1} role="list" aria-label={t('assets.history.listLabel')}>
          {asset.events.map((event) => (
            <Timeline.Item
              key={event.id}
              role="listitem"
              title={t(`assets.history.kinds.${event.kind}`, { defaultValue: event.kind })}
            >
              <Text size="sm">
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                {' — '}
                {event.actorName ?? t('assets.history.system')}
              </Text>
              {event.toStatus ? (
                <Text size="sm">
                  {event.fromStatus
                    ? t('assets.history.statusChange', {
                        from: t(`assets.status.${event.fromStatus}`, { defaultValue: event.fromStatus }),
                        to: t(`assets.status.${event.toStatus}`, { defaultValue: event.toStatus }),
                      })
                    : t('assets.history.statusSet', {
                        to: t(`assets.status.${event.toStatus}`, { defaultValue: event.toStatus }),
                      })}
                </Text>
              ) : null}
              {event.note ? (
                <Text size="sm" c="dimmed">
                  {event.note}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Panel>
  );
}
