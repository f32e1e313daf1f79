import { Paper } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { setFlash } from '../../components/flash.ts';
import { Page } from '../../components/page.tsx';
import { SchoolForm } from './school-form.tsx';

export function NewSchoolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Page title={t('schools.form.createTitle')}>
      <Paper withBorder p="lg">
        <SchoolForm
          school={null}
          onCancel={() => void navigate({ to: '/schools' })}
          onSaved={(school) => {
            setFlash(t('schools.created', { name: school.name }));
            void navigate({ to: '/schools/$id', params: { id: school.id } });
          }}
        />
      </Paper>
    </Page>
  );
}
