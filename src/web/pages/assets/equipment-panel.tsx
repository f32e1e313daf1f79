import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { School } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { summaryQuery } from './asset-queries.ts';
import { categoryName } from './labels.tsx';
import { ASSET_STATUSES } from './statuses.ts';

/**
 * The school page's equipment: counts by category and status
 * (`GET /api/inventory/summary?schoolId=`), each a link to the assets list
 * filtered the same way.
 */
export function EquipmentPanel({ school }: { school: School }) {
  const me = useSignedInMe();
  return hasPermission(me, 'inventory.read') ? <Summary school={school} /> : null;
}

function Summary({ school }: { school: School }) {
  const { t } = useTranslation();
  const captionId = useId();
  const summary = useQuery(summaryQuery(school.id));
  const rows = [...(summary.data?.byCategory ?? [])].sort((a, b) => categoryName(a).localeCompare(categoryName(b)));
  // Only the statuses met at this school get a column.
  const statuses = ASSET_STATUSES.filter((s) => rows.some((r) => (r.byStatus[s] ?? 0) > 0));
  return (
    <Panel title={t('assets.panel.title')}>
      {summary.isError ? <FormAlert kind="error">{errorMessage(t, summary.error)}</FormAlert> : null}
      {summary.isPending ? <Text>{t('common.loading')}</Text> : null}
      {summary.data ? (
        <Group gap="md">
          <Text>{t('assets.panel.total', { total: formatNumber(summary.data.total) })}</Text>
          {summary.data.total > 0 ? (
            <AnchorLink to="/assets" search={{ schoolId: school.id }}>
              {t('assets.panel.all')}
            </AnchorLink>
          ) : null}
        </Group>
      ) : null}
      {rows.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('assets.panel.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.fields.category')}</Table.Th>
                <Table.Th scope="col">{t('assets.panel.totalColumn')}</Table.Th>
                {statuses.map((s) => (
                  <Table.Th scope="col" key={s}>
                    {t(`assets.status.${s}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const name = categoryName(row);
                return (
                  <Table.Tr key={row.categoryId}>
                    <Table.Th scope="row">
                      <AnchorLink to="/assets" search={{ schoolId: school.id, categoryId: row.categoryId }}>
                        {name}
                      </AnchorLink>
                    </Table.Th>
                    <Table.Td>{formatNumber(row.total)}</Table.Td>
                    {statuses.map((s) => {
                      const count = row.byStatus[s] ?? 0;
                      return (
                        <Table.Td key={s}>
                          {count > 0 ? (
                            <AnchorLink
                              to="/assets"
                              search={{ schoolId: school.id, categoryId: row.categoryId, status: s }}
                            >
                              {formatNumber(count)}
                              <VisuallyHidden>
                                {' '}
                                {t('assets.panel.linkContext', { category: name, status: t(`assets.status.${s}`) })}
                              </VisuallyHidden>
                            </AnchorLink>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Panel>
  );
}
