import { Paper } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setFlash } from '../../components/flash.ts';
import { Page } from '../../components/page.tsx';
import { AssetForm } from './asset-form.tsx';

export function NewAssetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Page title={t('assets.form.createTitle')}>
      <Paper withBorder p="lg">
        <AssetForm
          asset={null}
          onCancel={() => void navigate({ to: '/assets' })}
          onSaved={(asset) => {
            setFlash(t('assets.created', { tag: asset.tag }));
            void navigate({ to: '/assets/$id', params: { id: asset.id } });
          }}
        />
      </Paper>
    </Page>
  );
}
