import {
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { errorMessage, innerFieldOf } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import i18n, { currentLanguage, storedLanguage } from '../../i18n.ts';
import { loanFormProblem } from '../loans/labels.tsx';

type FamilyPageData = Schemas['FamilyPage'];

const familyQuery = (token: string) => ({
  queryKey: ['family', token],
  queryFn: () => unwrap(api.GET('/api/public/family/{token}', { params: { path: { token } } })),
  retry: false,
  staleTime: 30_000,
});

/**
 * The family's page, reached through the signed link of the convention (no
 * account): who lends what, until when, how and where to return it, the
 * convention (its essentials here, the full text as a PDF), and the
 * acceptance — a typed name and a confirmation. A changed, revoked or
 * expired link answers a clear error page, and nothing changes.
 */
export function FamilyPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/famille/$token' });
  const page = useQuery(familyQuery(token));
  const locale = page.data?.locale;

  // The family's language (from the request) unless this browser chose one.
  useEffect(() => {
    if (locale && !storedLanguage() && currentLanguage() !== locale) void i18n.changeLanguage(locale);
  }, [locale]);

  if (page.error) {
    const code = page.error instanceof ApiError ? page.error.code : null;
    if (
      code === 'LINK_EXPIRED' ||
      code === 'LINK_INVALID' ||
      (page.error instanceof ApiError && page.error.status === 400)
    ) {
      const expired = code === 'LINK_EXPIRED';
      return (
        <Page title={expired ? t('family.expired.title') : t('family.invalid.title')}>
          <Text>{expired ? t('family.expired.body') : t('family.invalid.body')}</Text>
          <Text>{t('family.invalid.help')}</Text>
        </Page>
      );
    }
    return (
      <Page title={t('family.title')}>
        <FormAlert kind="error">{errorMessage(t, page.error)}</FormAlert>
      </Page>
    );
  }
  if (!page.data) {
    return (
      <Page title={t('family.title')}>
        <Text>{t('common.loading')}</Text>
      </Page>
    );
  }
  return <FamilyLoan token={token} data={page.data} />;
}

const OPEN = ['allocated', 'accepted', 'handed_over'];

function FamilyLoan({ token, data }: { token: string; data: FamilyPageData }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ended = !OPEN.includes(data.status);
  return (
    <Page title={t('family.pageTitle', { school: data.school })} heading={t('family.heading')}>
      <Text size="lg">
        {data.pupilFirstName
          ? t('family.intro', { organisation: data.organisation, school: data.school, pupil: data.pupilFirstName })
          : t('family.introNoName', { organisation: data.organisation, school: data.school })}
      </Text>
      {ended ? <FormAlert kind="success">{t('family.ended')}</FormAlert> : null}

      <Section title={t('family.devices')}>
        <List spacing="xs">
          {data.devices.map((d) => (
            <List.Item key={d.tag}>
              {d.serial
                ? t('family.device', { model: d.model, tag: d.tag, serial: d.serial })
                : t('family.deviceNoSerial', { model: d.model, tag: d.tag })}
            </List.Item>
          ))}
        </List>
        {data.status === 'handed_over' ? <ReportProblem token={token} /> : null}
      </Section>

      <Section title={t('family.return.title', { date: formatDate(data.dueDate) })}>
        <Text lang={data.locale}>{data.returnInstructions}</Text>
        <Text>{t('family.return.leaving')}</Text>
      </Section>

      <Section title={t('family.convention.title')}>
        <Text>{t('family.convention.intro')}</Text>
        <List spacing="xs">
          {(['use', 'care', 'internet', 'incident', 'return', 'data'] as const).map((key) => (
            <List.Item key={key}>{t(`family.convention.points.${key}`)}</List.Item>
          ))}
        </List>
        <Group>
          <Button
            component="a"
            variant="default"
            href={`/api/public/family/${token}/convention.pdf?lang=${lang}`}
            download
          >
            {t('family.convention.download')}
          </Button>
        </Group>
      </Section>

      {data.accepted ? (
        <Section title={t('family.accept.title')}>
          <FormAlert kind="success">{t('family.accept.accepted', { date: formatDateTime(data.acceptedAt) })}</FormAlert>
        </Section>
      ) : data.status === 'allocated' ? (
        <AcceptForm token={token} />
      ) : null}

      {data.status !== 'cancelled' ? <MessageForm token={token} /> : null}
    </Page>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function AcceptForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/public/family/{token}/accept', {
          params: { path: { token } },
          body: { name: name.trim(), confirm: true },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['family', token] }),
  });
  useFocusFirstProblem(form, accept.error ?? checked);
  const problem = accept.error ? loanFormProblem(t, accept.error, ['name', 'confirm'], innerFieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim().length < 2) found.name = t('family.accept.nameRequired');
    if (!confirm) found.confirm = t('family.accept.confirmRequired');
    if (Object.keys(found).length) {
      setChecked(found);
      accept.reset();
      return;
    }
    setChecked(null);
    accept.mutate();
  };
  return (
    <Section title={t('family.accept.title')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md" maw={640}>
          <Text>{t('family.accept.intro')}</Text>
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('family.accept.name')}
            description={t('family.accept.nameHelp')}
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Checkbox
            label={t('family.accept.confirm')}
            required
            checked={confirm}
            onChange={(e) => setConfirm(e.currentTarget.checked)}
            error={errors.confirm}
            aria-invalid={errors.confirm ? true : undefined}
          />
          <Text size="sm">{t('family.accept.record')}</Text>
          <Group>
            <Button type="submit" loading={accept.isPending}>
              {t('family.accept.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

const CATEGORIES = ['breakdown', 'damage', 'loss', 'theft', 'question'] as const;
type Category = (typeof CATEGORIES)[number];

/** "Report a problem": a message for the school; the answer says it arrived, and nothing else. */
function MessageForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [category, setCategory] = useState<Category | ''>('');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [receivedAt, setReceivedAt] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { category: Category; text: string }) =>
      unwrap(api.POST('/api/public/family/{token}/messages', { params: { path: { token } }, body })),
    onSuccess: (receipt) => {
      setReceivedAt(receipt.receivedAt);
      setCategory('');
      setText('');
    },
  });
  useFocusFirstProblem(form, send.error ?? checked);
  const problem = send.error ? loanFormProblem(t, send.error, ['category', 'text'], innerFieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!category) found.category = t('family.message.categoryRequired');
    if (!text.trim()) found.text = t('family.message.textRequired');
    if (Object.keys(found).length || !category) {
      setChecked(found);
      send.reset();
      return;
    }
    setChecked(null);
    setReceivedAt(null);
    send.mutate({ category, text: text.trim() });
  };
  return (
    <Section title={t('family.message.title')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md" maw={640}>
          <Text>{t('family.message.intro')}</Text>
          {receivedAt ? (
            <FormAlert kind="success">{t('family.message.received', { date: formatDateTime(receivedAt) })}</FormAlert>
          ) : null}
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Radio.Group
            label={t('family.message.category')}
            required
            value={category}
            onChange={(value) =>
              setCategory((CATEGORIES as readonly string[]).includes(value) ? (value as Category) : '')
            }
            error={errors.category}
          >
            <Stack gap="xs" mt="xs">
              {CATEGORIES.map((c) => (
                <Radio key={c} value={c} label={t(`family.message.categories.${c}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('family.message.text')}
            description={t('family.message.textHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.text}
          />
          <Group>
            <Button type="submit" variant="default" loading={send.isPending}>
              {t('family.message.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

const PROBLEMS = {
  breakdown: ['does_not_start', 'screen', 'keyboard', 'battery', 'network', 'other'],
  request: ['accessory', 'how_to', 'other'],
} as const;
type Kind = keyof typeof PROBLEMS;
type Problem = (typeof PROBLEMS)[Kind][number];

/**
 * "Signaler un problème" with the lent device: a small dialog sending a
 * helpdesk ticket (a breakdown or a request, what happens chosen in a list).
 * Nothing personal is asked, and there is no free text: the ticket only
 * names the school and the device (the message form below remains for
 * writing to the school).
 */
function ReportProblem({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [opened, setOpened] = useState(false);
  const [kind, setKind] = useState<Kind>('breakdown');
  const [problem, setProblem] = useState<Problem | ''>('');
  const [missing, setMissing] = useState<string | null>(null);
  const [receivedAt, setReceivedAt] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { category: Kind; problem: Problem }) =>
      unwrap(api.POST('/api/public/family/{token}/tickets', { params: { path: { token } }, body })),
    onSuccess: (receipt) => {
      setReceivedAt(receipt.receivedAt);
      setOpened(false);
      setProblem('');
      setKind('breakdown');
    },
  });
  useFocusFirstProblem(form, send.error ?? missing);
  const failure = send.error ? loanFormProblem(t, send.error, ['problem', 'category'], innerFieldOf) : null;
  const close = () => {
    setOpened(false);
    setMissing(null);
    send.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) {
      setMissing(t('family.ticket.problemRequired'));
      send.reset();
      return;
    }
    setMissing(null);
    send.mutate({ category: kind, problem });
  };
  return (
    <Stack gap="sm">
      {receivedAt ? (
        <FormAlert kind="success">{t('family.ticket.received', { date: formatDateTime(receivedAt) })}</FormAlert>
      ) : null}
      <Group>
        <Button variant="default" onClick={() => setOpened(true)}>
          {t('family.ticket.open')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t('family.ticket.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
      >
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t('family.ticket.intro')}</Text>
            {failure?.general ? <FormAlert kind="error">{failure.general}</FormAlert> : null}
            <Radio.Group
              label={t('family.ticket.kind')}
              required
              value={kind}
              onChange={(value) => {
                setKind(value === 'request' ? 'request' : 'breakdown');
                setProblem('');
              }}
              error={failure?.fields.category}
            >
              <Stack gap="xs" mt="xs">
                {(['breakdown', 'request'] as const).map((k) => (
                  <Radio key={k} value={k} label={t(`family.ticket.kinds.${k}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group
              label={t('family.ticket.problem')}
              description={t('family.ticket.problemHelp')}
              required
              value={problem}
              onChange={(value) => {
                setProblem((PROBLEMS[kind] as readonly string[]).includes(value) ? (value as Problem) : '');
                setMissing(null);
              }}
              error={missing ?? failure?.fields.problem}
            >
              <Stack gap="xs" mt="xs">
                {PROBLEMS[kind].map((p) => (
                  <Radio key={p} value={p} label={t(`family.ticket.problems.${kind}.${p}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Text size="sm">{t('family.ticket.privacy')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={send.isPending}>
                {t('family.ticket.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
