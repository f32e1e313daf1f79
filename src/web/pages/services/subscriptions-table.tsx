import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import { SubscriptionStatusBadge } from './labels.tsx';
import type { Subscription } from './services-queries.ts';

/** Subscriptions as a table: per school on the services page, per service on the school page. */
export function SubscriptionsTable({
  items,
  caption,
  showSchool,
  onEdit,
  onEnd,
  onDeclare,
}: {
  items: readonly Subscription[];
  caption: string;
  showSchool: boolean;
  onEdit: (s: Subscription) => void;
  onEnd: (s: Subscription) => void;
  onDeclare: (s: Subscription) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const actions = items.some((s) => s.can.update || s.can.declare);
  const declared = items.some((s) => s.expenseLines.length > 0);
  const period = (s: Subscription) =>
    s.endsOn
      ? t('services.subscriptions.fromTo', { from: formatDate(s.startsOn), to: formatDate(s.endsOn) })
      : t('services.subscriptions.since', { from: formatDate(s.startsOn) });
  return (
    <TableScroll labelledBy={captionId}>
      <Table striped verticalSpacing="xs">
        <caption id={captionId}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {showSchool ? <Table.Th scope="col">{t('services.fields.school')}</Table.Th> : null}
            <Table.Th scope="col">{t('services.fields.service')}</Table.Th>
            <Table.Th scope="col">{t('services.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t('services.subscriptions.period')}</Table.Th>
            <Table.Th scope="col">{t('services.fields.seats')}</Table.Th>
            <Table.Th scope="col">{t('services.fields.yearlyCost')}</Table.Th>
            <Table.Th scope="col">{t('services.subscriptions.status')}</Table.Th>
            {declared ? <Table.Th scope="col">{t('services.declare.column')}</Table.Th> : null}
            {actions ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const named = { service: s.serviceName, school: s.schoolName };
            return (
              <Table.Tr key={s.id}>
                {showSchool ? (
                  <Table.Th scope="row" fw={400}>
                    {s.schoolName}{' '}
                    <Text component="span" ff="monospace" size="sm">
                      {s.schoolUai}
                    </Text>
                  </Table.Th>
                ) : null}
                {showSchool ? (
                  <Table.Td>{s.serviceName}</Table.Td>
                ) : (
                  <Table.Th scope="row" fw={400}>
                    {s.serviceName}
                  </Table.Th>
                )}
                <Table.Td>
                  {t(`services.kind.${s.kind}`)}
                  {s.serviceArchived ? <Text size="sm">{t('services.catalogue.archivedMark')}</Text> : null}
                </Table.Td>
                <Table.Td>{period(s)}</Table.Td>
                <Table.Td>{s.seats === null ? '—' : formatNumber(s.seats)}</Table.Td>
                <Table.Td>{s.yearlyCostCents === null ? '—' : formatMoney(s.yearlyCostCents)}</Table.Td>
                <Table.Td>
                  <SubscriptionStatusBadge value={s.status} />
                </Table.Td>
                {declared ? (
                  <Table.Td>
                    {s.expenseLines.length === 0 ? (
                      '—'
                    ) : (
                      <Stack gap={2}>
                        {s.expenseLines.map((l) => (
                          <AnchorLink
                            key={l.id}
                            to="/funding/programmes/$id/lines"
                            params={{ id: l.programmeId }}
                            size="sm"
                          >
                            {t('services.declare.line', {
                              programme: l.programmeName,
                              from: formatDate(l.from),
                              to: formatDate(l.to),
                              amount: formatMoney(l.htCents),
                            })}
                          </AnchorLink>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                ) : null}
                {actions ? (
                  <Table.Td>
                    {s.can.update || s.can.declare ? (
                      <Group gap="xs" wrap="nowrap">
                        {s.can.update ? (
                          <Button
                            variant="default"
                            size="compact-sm"
                            aria-label={t('services.subscriptions.editNamed', named)}
                            onClick={() => onEdit(s)}
                          >
                            {t('common.edit')}
                          </Button>
                        ) : null}
                        {s.can.declare ? (
                          <Button
                            variant="default"
                            size="compact-sm"
                            aria-label={t('services.declare.actionNamed', named)}
                            onClick={() => onDeclare(s)}
                          >
                            {t('services.declare.action')}
                          </Button>
                        ) : null}
                        {s.can.update && s.status !== 'ended' ? (
                          <Button
                            variant="default"
                            size="compact-sm"
                            aria-label={t('services.subscriptions.endNamed', named)}
                            onClick={() => onEnd(s)}
                          >
                            {t('services.subscriptions.end')}
                          </Button>
                        ) : null}
                      </Group>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
