import { Button, Checkbox, Group, List, Modal, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { fieldOf } from '../../errors.ts';
import { cartsQuery, stockLocationsQuery } from '../assets/asset-queries.ts';
import { tagFromScan } from '../assets/scan.ts';
import { ScanBox } from '../assets/scan-box.tsx';
import { loanFormProblem } from './labels.tsx';
import { type Loan, loanSaved } from './loan-queries.ts';
import { CONDITIONS } from './search.ts';

type Condition = (typeof CONDITIONS)[number];

/**
 * Handover and return: each device and accessory of the loan is scanned
 * (a barcode scanner types the tag and Enter, or the tag is typed by hand),
 * so that the family leaves with, and brings back, exactly what the
 * convention lists. The server checks the tags again.
 */

function useScanned(loan: Loan) {
  const { t } = useTranslation();
  const [scanned, setScanned] = useState<readonly string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const open = loan.items.filter((i) => i.open);
  const scan = (text: string) => {
    const tag = tagFromScan(text);
    const item = open.find((i) => i.tag === tag);
    if (!item) {
      setAnnouncement(t('loans.scan.notOnLoan', { tag }));
      return;
    }
    if (scanned.includes(tag)) {
      setAnnouncement(t('loans.scan.already', { tag }));
      return;
    }
    const next = [...scanned, tag];
    setScanned(next);
    setAnnouncement(t('loans.scan.ok', { tag, model: item.model, count: next.length, total: open.length }));
  };
  return { open, scanned, scan, announcement };
}

function ScanList({ loan, scanned }: { loan: Loan; scanned: readonly string[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Stack gap={4}>
      <Title order={3} id={id} size="h4">
        {t('loans.scan.expected')}
      </Title>
      <List aria-labelledby={id} spacing={4}>
        {loan.items
          .filter((i) => i.open)
          .map((item) => (
            <List.Item key={item.assetId}>
              <Text span ff="monospace" fw={600}>
                {item.tag}
              </Text>{' '}
              — {item.model} —{' '}
              <Text span fw={700} c={scanned.includes(item.tag) ? '#1e6b34' : '#5c4b00'}>
                {scanned.includes(item.tag) ? t('loans.scan.scanned') : t('loans.scan.toScan')}
              </Text>
            </List.Item>
          ))}
      </List>
    </Stack>
  );
}

function ConditionField({
  value,
  onChange,
  error,
}: {
  value: Condition;
  onChange: (value: Condition) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('loans.fields.condition')}
      value={value}
      onChange={(v) => onChange((CONDITIONS as readonly string[]).includes(v) ? (v as Condition) : 'ok')}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {CONDITIONS.map((c) => (
          <Radio key={c} value={c} label={t(`loans.conditions.${c}`)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function StepDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <Stack gap="md">{children}</Stack>
    </Modal>
  );
}

const KNOWN = ['tags', 'condition', 'notes', 'wiped', 'destination'];

/** Optional notes on the condition (≤ 2,000 characters; personal data, shown to the roles that see the household). */
function NotesField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('loans.conditionNotes.label')}
      description={t('loans.conditionNotes.help')}
      value={value}
      maxLength={2000}
      autosize
      minRows={2}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

export function HandoverDialog({
  loan,
  onClose,
  onDone,
}: {
  loan: Loan;
  onClose: () => void;
  onDone: (saved: Loan) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const { open, scanned, scan, announcement } = useScanned(loan);
  const [condition, setCondition] = useState<Condition>('ok');
  const [notes, setNotes] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const handover = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/loans/{id}/handover', {
          params: { path: { id: loan.id } },
          body: { tags: [...scanned], condition, notes: notes.trim() || null },
        }),
      ),
    onSuccess: async (saved) => {
      await loanSaved(queryClient, saved);
      onDone(saved);
    },
  });
  useFocusFirstProblem(form, handover.error ?? checked);
  const problem = handover.error ? loanFormProblem(t, handover.error, KNOWN, fieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scanned.length < open.length) {
      setChecked({ tags: t('loans.scan.missing', { count: open.length - scanned.length }) });
      handover.reset();
      return;
    }
    setChecked(null);
    handover.mutate();
  };
  return (
    <StepDialog title={t('loans.handover.title', { pseudonym: loan.household.pseudonym })} onClose={onClose}>
      <Text size="sm">{t('loans.handover.intro')}</Text>
      <ScanBox
        label={t('loans.scan.field')}
        description={t('loans.scan.fieldHelp')}
        submitLabel={t('loans.scan.submit')}
        onScan={scan}
      />
      <Text role="status" aria-live="polite" fw={600}>
        {announcement}
      </Text>
      <ScanList loan={loan} scanned={scanned} />
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {errors.tags ? <FormAlert kind="error">{errors.tags}</FormAlert> : null}
          <ConditionField value={condition} onChange={setCondition} error={errors.condition} />
          <NotesField value={notes} onChange={setNotes} error={errors.notes} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={handover.isPending}>
              {t('loans.handover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </StepDialog>
  );
}

export function ReturnDialog({
  loan,
  onClose,
  onDone,
}: {
  loan: Loan;
  onClose: () => void;
  onDone: (saved: Loan) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const { scanned, scan, announcement } = useScanned(loan);
  const [condition, setCondition] = useState<Condition>('ok');
  const [notes, setNotes] = useState('');
  const [wiped, setWiped] = useState(false);
  const carts = useQuery(cartsQuery(loan.school.id));
  const stores = useQuery(stockLocationsQuery);
  const [destination, setDestination] = useState<'cart' | 'stock' | ''>('');
  const [cartId, setCartId] = useState('');
  const [stockLocationId, setStockLocationId] = useState('');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const storeOptions = (stores.data ?? []).filter(
    (s) => !s.archived && (s.schoolId === loan.school.id || s.kind === 'warehouse'),
  );
  const back = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/loans/{id}/return', {
          params: { path: { id: loan.id } },
          body: {
            tags: [...scanned],
            condition,
            notes: notes.trim() || null,
            wiped: true,
            destination: destination === 'cart' ? { cartId } : { stockLocationId },
          },
        }),
      ),
    onSuccess: async (saved) => {
      await loanSaved(queryClient, saved);
      onDone(saved);
    },
  });
  useFocusFirstProblem(form, back.error ?? checked);
  const problem = back.error ? loanFormProblem(t, back.error, KNOWN, fieldOf) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (scanned.length === 0) found.tags = t('loans.return.noneScanned');
    if (!wiped) found.wiped = t('loans.fieldErrors.wipe_required');
    if (!destination) found.destinationKind = t('loans.return.destinationRequired');
    else if (destination === 'cart' && !cartId) found.destination = t('loans.return.cartRequired');
    else if (destination === 'stock' && !stockLocationId) found.destination = t('loans.return.stockRequired');
    if (Object.keys(found).length) {
      setChecked(found);
      back.reset();
      return;
    }
    setChecked(null);
    back.mutate();
  };
  return (
    <StepDialog title={t('loans.return.title', { pseudonym: loan.household.pseudonym })} onClose={onClose}>
      <Text size="sm">{t('loans.return.intro')}</Text>
      <ScanBox
        label={t('loans.scan.field')}
        description={t('loans.scan.fieldHelp')}
        submitLabel={t('loans.scan.submit')}
        onScan={scan}
      />
      <Text role="status" aria-live="polite" fw={600}>
        {announcement}
      </Text>
      <ScanList loan={loan} scanned={scanned} />
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {errors.tags ? <FormAlert kind="error">{errors.tags}</FormAlert> : null}
          <ConditionField value={condition} onChange={setCondition} error={errors.condition} />
          <NotesField value={notes} onChange={setNotes} error={errors.notes} />
          <Checkbox
            label={t('loans.return.wiped')}
            description={t('loans.return.wipedHelp')}
            checked={wiped}
            onChange={(e) => setWiped(e.currentTarget.checked)}
            error={errors.wiped}
            aria-invalid={errors.wiped ? true : undefined}
            required
          />
          <Radio.Group
            label={t('loans.return.destination')}
            required
            value={destination}
            onChange={(v) => setDestination(v === 'cart' ? 'cart' : v === 'stock' ? 'stock' : '')}
            error={errors.destinationKind}
          >
            <Group gap="lg" mt="xs">
              <Radio value="cart" label={t('loans.return.toCart')} />
              <Radio value="stock" label={t('loans.return.toStock')} />
            </Group>
          </Radio.Group>
          {destination === 'cart' ? (
            <NativeSelect
              label={t('loans.return.cart')}
              required
              value={cartId}
              onChange={(e) => setCartId(e.currentTarget.value)}
              error={errors.destination}
              data={[
                { value: '', label: t('loans.return.chooseCart') },
                ...(carts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.tag} — ${c.model.name}` })),
              ]}
            />
          ) : null}
          {destination === 'stock' ? (
            <NativeSelect
              label={t('loans.return.stock')}
              required
              value={stockLocationId}
              onChange={(e) => setStockLocationId(e.currentTarget.value)}
              error={errors.destination}
              data={[
                { value: '', label: t('loans.return.chooseStock') },
                ...storeOptions.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={back.isPending}>
              {t('loans.return.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </StepDialog>
  );
}
