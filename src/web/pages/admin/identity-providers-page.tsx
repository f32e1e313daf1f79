import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';

/**
 * Single sign-on (`/api/identity/*`, server module identity): the
 * organisation's OpenID Connect providers, their claim and group mappings,
 * and whether password sign-in stays on. The client secret is never shown,
 * only whether one is stored.
 */

type Provider = Schemas['IdentityProvider'];
type RoleMapping = Schemas['IdentityRoleMapping'];
type SchoolMapping = Schemas['IdentitySchoolMapping'];

const FIELDS = [
  'name',
  'issuer',
  'clientId',
  'clientSecret',
  'scopes',
  'emailClaim',
  'nameClaim',
  'groupsClaim',
  'roleMappings',
  'schoolMappings',
] as const;

const providersQuery = {
  queryKey: ['identity', 'providers'],
  queryFn: () => unwrap(api.GET('/api/identity/providers')),
};
const settingsQuery = {
  queryKey: ['identity', 'settings'],
  queryFn: () => unwrap(api.GET('/api/identity/settings')),
};

/** "group = value" lines; the value is after the last "=", so LDAP DNs (cn=…,ou=…) work as groups. */
function parseLines(text: string): { group: string; value: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf('=');
      return at < 0
        ? { group: line, value: '' }
        : { group: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    });
}
const roleLines = (list: readonly RoleMapping[]) => list.map((m) => `${m.group} = ${m.role}`).join('\n');
const schoolLines = (list: readonly SchoolMapping[]) => list.map((m) => `${m.group} = ${m.uai}`).join('\n');

export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const providers = useQuery(providersQuery);
  // null: the list; 'new': the creation form; a provider: its edit form.
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page title={t('identity.title')}>
      <Text>{t('identity.intro')}</Text>
      {notice ? <FormAlert kind="success">{notice}</FormAlert> : null}
      <PasswordLoginPanel />
      {providers.isError ? <FormAlert kind="error">{errorMessage(t, providers.error)}</FormAlert> : null}
      {editing ? (
        <ProviderForm
          key={editing === 'new' ? 'new' : editing.id}
          provider={editing === 'new' ? null : editing}
          onDone={(message) => {
            setEditing(null);
            setNotice(message);
          }}
        />
      ) : providers.data ? (
        <Panel
          title={t('identity.providers')}
          actions={
            <Button
              onClick={() => {
                setNotice(null);
                setEditing('new');
              }}
            >
              {t('identity.add')}
            </Button>
          }
        >
          {providers.data.length === 0 ? (
            <Text>{t('identity.none')}</Text>
          ) : (
            <TableScroll labelledBy="identity-providers-caption">
              <Table>
                <Table.Caption id="identity-providers-caption">{t('identity.providers')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('identity.name')}</Table.Th>
                    <Table.Th scope="col">{t('identity.issuer')}</Table.Th>
                    <Table.Th scope="col">{t('identity.status')}</Table.Th>
                    <Table.Th scope="col">{t('identity.linkedUsers')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {providers.data.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{p.issuer}</Table.Td>
                      <Table.Td>
                        <Badge color={p.enabled ? '#1e6b34' : '#495057'} variant="light">
                          {p.enabled ? t('identity.enabledBadge') : t('identity.disabledBadge')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{p.linkedUsers}</Table.Td>
                      <Table.Td>
                        <Button
                          variant="default"
                          size="xs"
                          onClick={() => {
                            setNotice(null);
                            setEditing(p);
                          }}
                          aria-label={t('identity.editNamed', { name: p.name })}
                        >
                          {t('common.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Panel>
      ) : providers.isError ? null : (
        <Text role="status">{t('common.loading')}</Text>
      )}
    </Page>
  );
}

function PasswordLoginPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(settingsQuery);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (passwordLogin: boolean) => unwrap(api.PUT('/api/identity/settings', { body: { passwordLogin } })),
    onSuccess: (data) => {
      setSaved(true);
      queryClient.setQueryData(settingsQuery.queryKey, data);
    },
  });
  const on = settings.data?.passwordLogin ?? true;
  return (
    <Panel title={t('identity.passwordLogin')}>
      <Stack gap="sm">
        <Text>{t('identity.passwordLoginHelp')}</Text>
        {saved && !save.error ? <FormAlert kind="success">{t('identity.saved')}</FormAlert> : null}
        {save.error ? <FormAlert kind="error">{errorMessage(t, save.error)}</FormAlert> : null}
        <Text fw={600}>{on ? t('identity.passwordLoginOn') : t('identity.passwordLoginOff')}</Text>
        <div>
          <Button
            variant="default"
            loading={save.isPending}
            disabled={!settings.data}
            onClick={() => {
              setSaved(false);
              save.mutate(!on);
            }}
          >
            {on ? t('identity.turnPasswordOff') : t('identity.turnPasswordOn')}
          </Button>
        </div>
      </Stack>
    </Panel>
  );
}

function ProviderForm({ provider, onDone }: { provider: Provider | null; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(provider?.name ?? '');
  const [issuer, setIssuer] = useState(provider?.issuer ?? '');
  const [clientId, setClientId] = useState(provider?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [scopes, setScopes] = useState(provider?.scopes ?? 'openid email profile');
  const [emailClaim, setEmailClaim] = useState(provider?.emailClaim ?? 'email');
  const [nameClaim, setNameClaim] = useState(provider?.nameClaim ?? 'name');
  const [groupsClaim, setGroupsClaim] = useState(provider?.groupsClaim ?? 'groups');
  const [roles, setRoles] = useState(roleLines(provider?.roleMappings ?? []));
  const [schools, setSchools] = useState(schoolLines(provider?.schoolMappings ?? []));
  const [jit, setJit] = useState(provider?.jitProvisioning ?? false);
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);

  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: ['identity'] });
    onDone(message);
  };
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        issuer,
        clientId,
        scopes,
        emailClaim,
        nameClaim,
        groupsClaim,
        roleMappings: parseLines(roles).map((l) => ({ group: l.group, role: l.value as RoleMapping['role'] })),
        schoolMappings: parseLines(schools).map((l) => ({ group: l.group, uai: l.value })),
        jitProvisioning: jit,
        enabled,
      };
      if (!provider) {
        return unwrap(
          api.POST('/api/identity/providers', { body: { ...body, ...(clientSecret ? { clientSecret } : {}) } }),
        );
      }
      const secret = removeSecret ? { clientSecret: null } : clientSecret ? { clientSecret } : {};
      return unwrap(
        api.PATCH('/api/identity/providers/{id}', {
          params: { path: { id: provider.id } },
          body: { ...body, ...secret },
        }),
      );
    },
    onSuccess: () => done(t('identity.saved')),
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/identity/providers/{id}', { params: { path: { id: provider?.id ?? '' } } })),
    onSuccess: () => done(t('identity.deleted')),
  });
  useFocusFirstProblem(form, save.error);
  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Panel title={provider ? t('identity.editNamed', { name: provider.name }) : t('identity.add')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {remove.error ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
          <Text size="sm">{t('common.requiredHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('identity.name')}
              description={t('identity.nameHelp')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={problem?.fields.name}
            />
            <TextInput
              label={t('identity.issuer')}
              description={t('identity.issuerHelp')}
              required
              type="url"
              value={issuer}
              onChange={(e) => setIssuer(e.currentTarget.value)}
              error={problem?.fields.issuer}
            />
            <TextInput
              label={t('identity.clientId')}
              required
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              error={problem?.fields.clientId}
            />
            <PasswordField
              label={t('identity.clientSecret')}
              description={provider?.hasClientSecret ? t('identity.clientSecretKept') : t('identity.clientSecretHelp')}
              autoComplete="new-password"
              value={clientSecret}
              disabled={removeSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              error={problem?.fields.clientSecret}
            />
          </SimpleGrid>
          {provider?.hasClientSecret ? (
            <Checkbox
              label={t('identity.removeSecret')}
              checked={removeSecret}
              onChange={(e) => setRemoveSecret(e.currentTarget.checked)}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('identity.scopes')}
              description={t('identity.scopesHelp')}
              required
              value={scopes}
              onChange={(e) => setScopes(e.currentTarget.value)}
              error={problem?.fields.scopes}
            />
            <TextInput
              label={t('identity.emailClaim')}
              required
              value={emailClaim}
              onChange={(e) => setEmailClaim(e.currentTarget.value)}
              error={problem?.fields.emailClaim}
            />
            <TextInput
              label={t('identity.nameClaim')}
              required
              value={nameClaim}
              onChange={(e) => setNameClaim(e.currentTarget.value)}
              error={problem?.fields.nameClaim}
            />
            <TextInput
              label={t('identity.groupsClaim')}
              description={t('identity.groupsClaimHelp')}
              required
              value={groupsClaim}
              onChange={(e) => setGroupsClaim(e.currentTarget.value)}
              error={problem?.fields.groupsClaim}
            />
          </SimpleGrid>
          <Textarea
            label={t('identity.roleMappings')}
            description={t('identity.roleMappingsHelp')}
            autosize
            minRows={3}
            value={roles}
            onChange={(e) => setRoles(e.currentTarget.value)}
            error={problem?.fields.roleMappings}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Textarea
            label={t('identity.schoolMappings')}
            description={t('identity.schoolMappingsHelp')}
            autosize
            minRows={3}
            value={schools}
            onChange={(e) => setSchools(e.currentTarget.value)}
            error={problem?.fields.schoolMappings}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Checkbox
            label={t('identity.jit')}
            description={t('identity.jitHelp')}
            checked={jit}
            onChange={(e) => setJit(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('identity.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          {provider ? (
            <Stack gap={4}>
              <Text size="sm">{t('identity.redirectUri')}</Text>
              <Code block>{provider.redirectUri}</Code>
              <Text size="sm">{t('identity.postLogoutRedirectUri')}</Text>
              <Code block>{provider.postLogoutRedirectUri}</Code>
            </Stack>
          ) : (
            <Text size="sm">{t('identity.redirectUriAfterSave')}</Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
            {provider ? (
              <Button
                variant="outline"
                color="#a51d2d"
                loading={remove.isPending}
                onClick={() => {
                  if (window.confirm(t('identity.confirmDelete', { name: provider.name }))) remove.mutate();
                }}
              >
                {t('identity.delete')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
