import { Anchor, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { errorMessage } from '../../errors.ts';
import { assetQuery } from './asset-queries.ts';
import { tagFromScan } from './scan.ts';

/**
 * `/assets/tag/<tag>`: the address a QR label encodes. Any phone opens it;
 * signed in, it leads to the asset's page (replacing this address in the
 * history, so that Back returns to where the user was).
 */
export function AssetTagPage() {
  const { t } = useTranslation();
  const { tag: raw } = useParams({ from: '/signedIn/assets/tag/$tag' });
  const tag = tagFromScan(raw);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const found = useQuery({
    queryKey: ['assets', 'by-tag', tag],
    queryFn: () => unwrap(api.GET('/api/assets/by-tag/{tag}', { params: { path: { tag } } })),
    enabled: tag.length > 0,
  });
  const asset = found.data;
  useEffect(() => {
    if (!asset) return;
    // The answer is the asset's detail: its page shows it at once.
    queryClient.setQueryData(assetQuery(asset.id).queryKey, asset);
    void navigate({ to: '/assets/$id', params: { id: asset.id }, replace: true });
  }, [asset, navigate, queryClient]);

  const missing = found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400);
  return (
    <Page title={missing ? t('assets.tagPage.notFoundTitle') : t('assets.tagPage.title')}>
      {missing ? (
        <>
          <FormAlert kind="error">{t('assets.tagPage.notFound', { tag })}</FormAlert>
          <Text>
            <Anchor component={Link} to="/assets/scan">
              {t('assets.tagPage.scanAnother')}
            </Anchor>
          </Text>
        </>
      ) : found.isError ? (
        <FormAlert kind="error">{errorMessage(t, found.error)}</FormAlert>
      ) : (
        <Text role="status">{t('assets.tagPage.looking', { tag })}</Text>
      )}
    </Page>
  );
}
