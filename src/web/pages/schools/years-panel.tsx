import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { schoolYearLabel } from '../../../shared/school-year.ts';
import type { School } from '../../api/client.ts';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { formatNumber } from '../../format.ts';
import { LEVELS } from './labels.ts';

/** Pupils and classes per rentrée, newest first, with the pupils of each level when the source gives them. */
export function YearsPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const captionId = useId();
  const levels = [
    ...LEVELS.filter((level) => school.years.some((y) => y.pupilsByLevel[level] !== undefined)),
    ...[...new Set(school.years.flatMap((y) => Object.keys(y.pupilsByLevel)))]
      .filter((key) => !(LEVELS as readonly string[]).includes(key))
      .sort(),
  ];
  const count = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatNumber(value);
  return (
    <Panel title={t('schools.years.title')}>
      {school.years.length === 0 ? (
        <Text>{t('schools.years.none')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('schools.years.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('schools.years.rentree')}</Table.Th>
                <Table.Th scope="col">{t('schools.pupils')}</Table.Th>
                <Table.Th scope="col">{t('schools.classes')}</Table.Th>
                {levels.map((level) => (
                  <Table.Th scope="col" key={level}>
                    {level}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('schools.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {school.years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Th scope="row">{schoolYearLabel(y.year)}</Table.Th>
                  <Table.Td>{count(y.pupils)}</Table.Td>
                  <Table.Td>{count(y.classesCount)}</Table.Td>
                  {levels.map((level) => (
                    <Table.Td key={level}>{count(y.pupilsByLevel[level])}</Table.Td>
                  ))}
                  <Table.Td>{t(`schools.sources.${y.source}`, { defaultValue: y.source })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}
