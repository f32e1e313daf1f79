import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { formatDate, formatNumber } from '../../format.ts';

interface DigestPayload {
  readonly total: number;
  readonly until: string;
  readonly days: number;
}

function isDigest(payload: Record<string, unknown>): payload is Record<string, unknown> & DigestPayload {
  return typeof payload.total === 'number' && typeof payload.until === 'string' && typeof payload.days === 'number';
}

/**
 * The latest warranty digest (written weekly by a background job for admins
 * and managers), on the home page: "N warranties end by …".
 */
export function WarrantyDigest() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const concerned = hasPermission(me, 'inventory.catalogue');
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: () => unwrap(api.GET('/api/notifications')),
    enabled: concerned,
    staleTime: 5 * 60_000,
  });
  const digest = notifications.data?.find((n) => n.kind === 'warranty_digest');
  if (!concerned || !digest || !isDigest(digest.payload)) return null;
  const payload = digest.payload;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="warranty-digest-title">
      <Stack gap="sm">
        <Title order={2} id="warranty-digest-title">
          {t('inventory.digest.title')}
        </Title>
        <Text>
          {t('inventory.digest.body', {
            count: payload.total,
            total: formatNumber(payload.total),
            until: formatDate(payload.until),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('inventory.digest.written', { date: formatDate(digest.createdAt) })}
        </Text>
        <Text>
          <AnchorLink to="/inventory/warranties">{t('inventory.digest.link')}</AnchorLink>
        </Text>
      </Stack>
    </Paper>
  );
}
