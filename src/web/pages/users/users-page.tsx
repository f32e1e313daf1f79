import { Button, Group, NativeSelect, Paper, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Role, type User, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { ROLES } from './roles.ts';
import { UserFormModal } from './user-form.tsx';

const PAGE_SIZE = 25;

type ActiveFilter = '' | 'true' | 'false';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'users.manage');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<ActiveFilter>('');
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const filters = { q: debouncedQ, role, active, page };
  const users = useQuery({
    queryKey: ['users', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.role ? { role: filters.role } : {}),
              ...(filters.active ? { active: filters.active } : {}),
              limit: PAGE_SIZE,
              offset: filters.page * PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = users.data?.items ?? [];
  const showActions = items.some((u) => u.can.update);

  return (
    <Page
      title={t('users.title')}
      actions={
        canManage ? (
          <Group>
            <Button onClick={() => setEditing('new')}>{t('users.create')}</Button>
          </Group>
        ) : null
      }
    >
      {saved ? <FormAlert kind="success">{saved}</FormAlert> : null}

      <Paper withBorder p="md" role="search" aria-label={t('users.filters')}>
        <Group align="end" gap="md">
          <TextInput
            label={t('users.search')}
            description={t('users.searchHelp')}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(0);
            }}
          />
          <NativeSelect
            label={t('users.roleFilter')}
            value={role}
            onChange={(e) => {
              setRole(e.currentTarget.value as Role | '');
              setPage(0);
            }}
            data={[
              { value: '', label: t('users.allRoles') },
              ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
            ]}
          />
          <NativeSelect
            label={t('users.activeFilter')}
            value={active}
            onChange={(e) => {
              setActive(e.currentTarget.value as ActiveFilter);
              setPage(0);
            }}
            data={[
              { value: '', label: t('users.allStatuses') },
              { value: 'true', label: t('users.activeOnly') },
              { value: 'false', label: t('users.inactiveOnly') },
            ]}
          />
        </Group>
      </Paper>

      <Text role="status" aria-live="polite">
        {users.isPending ? t('common.loading') : t('users.count', { total: formatNumber(total) })}
      </Text>
      {users.isError ? <FormAlert kind="error">{errorMessage(t, users.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy="users-caption">
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={users.isFetching}>
            <caption id="users-caption">
              <VisuallyHidden>{t('users.caption', { page: page + 1, pages })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.name')}</Table.Th>
                <Table.Th scope="col">{t('users.email')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
                <Table.Th scope="col">{t('users.schools')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
                <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
                {showActions ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={600}>
                    {user.displayName}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{user.email}</Table.Td>
                  <Table.Td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                  <Table.Td>
                    {user.schools.length === 0
                      ? '—'
                      : user.schools.length <= 2
                        ? user.schools.map((s) => s.name).join(', ')
                        : t('users.schoolCount', {
                            first: user.schools[0]?.name ?? '',
                            others: user.schools.length - 1,
                          })}
                  </Table.Td>
                  <Table.Td>
                    <Text span fw={600} c={user.active ? '#1e6b34' : '#495057'}>
                      {user.active ? t('users.active') : t('users.inactive')}
                    </Text>
                    {user.hasPassword ? null : (
                      <Text size="sm" c="dimmed">
                        {t('users.noPassword')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}</Table.Td>
                  {showActions ? (
                    <Table.Td>
                      {user.can.update ? (
                        <Button size="xs" variant="default" onClick={() => setEditing(user)}>
                          {t('common.edit')}
                          <VisuallyHidden> {user.displayName}</VisuallyHidden>
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}

      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Group gap="sm">
            <Button variant="default" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
              {t('common.previous')}
            </Button>
            <Text>{t('common.pageOf', { page: page + 1, pages })}</Text>
            <Button variant="default" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
              {t('common.next')}
            </Button>
          </Group>
        </nav>
      ) : null}

      {editing !== null ? (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(user, created) => {
            setEditing(null);
            setSaved(t(created ? 'users.created' : 'users.updated', { name: user.displayName }));
          }}
        />
      ) : null}
    </Page>
  );
}
