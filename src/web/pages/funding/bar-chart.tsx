import { Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { TableScroll } from '../../components/table-scroll.tsx';

/**
 * A grouped horizontal bar chart drawn in SVG (no chart library), always
 * followed by its data table: the picture is for the eye (hidden from
 * assistive technologies), the table carries the figures for everyone.
 * Bar colours reach ≥ 3:1 against white (non-text contrast); the legend says
 * which is which in words.
 */

export interface ChartSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

export interface ChartRow {
  readonly key: string;
  /** Short label drawn beside the bars. */
  readonly label: string;
  /** What the table's row header shows (a link, a longer name); the label by default. */
  readonly header?: ReactNode;
  readonly values: Readonly<Record<string, number>>;
}

export const SERIES_COLOURS = ['#1d4a87', '#8a4a00', '#1e6b34', '#6b3fa0', '#a51d2d', '#0b6e6e', '#5c4b00'];

const WIDTH = 760;
const LABEL = 240;
const VALUE = 110;
const BAR = 12;
const GAP = 14;

function shorten(text: string, max = 34): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({
  caption,
  series,
  rows,
  format,
  rowHeader,
  footer,
  chart = true,
}: {
  caption: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  format: (value: number) => string;
  /** The header of the table's first column. */
  rowHeader: string;
  /** A totals row of the table. */
  footer?: ChartRow;
  /** false: the table alone (too many rows to draw). */
  chart?: boolean;
}) {
  const captionId = useId();
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const groupHeight = series.length * BAR + GAP;
  const height = rows.length * groupHeight + GAP;
  const scale = (v: number) => (Math.max(0, v) / max) * (WIDTH - LABEL - VALUE);
  return (
    <Stack gap="sm" component="figure" m={0} aria-labelledby={captionId}>
      <Text component="figcaption" id={captionId} fw={700}>
        {caption}
      </Text>
      {chart && rows.length > 0 ? (
        <>
          <Group gap="md" aria-hidden="true">
            {series.map((s) => (
              <Group key={s.key} gap={6} wrap="nowrap">
                <svg width="14" height="14" aria-hidden="true" focusable="false">
                  <rect width="14" height="14" fill={s.colour} />
                </svg>
                <Text size="sm">{s.label}</Text>
              </Group>
            ))}
          </Group>
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <svg
              viewBox={`0 0 ${WIDTH} ${height}`}
              width="100%"
              style={{ maxWidth: WIDTH, minWidth: 480 }}
              aria-hidden="true"
              focusable="false"
            >
              {rows.map((row, i) => {
                const top = GAP + i * groupHeight;
                return (
                  <g key={row.key}>
                    <text
                      x={LABEL - 8}
                      y={top + (series.length * BAR) / 2}
                      textAnchor="end"
                      dominantBaseline="middle"
                      fontSize="11"
                      fill="#1a1b1e"
                    >
                      {shorten(row.label)}
                    </text>
                    {series.map((s, j) => {
                      const value = row.values[s.key] ?? 0;
                      const y = top + j * BAR;
                      return (
                        <g key={s.key}>
                          <rect x={LABEL} y={y + 1} width={scale(value)} height={BAR - 2} fill={s.colour} />
                          <text
                            x={LABEL + scale(value) + 4}
                            y={y + BAR / 2}
                            dominantBaseline="middle"
                            fontSize="10"
                            fill="#1a1b1e"
                          >
                            {format(value)}
                          </text>
                        </g>
                      );
                    })}
                  </g>
                );
              })}
              <line x1={LABEL} x2={LABEL} y1={GAP / 2} y2={height - GAP / 2} stroke="#495057" strokeWidth="1" />
            </svg>
          </div>
        </>
      ) : null}
      <TableScroll labelledBy={`${captionId}-table`}>
        <Table striped verticalSpacing="xs">
          <caption id={`${captionId}-table`}>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rowHeader}</Table.Th>
              {series.map((s) => (
                <Table.Th scope="col" key={s.key} ta="right">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" fw={600}>
                  {row.header ?? row.label}
                </Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format(row.values[s.key] ?? 0)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {footer ? (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{footer.header ?? footer.label}</Table.Th>
                {series.map((s) => (
                  <Table.Td key={s.key} ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {format(footer.values[s.key] ?? 0)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          ) : null}
        </Table>
      </TableScroll>
    </Stack>
  );
}
