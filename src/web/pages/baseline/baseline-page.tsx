import { Tabs, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { CompliancePanel } from './compliance-panel.tsx';
import { EquityPanel } from './equity-panel.tsx';
import { GapPanel } from './gap-panel.tsx';
import { GridPanel } from './grid-panel.tsx';
import { MapPanel } from './map-panel.tsx';
import { BASELINE_TABS, type BaselineTab } from './search.ts';

/**
 * The socle numérique of the organisation, in tabs kept in the URL
 * (`?tab=gap`): compliance of every school, map, priced gap, equity, and the
 * référentiel grid. The filters (kind, priority, status, circonscription,
 * text) also live in the URL and apply to the compliance, map and gap tabs.
 */
export function BaselinePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signedIn/baseline' });
  const navigate = useNavigate({ from: '/baseline' });
  const tab: BaselineTab = search.tab ?? 'compliance';
  const panels: Record<BaselineTab, ReactNode> = {
    compliance: <CompliancePanel />,
    map: <MapPanel />,
    gap: <GapPanel />,
    equity: <EquityPanel />,
    grid: <GridPanel />,
  };
  return (
    <Page title={t('baseline.title')}>
      <Text>{t('baseline.intro')}</Text>
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({
            search: (previous) => {
              const next = {
                ...previous,
                tab: value && value !== 'compliance' ? (value as Exclude<BaselineTab, 'compliance'>) : undefined,
              };
              if (next.tab === undefined) delete next.tab;
              return next;
            },
            replace: true,
            resetScroll: false,
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('baseline.sections')} mb="md">
          {BASELINE_TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`baseline.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {BASELINE_TABS.map((key) => (
          <Tabs.Panel key={key} value={key}>
            {panels[key]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
