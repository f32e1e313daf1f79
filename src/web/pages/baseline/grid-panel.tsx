import { Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { type BaselineGrid, gridQuery, gridVersionsQuery } from './baseline-queries.ts';
import { GridEditor } from './grid-editor.tsx';
import { criterionLabel, ruleText } from './labels.tsx';

/** The référentiel grid in force, its saved versions, and (with `baseline.grid`) its editor. */
export function GridPanel() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canEdit = hasPermission(me, 'baseline.grid');
  const grid = useQuery(gridQuery);
  const versions = useQuery(gridVersionsQuery);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (grid.isError) return <FormAlert kind="error">{errorMessage(t, grid.error)}</FormAlert>;
  if (!grid.data) return <Text>{t('common.loading')}</Text>;
  const data = grid.data;
  return (
    <Stack gap="lg">
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {editing ? (
        <GridEditor
          grid={data}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setDone(t('baseline.grid.saved', { version: saved.version }));
          }}
        />
      ) : (
        <Panel
          title={t('baseline.grid.inForce')}
          actions={
            canEdit ? (
              <Button
                variant="default"
                onClick={() => {
                  setDone(null);
                  setEditing(true);
                }}
              >
                {t('baseline.grid.edit')}
              </Button>
            ) : null
          }
        >
          <GridView grid={data} />
        </Panel>
      )}
      <Panel title={t('baseline.grid.history')}>
        {versions.isError ? <FormAlert kind="error">{errorMessage(t, versions.error)}</FormAlert> : null}
        {versions.data && versions.data.length === 0 ? <Text>{t('baseline.grid.noVersion')}</Text> : null}
        {versions.data && versions.data.length > 0 ? (
          <TableScroll labelledBy="baseline-grid-versions">
            <Table striped verticalSpacing="xs">
              <caption id="baseline-grid-versions">
                <VisuallyHidden>{t('baseline.grid.history')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('baseline.grid.version')}</Table.Th>
                  <Table.Th scope="col">{t('baseline.grid.name')}</Table.Th>
                  <Table.Th scope="col">{t('baseline.grid.savedOn')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('baseline.grid.criteriaCount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('baseline.grid.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.map((v) => (
                  <Table.Tr key={v.version}>
                    <Table.Th scope="row">
                      {v.version}
                      {v.version === data.version ? ` (${t('baseline.grid.current')})` : ''}
                    </Table.Th>
                    <Table.Td>{v.name}</Table.Td>
                    <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(v.criteria)}</Table.Td>
                    <Table.Td>{v.note || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Panel>
    </Stack>
  );
}

function GridView({ grid }: { grid: BaselineGrid }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {grid.name}
      </Title>
      <Text>
        {grid.stored
          ? t('baseline.grid.versionLine', { version: grid.version, date: formatDateTime(grid.createdAt) })
          : t('baseline.grid.presetLine')}
      </Text>
      <Text>
        {t('baseline.grid.kindsLine', { kinds: grid.schoolKinds.map((k) => t(`schools.kinds.${k}`)).join(', ') })}
      </Text>
      {grid.note ? <Text style={{ whiteSpace: 'pre-line' }}>{grid.note}</Text> : null}
      <TableScroll labelledBy="baseline-grid-criteria">
        <Table striped verticalSpacing="xs">
          <caption id="baseline-grid-criteria">
            <VisuallyHidden>{t('baseline.grid.criteriaCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('baseline.grid.criterion')}</Table.Th>
              <Table.Th scope="col">{t('baseline.grid.level')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('baseline.grid.weight')}
              </Table.Th>
              <Table.Th scope="col">{t('baseline.grid.required')}</Table.Th>
              <Table.Th scope="col">{t('baseline.grid.thresholds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grid.criteria.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Th scope="row" fw={600}>
                  {criterionLabel(c)}
                  <Text size="xs" c="dimmed" fw={400}>
                    <code>{c.key}</code>
                  </Text>
                </Table.Th>
                <Table.Td>{t(`baseline.level.${c.level}`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(c.weight)}</Table.Td>
                <Table.Td>{t(c.required ? 'baseline.grid.yes' : 'baseline.grid.no')}</Table.Td>
                <Table.Td>{ruleText(t, c.rule)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
