import {
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Role, type User, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { SchoolPicker } from '../../components/school-picker.tsx';
import { formProblem } from '../../errors.ts';
import type { Language } from '../../i18n.ts';
import { ROLES } from './roles.ts';

const FIELDS = ['email', 'displayName', 'roles', 'schoolIds', 'locale', 'password', 'active'] as const;

/** Create (user = null) or edit an account; admins only (the server checks again). */
export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (user: User, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [schoolIds, setSchoolIds] = useState<string[]>(user?.schools.map((s) => s.id) ?? []);
  const [locale, setLocale] = useState<Language>(user?.locale ?? 'fr');
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string> | null>(null);

  const save = useMutation({
    mutationFn: async (): Promise<User> => {
      if (user) {
        return unwrap(
          api.PATCH('/api/users/{id}', {
            params: { path: { id: user.id } },
            body: { displayName: displayName.trim(), roles, schoolIds, locale, active },
          }),
        );
      }
      return unwrap(
        api.POST('/api/users', {
          body: {
            email: email.trim(),
            displayName: displayName.trim(),
            roles,
            schoolIds,
            locale,
            ...(password ? { password } : {}),
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onSaved(saved, user === null);
    },
  });
  useFocusFirstProblem(form, save.error ?? missing);

  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const errors = { ...problem?.fields, ...missing };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what the user can see is missing is checked here; the server validates everything.
    const absent: Record<string, string> = {};
    if (!user && !email.trim()) absent.email = t('errors.fields.required');
    if (!displayName.trim()) absent.displayName = t('errors.fields.required');
    if (roles.length === 0) absent.roles = t('errors.fields.role_required');
    const hasMissing = Object.keys(absent).length > 0;
    setMissing(hasMissing ? absent : null);
    if (hasMissing) {
      save.reset();
      return;
    }
    save.mutate();
  };

  const title = user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle');

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <Stack gap="lg">
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('common.requiredHint')}</Text>
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            {user ? (
              <TextInput label={t('users.email')} value={user.email} readOnly />
            ) : (
              <TextInput
                label={t('users.email')}
                type="email"
                autoComplete="off"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={errors.email}
              />
            )}
            <TextInput
              label={t('users.displayName')}
              required
              autoComplete="off"
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={errors.displayName}
            />
            <Checkbox.Group
              label={t('users.roles')}
              required
              value={roles}
              onChange={(value) => setRoles(value as Role[])}
              error={errors.roles}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {ROLES.map((role) => (
                  <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <SchoolPicker
              label={t('users.schools')}
              description={t('users.schoolsHelp')}
              value={schoolIds}
              onChange={setSchoolIds}
              clearable
              clearButtonProps={{ 'aria-label': t('users.clearSchools') }}
              maxDropdownHeight={260}
              error={errors.schoolIds}
              comboboxProps={{ withinPortal: true }}
            />
            <NativeSelect
              label={t('users.locale')}
              value={locale}
              onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'fr')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              error={errors.locale}
            />
            {user ? (
              <Switch
                label={t('users.activeLabel')}
                description={t('users.activeHelp')}
                checked={active}
                onChange={(e) => setActive(e.currentTarget.checked)}
                error={errors.active}
              />
            ) : (
              <PasswordField
                label={t('users.initialPassword')}
                description={t('users.passwordHelp')}
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {user ? t('common.save') : t('users.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
        {user?.can.setPassword ? (
          <>
            <Divider />
            <SetPasswordForm user={user} />
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}

function SetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const setUserPassword = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })),
    onSuccess: async () => {
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  useFocusFirstProblem(form, setUserPassword.error);
  const problem = setUserPassword.error ? formProblem(t, setUserPassword.error, ['password']) : null;
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setUserPassword.mutate();
      }}
    >
      <Stack gap="md">
        <Title order={3}>{t('users.setPasswordTitle')}</Title>
        <Text size="sm">{t('users.setPasswordHelp')}</Text>
        {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
        {setUserPassword.isSuccess ? <FormAlert kind="success">{t('users.passwordSet')}</FormAlert> : null}
        <PasswordField
          label={t('users.newPassword')}
          description={t('common.passwordRule')}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={problem?.fields.password}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="outline" loading={setUserPassword.isPending}>
            {t('users.setPasswordSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
