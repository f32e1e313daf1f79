import {
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
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
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, formProblem } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';

/**
 * The organisation's mail server (`GET/PUT/DELETE /api/organisation/mail`):
 * what sends the family links, the return reminders and the digests. The
 * password is never shown (only whether one is stored); a test mail checks
 * the saved settings; the latest sends show what went wrong.
 */

type MailSettings = Schemas['MailSettings'];
type MailLogEntry = Schemas['MailLogEntry'];
const SECURITY = ['starttls', 'tls', 'none'] as const;
type Security = (typeof SECURITY)[number];
const FIELDS = ['host', 'port', 'security', 'username', 'password', 'from', 'replyTo'] as const;
type Field = (typeof FIELDS)[number];
/** Each ≥ 4.5:1 as text on white; the word says the status. */
const STATUS_COLOURS: Record<MailLogEntry['status'], string> = {
  sent: '#1e6b34',
  failed: '#a51d2d',
  sending: '#495057',
};

const settingsQuery = { queryKey: ['organisation', 'mail'], queryFn: () => unwrap(api.GET('/api/organisation/mail')) };
const logQuery = {
  queryKey: ['organisation', 'mail', 'log'],
  queryFn: () => unwrap(api.GET('/api/organisation/mail/log', { params: { query: { limit: 20 } } })),
};

export function MailSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(settingsQuery);
  // Up here: saving changes the settings, which renews the form below.
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('mailSettings.title')}>
      <Text>{t('mailSettings.intro')}</Text>
      {settings.isError ? <FormAlert kind="error">{errorMessage(t, settings.error)}</FormAlert> : null}
      {settings.data ? (
        <>
          <SourceNotice settings={settings.data} />
          <SettingsForm
            key={settings.data.updatedAt ?? settings.data.source}
            settings={settings.data}
            saved={saved}
            onChange={setSaved}
          />
          <TestMail configured={settings.data.source !== 'none'} />
          <MailLog />
        </>
      ) : (
        <Text role="status">{t('common.loading')}</Text>
      )}
    </Page>
  );
}

function SourceNotice({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation();
  if (settings.source === 'organisation') return null;
  return settings.source === 'environment' ? (
    <FormAlert kind="success" title={t('mailSettings.source.environmentTitle')}>
      {t('mailSettings.source.environment', { host: settings.host ?? '', port: settings.port ?? '' })}
    </FormAlert>
  ) : (
    <FormAlert kind="error" title={t('mailSettings.source.noneTitle')}>
      {t('mailSettings.source.none')}
    </FormAlert>
  );
}

function SettingsForm({
  settings,
  saved,
  onChange: setSaved,
}: {
  settings: MailSettings;
  /** Whether the form shows what was just saved. */
  saved: boolean;
  onChange: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const own = settings.source === 'organisation';
  const [values, setValues] = useState<Record<Exclude<Field, 'port' | 'security'>, string>>({
    host: own ? (settings.host ?? '') : '',
    username: own ? (settings.username ?? '') : '',
    password: '',
    from: own ? (settings.from ?? '') : '',
    replyTo: own ? (settings.replyTo ?? '') : '',
  });
  const [port, setPort] = useState<number | string>(own ? (settings.port ?? 587) : 587);
  const [security, setSecurity] = useState<Security>(own && settings.security ? settings.security : 'starttls');
  const [removePassword, setRemovePassword] = useState(false);
  const [checked, setChecked] = useState<Partial<Record<Field, string>> | null>(null);

  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setSaved(false);
  };

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/organisation/mail', {
          body: {
            host: values.host.trim(),
            port: Number(port),
            security,
            username: values.username.trim() || null,
            // Empty: keep the stored password (or remove it when asked).
            ...(removePassword ? { password: null } : values.password ? { password: values.password } : {}),
            from: values.from.trim(),
            replyTo: values.replyTo.trim() || null,
          },
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsQuery.queryKey, data);
      setSaved(true);
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/organisation/mail')),
    onSuccess: (data) => {
      setSaved(false);
      queryClient.setQueryData(settingsQuery.queryKey, data);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? formProblem(t, save.error, FIELDS) : null;
  const errors: Partial<Record<Field, string>> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.host.trim()) found.host = t('errors.fields.required');
    const p = Number(port);
    if (!Number.isInteger(p) || p < 1 || p > 65535)
      found.port = t('errors.fields.number_between', { min: 1, max: 65535 });
    if (!values.from.trim()) found.from = t('errors.fields.required');
    const hasProblems = Object.keys(found).length > 0;
    setChecked(hasProblems ? found : null);
    setSaved(false);
    if (hasProblems) {
      save.reset();
      return;
    }
    save.mutate();
  };

  return (
    <Panel title={t('mailSettings.server')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {saved ? <FormAlert kind="success">{t('mailSettings.saved')}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('mailSettings.fields.host')}
              description={t('mailSettings.fields.hostHelp')}
              required
              autoComplete="off"
              spellCheck={false}
              value={values.host}
              onChange={set('host')}
              error={errors.host}
            />
            <NumberInput
              label={t('mailSettings.fields.port')}
              description={t('mailSettings.fields.portHelp')}
              required
              min={1}
              max={65535}
              allowDecimal={false}
              hideControls
              value={port}
              onChange={(v) => {
                setPort(v);
                setSaved(false);
              }}
              error={errors.port}
              aria-invalid={errors.port ? true : undefined}
            />
            <NativeSelect
              label={t('mailSettings.fields.security')}
              value={security}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setSecurity((SECURITY as readonly string[]).includes(v) ? (v as Security) : 'starttls');
                setSaved(false);
              }}
              data={SECURITY.map((s) => ({ value: s, label: t(`mailSettings.security.${s}`) }))}
              error={errors.security}
            />
          </SimpleGrid>
          <Fieldset legend={t('mailSettings.account')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('mailSettings.fields.username')}
                autoComplete="off"
                spellCheck={false}
                value={values.username}
                onChange={set('username')}
                error={errors.username}
              />
              <Stack gap="xs">
                <PasswordField
                  label={t('mailSettings.fields.password')}
                  description={
                    own && settings.passwordSet
                      ? t('mailSettings.fields.passwordKept')
                      : t('mailSettings.fields.passwordHelp')
                  }
                  autoComplete="new-password"
                  value={values.password}
                  disabled={removePassword}
                  onChange={set('password')}
                  error={errors.password}
                />
                {own && settings.passwordSet ? (
                  <Checkbox
                    label={t('mailSettings.fields.removePassword')}
                    checked={removePassword}
                    onChange={(e) => setRemovePassword(e.currentTarget.checked)}
                  />
                ) : null}
              </Stack>
            </SimpleGrid>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="email"
              label={t('mailSettings.fields.from')}
              description={t('mailSettings.fields.fromHelp')}
              required
              autoComplete="off"
              value={values.from}
              onChange={set('from')}
              error={errors.from}
            />
            <TextInput
              type="email"
              label={t('mailSettings.fields.replyTo')}
              description={t('mailSettings.fields.replyToHelp')}
              autoComplete="off"
              value={values.replyTo}
              onChange={set('replyTo')}
              error={errors.replyTo}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            {own ? (
              <Button variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('mailSettings.remove')}
              </Button>
            ) : null}
          </Group>
          {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
        </Stack>
      </form>
    </Panel>
  );
}

function TestMail({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [to, setTo] = useState('');
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/api/organisation/mail/test', { body: to.trim() ? { to: to.trim() } : {} })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: logQuery.queryKey }),
  });
  const problem = send.error ? formProblem(t, send.error, ['to']) : null;
  const detail =
    send.error instanceof ApiError && send.error.problem.code === 'MAIL_SEND_FAILED' ? send.error.problem.detail : null;
  return (
    <Panel title={t('mailSettings.test.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">{t('mailSettings.test.intro')}</Text>
          <Group align="flex-end">
            <TextInput
              type="email"
              label={t('mailSettings.test.to')}
              description={t('mailSettings.test.toHelp')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={problem?.fields.to}
              miw={280}
            />
            <Button type="submit" variant="light" loading={send.isPending} disabled={!configured}>
              {t('mailSettings.test.send')}
            </Button>
          </Group>
          <div aria-live="polite">
            {send.data ? (
              <FormAlert kind="success">{t('mailSettings.test.sent', { to: send.data.to })}</FormAlert>
            ) : null}
          </div>
          {problem?.general ? (
            <FormAlert kind="error">
              {problem.general}
              {detail ? <Text size="sm">{t('mailSettings.test.detail', { detail })}</Text> : null}
            </FormAlert>
          ) : null}
        </Stack>
      </form>
    </Panel>
  );
}

function MailLog() {
  const { t } = useTranslation();
  const log = useQuery(logQuery);
  const items: MailLogEntry[] = log.data ?? [];
  return (
    <section aria-labelledby="mail-log-title">
      <Stack gap="sm">
        <Title order={2} id="mail-log-title">
          {t('mailSettings.log.title')}
        </Title>
        <Text size="sm">{t('mailSettings.log.intro')}</Text>
        {log.isError ? <FormAlert kind="error">{errorMessage(t, log.error)}</FormAlert> : null}
        {log.data && items.length === 0 ? <Text>{t('mailSettings.log.empty')}</Text> : null}
        {items.length > 0 ? (
          <TableScroll labelledBy="mail-log-caption">
            <Table striped verticalSpacing="xs">
              <caption id="mail-log-caption">
                <VisuallyHidden>{t('mailSettings.log.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mailSettings.log.when')}</Table.Th>
                  <Table.Th scope="col">{t('mailSettings.log.kind')}</Table.Th>
                  <Table.Th scope="col">{t('mailSettings.log.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('mailSettings.log.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.sentAt ?? m.createdAt)}</Table.Td>
                    <Table.Td>{t(`mailSettings.templates.${m.template}`, { defaultValue: m.template })}</Table.Td>
                    <Table.Td>
                      {m.recipient ?? (m.household ? t('mailSettings.log.family', { pseudonym: m.household }) : '—')}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={STATUS_COLOURS[m.status]}
                        variant="outline"
                        tt="none"
                        styles={{ label: { color: STATUS_COLOURS[m.status] } }}
                      >
                        {t(`mailSettings.statuses.${m.status}`)}
                      </Badge>
                      {m.error ? (
                        <Text size="xs" mt={4}>
                          {m.error}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
    </section>
  );
}
