import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { Page } from '../components/page.tsx';

/**
 * Unknown page, or a page the user may not see: the same answer, as the API
 * answers "not yours" and "not found" alike.
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('notFound.title')}>
      <Text>{t('notFound.body')}</Text>
      <Text>
        <Anchor component={Link} to={me ? '/home' : '/login'}>
          {me ? t('notFound.backHome') : t('notFound.backLogin')}
        </Anchor>
      </Text>
    </Page>
  );
}
