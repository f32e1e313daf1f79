import { Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type AssetDetail, api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { Page } from '../../components/page.tsx';
import { errorMessage } from '../../errors.ts';
import { assetQuery } from './asset-queries.ts';
import { AssetStatusBadge, categoryName, locationText } from './labels.tsx';
import { cameraScanSupported, tagFromScan } from './scan.ts';
import { ScanBox } from './scan-box.tsx';

// The camera reader is fetched only when the user turns the camera on.
const CameraScanner = lazy(() => import('./camera-scanner.tsx').then((m) => ({ default: m.CameraScanner })));

interface Lookup {
  readonly key: number;
  readonly tag: string;
  readonly state: 'pending' | 'found' | 'unknown' | 'error';
  readonly asset?: AssetDetail;
  readonly error?: string;
}

/**
 * Finding an asset by its label: a barcode scanner (or the keyboard) types
 * the tag or the label's URL into the field, or the camera reads the QR
 * code where the browser can. Each answer is announced to screen readers.
 */
export function ScanPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const historyId = useId();
  const [lookups, setLookups] = useState<readonly Lookup[]>([]);
  const [camera, setCamera] = useState(false);
  const counter = useRef(0);
  const supported = cameraScanSupported();

  const lookUp = async (text: string) => {
    const tag = tagFromScan(text);
    if (!tag) return;
    const key = ++counter.current;
    const put = (lookup: Lookup) => setLookups((list) => [lookup, ...list.filter((l) => l.key !== key)].slice(0, 20));
    put({ key, tag, state: 'pending' });
    try {
      const asset = await unwrap(api.GET('/api/assets/by-tag/{tag}', { params: { path: { tag } } }));
      queryClient.setQueryData(assetQuery(asset.id).queryKey, asset);
      put({ key, tag, state: 'found', asset });
    } catch (error) {
      // 400: not even a possible tag (too long); 404: no asset has it (or not one this user may see).
      if (error instanceof ApiError && (error.status === 404 || error.status === 400))
        put({ key, tag, state: 'unknown' });
      else put({ key, tag, state: 'error', error: errorMessage(t, error) });
    }
  };

  const latest = lookups[0];
  const sayLookup = (l: Lookup) =>
    l.state === 'found' && l.asset
      ? t('assets.scan.found', {
          tag: l.tag,
          model: l.asset.model.name,
          status: t(`assets.status.${l.asset.status}`),
          place: locationText(t, l.asset),
        })
      : l.state === 'unknown'
        ? t('assets.scan.unknown', { tag: l.tag })
        : l.state === 'error'
          ? `${l.tag} : ${l.error ?? ''}`
          : t('assets.scan.looking', { tag: l.tag });

  return (
    <Page title={t('assets.scan.title')}>
      <Text>{t('assets.scan.intro')}</Text>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <ScanBox
            label={t('assets.scan.field')}
            description={t('assets.scan.fieldHelp')}
            submitLabel={t('assets.scan.submit')}
            onScan={(text) => void lookUp(text)}
          />
          <Title order={2}>{t('assets.scan.cameraTitle')}</Title>
          {!supported ? (
            <Text>{t('assets.scan.cameraUnsupported')}</Text>
          ) : camera ? (
            <Suspense fallback={<Text>{t('common.loading')}</Text>}>
              <CameraScanner onDetected={(text) => void lookUp(text)} onStop={() => setCamera(false)} />
            </Suspense>
          ) : (
            <div>
              <Button variant="default" onClick={() => setCamera(true)}>
                {t('assets.scan.cameraStart')}
              </Button>
            </div>
          )}
        </Stack>
      </Paper>

      {/* The latest answer, read out by screen readers as it comes. */}
      <Text role="status" aria-live="polite" fw={600}>
        {latest ? sayLookup(latest) : ''}
      </Text>

      {lookups.length > 0 ? (
        <Stack gap="xs">
          <Title order={2} id={historyId}>
            {t('assets.scan.history')}
          </Title>
          <List aria-labelledby={historyId} spacing="xs">
            {lookups.map((l) => (
              <List.Item key={l.key}>
                {l.state === 'found' && l.asset ? (
                  <>
                    <AnchorLink to="/assets/$id" params={{ id: l.asset.id }} ff="monospace">
                      {l.asset.tag}
                    </AnchorLink>{' '}
                    — {categoryName(l.asset.category)}, {l.asset.model.name} —{' '}
                    <AssetStatusBadge value={l.asset.status} /> — {locationText(t, l.asset)}
                  </>
                ) : (
                  sayLookup(l)
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Page>
  );
}
