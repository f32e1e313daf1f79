import {
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, api, type NewApiToken, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { dayToIso, formatDate, formatDateTime } from '../../format.ts';

const tokensKey = ['tokens'] as const;

function tokenState(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

/** Personal API tokens for integrations: the secret is shown once, right after creation. */
export function ApiTokens() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => unwrap(api.GET('/api/auth/tokens')) });

  const create = useMutation({
    mutationFn: () => {
      const expiresAt = dayToIso(expires, 'end');
      return unwrap(api.POST('/api/auth/tokens', { body: { name: name.trim(), ...(expiresAt ? { expiresAt } : {}) } }));
    },
    onSuccess: async (token) => {
      setCreated(token);
      setRevoked(null);
      setName('');
      setExpires('');
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  useFocusFirstProblem(form, create.error);

  const revoke = useMutation({
    mutationFn: (token: ApiToken) =>
      unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id: token.id } } })).then(() => token),
    onSuccess: async (token) => {
      setRevoking(null);
      setRevoked(t('tokens.revoked', { name: token.name }));
      if (created?.id === token.id) setCreated(null);
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  const problem = create.error ? formProblem(t, create.error, ['name', 'expiresAt']) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  };

  const list = tokens.data ?? [];

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={2}>{t('tokens.title')}</Title>
        <Text>{t('tokens.intro')}</Text>

        {created ? (
          <FormAlert kind="success" title={t('tokens.createdTitle', { name: created.name })}>
            <Stack gap="xs">
              <Text>{t('tokens.shownOnce')}</Text>
              <Text component="div" className="token-secret" data-testid="new-token">
                {created.token}
              </Text>
              <Group>
                <CopyButton value={created.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="outline" onClick={copy}>
                      {copied ? t('tokens.copied') : t('tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="default" onClick={() => setCreated(null)}>
                  {t('tokens.hide')}
                </Button>
              </Group>
            </Stack>
          </FormAlert>
        ) : null}
        {revoked ? <FormAlert kind="success">{revoked}</FormAlert> : null}

        <form ref={form} onSubmit={submit} noValidate aria-labelledby="token-create-title">
          <Stack gap="sm">
            <Title order={3} id="token-create-title">
              {t('tokens.createTitle')}
            </Title>
            <Text size="sm">{t('common.requiredHint')}</Text>
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <Group align="start" gap="md">
              <TextInput
                label={t('tokens.name')}
                description={t('tokens.nameHelp')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={problem?.fields.name}
              />
              <TextInput
                label={t('tokens.expiresAt')}
                description={t('tokens.expiresHelp')}
                type="date"
                value={expires}
                onChange={(e) => setExpires(e.currentTarget.value)}
                error={problem?.fields.expiresAt}
              />
            </Group>
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>

        <Title order={3}>{t('tokens.listTitle')}</Title>
        {tokens.isError ? <FormAlert kind="error">{errorMessage(t, tokens.error)}</FormAlert> : null}
        {tokens.isSuccess && list.length === 0 ? <Text>{t('tokens.none')}</Text> : null}
        {list.length > 0 ? (
          <TableScroll labelledBy="tokens-caption">
            <Table verticalSpacing="sm">
              <caption id="tokens-caption">
                <VisuallyHidden>{t('tokens.listTitle')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('tokens.state')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((token) => {
                  const state = tokenState(token);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Th scope="row">{token.name}</Table.Th>
                      <Table.Td>
                        <code>{token.prefix}…</code>
                      </Table.Td>
                      <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                      <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : t('tokens.noExpiry')}</Table.Td>
                      <Table.Td>
                        <Text span fw={600} c={state === 'active' ? '#1e6b34' : '#495057'}>
                          {t(`tokens.states.${state}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {state === 'active' ? (
                          <Button size="xs" variant="outline" color="red.9" onClick={() => setRevoking(token)}>
                            {t('tokens.revoke')}
                            <VisuallyHidden> {token.name}</VisuallyHidden>
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>

      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('tokens.revokeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="md"
      >
        <Stack gap="md">
          <Text>{t('tokens.revokeConfirm', { name: revoking?.name ?? '' })}</Text>
          {revoke.isError ? <FormAlert kind="error">{errorMessage(t, revoke.error)}</FormAlert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={() => revoking && revoke.mutate(revoking)} loading={revoke.isPending}>
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
