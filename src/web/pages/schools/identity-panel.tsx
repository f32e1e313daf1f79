import { useTranslation } from 'react-i18next';
import type { School } from '../../api/client.ts';
import { Facts, Panel } from '../../components/panel.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { PriorityBadge, StatusBadge } from './badges.tsx';

export function IdentityPanel({ school }: { school: School }) {
  const { t } = useTranslation();
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' — ') || null;
  return (
    <Panel title={t('schools.identity')}>
      <Facts
        empty={t('schools.unknown')}
        items={[
          [t('schools.uai'), <code key="uai">{school.uai}</code>],
          [t('schools.officialName'), school.name],
          [t('schools.usualName'), school.usualName],
          [t('schools.kind'), t(`schools.kinds.${school.kind}`)],
          [t('schools.sector'), t(`schools.sectors.${school.sector}`)],
          [t('schools.address'), school.address],
          [t('schools.postcode'), school.postcode],
          [
            t('schools.commune'),
            school.communeName || school.communeCode
              ? t('schools.communeWithCode', {
                  name: school.communeName ?? '—',
                  code: school.communeCode ?? '—',
                })
              : null,
          ],
          [t('schools.circonscription'), join(school.circonscriptionName, school.circonscriptionCode)],
          [t('schools.priorityEducation'), <PriorityBadge key="priority" value={school.priorityEducation} />],
          [
            t('schools.ips'),
            school.ips === null
              ? null
              : school.ipsYear
                ? t('schools.ipsWithYear', { ips: formatNumber(school.ips), year: school.ipsYear })
                : formatNumber(school.ips),
          ],
          [t('schools.openedOn'), formatDate(school.openedOn)],
          ...(school.closedOn ? [[t('schools.closedOn'), formatDate(school.closedOn)] as const] : []),
          [t('schools.statusLabel'), <StatusBadge key="status" value={school.status} />],
          [t('schools.schoolGroup'), school.schoolGroup],
          [t('schools.source'), t(`schools.sources.${school.source}`, { defaultValue: school.source })],
          [t('schools.updatedAt'), formatDateTime(school.updatedAt)],
        ]}
      />
    </Panel>
  );
}
