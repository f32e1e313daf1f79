import { Button, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, type Me, unwrap } from '../api/client.ts';
import { clearSession } from '../auth/session.ts';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const logout = async () => {
    // Even if the server call fails (session already gone), the browser forgets the session.
    const ended = await unwrap(api.POST('/api/auth/oidc/logout')).catch(() => null);
    clearSession(queryClient);
    // A session opened through an identity provider with RP-initiated logout ends there too; it comes back to /login.
    if (ended?.endSessionUrl) {
      window.location.assign(ended.endSessionUrl);
      return;
    }
    await navigate({ to: '/login' });
  };

  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <Button variant="default" rightSection={<span aria-hidden="true">▾</span>}>
          <VisuallyHidden>{t('userMenu.label')} : </VisuallyHidden>
          {me.user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" c="#343a40" style={{ wordBreak: 'break-all' }}>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Item onClick={() => void logout()}>{t('userMenu.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
