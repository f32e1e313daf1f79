import { DataList, Group, Paper, Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** One section of a page: a bordered box named by its h2, with optional actions beside the heading. */
export function Panel({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm">
          <Title order={2} id={id}>
            {title}
          </Title>
          {actions ? <Group gap="sm">{actions}</Group> : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** Label–value pairs as a description list; empty values say "Non renseigné" (`empty`). */
export function Facts({
  items,
  empty,
}: {
  items: readonly (readonly [label: string, value: ReactNode | null | undefined])[];
  empty: string;
}) {
  return (
    <DataList labelWidth="14rem" size="md" withDivider>
      {items.map(([label, value]) => (
        <DataList.Item key={label} style={{ flexWrap: 'wrap' }}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>
            {value === null || value === undefined || value === '' ? empty : value}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
