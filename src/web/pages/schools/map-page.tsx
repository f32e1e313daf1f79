import { Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publicInfoQuery } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { PRIORITY_EDUCATION, priorityKey } from './labels.ts';
import { SchoolsMap } from './map/leaflet-map.tsx';
import { mapPointsQuery } from './school-queries.ts';

/**
 * The map of open schools. This page is its own chunk (with Leaflet),
 * loaded when visited. The same schools are listed below the map: the list
 * is the way for keyboards and screen readers, and a link before the map
 * jumps to it.
 */
export function SchoolsMapPage() {
  const { t } = useTranslation();
  const points = useQuery(mapPointsQuery);
  const info = useQuery(publicInfoQuery).data;
  const items = points.data ?? [];

  const skipToList = (event: MouseEvent<HTMLAnchorElement>) => {
    // In-page jump handled here, so that the router does not treat the fragment as a navigation.
    event.preventDefault();
    const heading = document.getElementById('map-list-title');
    heading?.focus();
    heading?.scrollIntoView();
  };

  return (
    <Page title={t('schools.map.title')}>
      <Text>{t('schools.map.intro')}</Text>
      {points.isError ? <FormAlert kind="error">{errorMessage(t, points.error)}</FormAlert> : null}
      {points.isPending ? <Text>{t('common.loading')}</Text> : null}
      {points.isSuccess && items.length === 0 ? <Text>{t('schools.map.none')}</Text> : null}
      {items.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="map-legend-title">
          <Stack gap="sm">
            <Title order={2} id="map-legend-title" size="h3">
              {t('schools.map.legend')}
            </Title>
            <Group component="ul" gap="lg" className="map-legend" aria-labelledby="map-legend-title">
              {PRIORITY_EDUCATION.map((priority) => (
                <li key={priority}>
                  <span className={`school-marker school-marker--${priorityKey(priority)}`} aria-hidden="true" />{' '}
                  {t('schools.map.legendItem', {
                    label: t(`schools.priorityLong.${priorityKey(priority)}`),
                    count: formatNumber(items.filter((p) => p.priorityEducation === priority).length),
                  })}
                </li>
              ))}
            </Group>
            <Text size="sm">
              {t('schools.map.keyboardHelp')}{' '}
              {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link, focus handled so the router ignores it */}
              <a href="#map-list-title" onClick={skipToList} className="mantine-focus-auto map-skip">
                {t('schools.map.skipToList')}
              </a>
            </Text>
            <SchoolsMap points={items} tiles={info?.map} label={t('schools.map.regionLabel')} />
          </Stack>
        </Paper>
      ) : null}

      {items.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-labelledby="map-list-title">
          <Stack gap="sm">
            <Title order={2} id="map-list-title" tabIndex={-1}>
              {t('schools.map.listTitle', { count: formatNumber(items.length) })}
            </Title>
            <TableScroll labelledBy="map-list-caption">
              <Table striped verticalSpacing="xs">
                <caption id="map-list-caption">
                  <VisuallyHidden>{t('schools.map.listCaption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('schools.name')}</Table.Th>
                    <Table.Th scope="col">{t('schools.uai')}</Table.Th>
                    <Table.Th scope="col">{t('schools.kind')}</Table.Th>
                    <Table.Th scope="col">{t('schools.priorityEducation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((point) => (
                    <Table.Tr key={point.id}>
                      <Table.Th scope="row" fw={400}>
                        <AnchorLink to="/schools/$id" params={{ id: point.id }}>
                          {point.name}
                        </AnchorLink>
                      </Table.Th>
                      <Table.Td>
                        <code>{point.uai}</code>
                      </Table.Td>
                      <Table.Td>{t(`schools.kinds.${point.kind}`)}</Table.Td>
                      <Table.Td>{t(`schools.priorityLong.${priorityKey(point.priorityEducation)}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Stack>
        </Paper>
      ) : null}
    </Page>
  );
}
