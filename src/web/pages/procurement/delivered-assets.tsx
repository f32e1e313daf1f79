import { List, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import type { Delivery } from './procurement-queries.ts';

/** The assets a delivery created, each a link to its page (they are in the inventory from now on). */
export function DeliveredAssets({ assets }: { assets: Delivery['assets'] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" id={titleId}>
        {t('procurement.order.createdAssets', { count: assets.length })}
      </Text>
      <List size="sm" aria-labelledby={titleId}>
        {assets.map((a) => (
          <List.Item key={a.id}>
            <AnchorLink to="/assets/$id" params={{ id: a.id }} ff="monospace">
              {a.tag}
            </AnchorLink>
            {a.serial ? ` — ${t('procurement.order.serial', { serial: a.serial })}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
