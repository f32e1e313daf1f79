import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { clearSession, hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { ApiTokens } from './api-tokens.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <Page title={t('account.title')}>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Title order={2}>{t('account.profileTitle')}</Title>
          <Text>{t('account.name', { name: me.user.displayName })}</Text>
          <Text style={{ wordBreak: 'break-all' }}>{t('account.email', { email: me.user.email })}</Text>
          <Text>{t('account.roles', { roles: me.user.roles.map((r) => t(`roles.${r}`)).join(', ') })}</Text>
          <Text size="sm" c="dimmed">
            {t('account.profileHelp')}
          </Text>
        </Stack>
      </Paper>
      <ChangePassword />
      <Sessions />
      {hasPermission(me, 'tokens.manage') ? <ApiTokens /> : null}
    </Page>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const form = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  // A new object per failed check, so that each failure moves the focus.
  const [mismatch, setMismatch] = useState<object | null>(null);
  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
    },
  });
  useFocusFirstProblem(form, change.error ?? mismatch);
  // The strength check reports the new password as `password`.
  const problem = change.error
    ? formProblem(t, change.error, ['currentPassword', 'newPassword'], { password: 'newPassword' })
    : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword !== confirm) {
      setMismatch({});
      change.reset();
      return;
    }
    setMismatch(null);
    change.mutate();
  };

  return (
    <Paper withBorder p="lg">
      <form ref={form} onSubmit={submit} noValidate aria-labelledby="change-password-title">
        <Stack gap="md" maw={480}>
          <Title order={2} id="change-password-title">
            {t('account.passwordTitle')}
          </Title>
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {change.isSuccess ? <FormAlert kind="success">{t('account.passwordChanged')}</FormAlert> : null}
          {/* Lets password managers attach the new password to the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={me.user.email} />
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={problem?.fields.currentPassword}
          />
          <PasswordField
            label={t('account.newPassword')}
            description={t('common.passwordRule')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={problem?.fields.newPassword}
          />
          <PasswordField
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? t('errors.fields.password_mismatch') : undefined}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.passwordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logoutAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout-all')),
    onSuccess: async () => {
      clearSession(queryClient);
      await navigate({ to: '/login' });
    },
  });
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2}>{t('account.sessionsTitle')}</Title>
        <Text>{t('account.sessionsHelp')}</Text>
        {logoutAll.isError ? <FormAlert kind="error">{errorMessage(t, logoutAll.error)}</FormAlert> : null}
        <Group>
          <Button variant="outline" color="red.9" onClick={() => logoutAll.mutate()} loading={logoutAll.isPending}>
            {t('account.logoutAll')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
