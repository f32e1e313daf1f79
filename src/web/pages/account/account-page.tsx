import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { clearSession, hasPermission, updateMe, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { isLanguage, type Language } from '../../i18n.ts';
import { ApiTokens } from './api-tokens.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <Page title={t('account.title')}>
      <Profile />
      <ChangePassword />
      <Sessions />
      {hasPermission(me, 'tokens.manage') ? <ApiTokens /> : null}
    </Page>
  );
}

/** One's own display name and language (`PATCH /api/auth/me`); the rest is the administrators' business. */
function Profile() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [locale, setLocale] = useState<Language>(me.user.locale);
  const [missing, setMissing] = useState<Record<string, string> | null>(null);
  // The header's language switch also changes the account's language: follow it.
  useEffect(() => setLocale(me.user.locale), [me.user.locale]);
  const save = useMutation({
    mutationFn: () => updateMe(queryClient, { displayName: displayName.trim(), locale }),
    onSuccess: (saved) => setDisplayName(saved.user.displayName),
  });
  useFocusFirstProblem(form, save.error ?? missing);
  const problem = save.error ? formProblem(t, save.error, ['displayName', 'locale']) : null;
  const errors = { ...problem?.fields, ...missing };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim()) {
      setMissing({ displayName: t('errors.fields.required') });
      save.reset();
      return;
    }
    setMissing(null);
    save.mutate();
  };

  return (
    <Paper withBorder p="lg">
      <form ref={form} onSubmit={submit} noValidate aria-labelledby="profile-title">
        <Stack gap="md" maw={480}>
          <Title order={2} id="profile-title">
            {t('account.profileTitle')}
          </Title>
          <Text style={{ wordBreak: 'break-all' }}>{t('account.email', { email: me.user.email })}</Text>
          <Text>{t('account.roles', { roles: me.user.roles.map((r) => t(`roles.${r}`)).join(', ') })}</Text>
          <Text size="sm" c="dimmed">
            {t('account.profileHelp')}
          </Text>
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {save.isSuccess ? <FormAlert kind="success">{t('account.profileSaved')}</FormAlert> : null}
          <TextInput
            label={t('account.displayName')}
            autoComplete="name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={errors.displayName}
          />
          <NativeSelect
            label={t('account.language')}
            description={t('account.languageHelp')}
            value={locale}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isLanguage(value)) setLocale(value);
            }}
            error={errors.locale}
          >
            <option value="fr" lang="fr">
              Français
            </option>
            <option value="en" lang="en">
              English
            </option>
          </NativeSelect>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('account.profileSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
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
  const problem = change.error ? formProblem(t, change.error, ['currentPassword', 'newPassword']) : null;

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
