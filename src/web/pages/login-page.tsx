import { Anchor, Button, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../api/client.ts';
import { clearSession, publicInfoQuery, setSession } from '../auth/session.ts';
import { useFocusFirstProblem } from '../components/focus-first-problem.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { Page } from '../components/page.tsx';
import { PasswordField } from '../components/password-field.tsx';
import { formProblem } from '../errors.ts';

const FIELDS = ['email', 'password', 'organisation'] as const;

/** The enabled identity providers: a button each (single sign-on). */
const loginProvidersQuery = {
  queryKey: ['login-providers'],
  queryFn: () => unwrap(api.GET('/api/auth/oidc/providers')),
  staleTime: 5 * 60_000,
};

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const info = useQuery(publicInfoQuery).data;
  const providers = useQuery(loginProvidersQuery).data ?? [];
  // Several organisations on this instance: the buttons name theirs.
  const severalOrganisations = new Set(providers.map((p) => p.organisationSlug)).size > 1;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisation, setOrganisation] = useState('');
  // The organisations the credentials match, when they match several (ORGANISATION_REQUIRED).
  const [organisations, setOrganisations] = useState<readonly { slug: string; name: string }[] | null>(null);
  const [noOrganisation, setNoOrganisation] = useState<object | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const login = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/auth/login', {
          body: {
            email: email.trim(),
            password,
            ...(organisations && organisation ? { organisation } : {}),
          },
        }),
      ),
    onSuccess: async (me) => {
      // Nothing cached for a previous user survives a new sign-in.
      clearSession(queryClient);
      setSession(queryClient, me);
      await navigate({ href: search.redirect ?? '/home', replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'ORGANISATION_REQUIRED') {
        const choices = error.problem.organisations ?? [];
        setOrganisations(choices);
        if (!choices.some((o) => o.slug === organisation)) setOrganisation('');
      }
    },
  });
  useFocusFirstProblem(form, login.error ?? noOrganisation);

  const problem = login.error ? formProblem(t, login.error, FIELDS) : null;
  const organisationError = noOrganisation ? t('errors.fields.organisation_required') : problem?.fields.organisation;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A new object per failed check, so that each failure moves the focus.
    if (organisations && !organisation) {
      setNoOrganisation({});
      return;
    }
    setNoOrganisation(null);
    login.mutate();
  };

  return (
    <Page title={t('login.title')}>
      <Paper withBorder p="lg" maw={480} w="100%">
        <form ref={form} onSubmit={submit} noValidate aria-labelledby="login-form-title">
          <Stack gap="md">
            <Text id="login-form-title" fw={600}>
              {info?.organisationName
                ? t('login.intro', { organisation: info.organisationName })
                : t('login.introNoOrganisation')}
            </Text>
            {search.expired && !login.error ? <FormAlert kind="error">{t('login.expired')}</FormAlert> : null}
            {search.sso && !login.error ? (
              <FormAlert kind="error">
                {t(`identity.loginFailed.${search.sso}`, { defaultValue: t('identity.loginFailed.provider') })}
              </FormAlert>
            ) : null}
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <Text size="sm">{t('common.requiredHint')}</Text>
            <TextInput
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={problem?.fields.email}
            />
            <PasswordField
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={problem?.fields.password}
            />
            {organisations ? (
              <Radio.Group
                label={t('login.organisation')}
                description={t('login.organisationHelp')}
                name="organisation"
                required
                value={organisation}
                onChange={(value) => {
                  setOrganisation(value);
                  setNoOrganisation(null);
                }}
                error={organisationError}
              >
                <Stack gap="xs" mt="xs">
                  {organisations.map((o) => (
                    <Radio key={o.slug} value={o.slug} label={o.name} description={o.slug} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : null}
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {providers.length > 0 ? (
        <Paper withBorder p="lg" maw={480} w="100%">
          <Stack gap="sm">
            <Text fw={600} id="login-sso-title">
              {t('identity.loginTitle')}
            </Text>
            {providers.map((p) => (
              // A full page load: the server redirects to the provider.
              <Button
                key={p.id}
                component="a"
                variant="default"
                href={`/api/auth/oidc/${encodeURIComponent(p.id)}/start${
                  search.redirect ? `?redirect=${encodeURIComponent(search.redirect)}` : ''
                }`}
              >
                {severalOrganisations
                  ? t('identity.loginWithAt', { name: p.name, organisation: p.organisationName })
                  : t('identity.loginWith', { name: p.name })}
              </Button>
            ))}
          </Stack>
        </Paper>
      ) : null}
      <Text>
        <Anchor component={Link} to="/accessibilite">
          {t('login.accessibilityLink')}
        </Anchor>
      </Text>
      <Text>
        {/* Server-rendered pages, outside the single-page app: a full page load. */}
        <Anchor href="/public">{t('login.publicPageLink')}</Anchor>
      </Text>
    </Page>
  );
}
