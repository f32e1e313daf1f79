import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, innerFieldOf } from '../../errors.ts';
import { loanFormProblem } from './labels.tsx';
import { type EligibilityReason, organisationQuery, reasonsQuery } from './loan-queries.ts';

type Settings = Schemas['Organisation']['settings'];

/**
 * Loan settings, for administrators: the reasons of eligibility decisions
 * (deactivated rather than deleted, since past decisions cite them), and the
 * organisation's loan settings — automatic approval, default due date,
 * retention of personal data, the DPO contact printed on conventions, and
 * the convention's text in French and English.
 */
export function LoanSettingsPage() {
  const { t } = useTranslation();
  const organisation = useQuery(organisationQuery);
  return (
    <Page title={t('loans.settings.title')}>
      <ReasonsPanel />
      {organisation.data ? (
        <SettingsPanel settings={organisation.data.settings} />
      ) : organisation.isError ? (
        <FormAlert kind="error">{errorMessage(t, organisation.error)}</FormAlert>
      ) : (
        <Text>{t('common.loading')}</Text>
      )}
    </Page>
  );
}

function ReasonsPanel() {
  const { t } = useTranslation();
  const captionId = useId();
  const reasons = useQuery(reasonsQuery);
  const [editing, setEditing] = useState<EligibilityReason | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Panel
      title={t('loans.settings.reasons')}
      actions={
        <Button
          variant="default"
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
        >
          {t('loans.settings.addReason')}
        </Button>
      }
    >
      <Text size="sm">{t('loans.settings.reasonsHelp')}</Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {reasons.isError ? <FormAlert kind="error">{errorMessage(t, reasons.error)}</FormAlert> : null}
      {reasons.data ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('loans.settings.reasons')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('loans.settings.code')}</Table.Th>
                <Table.Th scope="col">{t('loans.settings.labelFr')}</Table.Th>
                <Table.Th scope="col">{t('loans.settings.labelEn')}</Table.Th>
                <Table.Th scope="col">{t('loans.settings.decision')}</Table.Th>
                <Table.Th scope="col">{t('loans.settings.active')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reasons.data.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Th scope="row">
                    <code>{r.code}</code>
                  </Table.Th>
                  <Table.Td lang="fr">{r.labelFr}</Table.Td>
                  <Table.Td lang="en">{r.labelEn}</Table.Td>
                  <Table.Td>{r.eligible ? t('loans.eligibility.yes') : t('loans.eligibility.no')}</Table.Td>
                  <Table.Td>{r.active ? t('loans.yes') : t('loans.no')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('loans.settings.editReason', { code: r.code })}
                      onClick={() => {
                        setDone(null);
                        setEditing(r);
                      }}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : (
        <Text>{t('common.loading')}</Text>
      )}
      {editing ? (
        <ReasonDialog
          reason={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(code) => {
            setEditing(null);
            setDone(t('loans.settings.reasonSaved', { code }));
          }}
        />
      ) : null}
    </Panel>
  );
}

const REASON_FIELDS = ['code', 'labelFr', 'labelEn', 'eligible', 'active'];

function ReasonDialog({
  reason,
  onClose,
  onSaved,
}: {
  reason: EligibilityReason | null;
  onClose: () => void;
  onSaved: (code: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({
    code: reason?.code ?? '',
    labelFr: reason?.labelFr ?? '',
    labelEn: reason?.labelEn ?? '',
    eligible: reason ? (reason.eligible ? 'yes' : 'no') : 'yes',
    active: reason?.active ?? true,
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/loans/eligibility-reasons', {
          body: {
            code: values.code.trim(),
            labelFr: values.labelFr,
            labelEn: values.labelEn,
            eligible: values.eligible === 'yes',
            active: values.active,
          },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: reasonsQuery.queryKey });
      onSaved(saved.code);
    },
  });
  useFocusFirstProblem(form, save.error);
  const problem = save.error ? loanFormProblem(t, save.error, REASON_FIELDS, innerFieldOf) : null;
  const errors: Record<string, string | undefined> = problem?.fields ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={reason ? t('loans.settings.editReason', { code: reason.code }) : t('loans.settings.addReason')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('loans.settings.code')}
            description={t('loans.settings.codeHelp')}
            required
            readOnly={reason !== null}
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.currentTarget.value })}
            error={errors.code}
          />
          <TextInput
            label={t('loans.settings.labelFr')}
            required
            lang="fr"
            value={values.labelFr}
            onChange={(e) => setValues({ ...values, labelFr: e.currentTarget.value })}
            error={errors.labelFr}
          />
          <TextInput
            label={t('loans.settings.labelEn')}
            required
            lang="en"
            value={values.labelEn}
            onChange={(e) => setValues({ ...values, labelEn: e.currentTarget.value })}
            error={errors.labelEn}
          />
          <Radio.Group
            label={t('loans.settings.decision')}
            value={values.eligible}
            onChange={(v) => setValues({ ...values, eligible: v === 'no' ? 'no' : 'yes' })}
            error={errors.eligible}
          >
            <Group gap="lg" mt="xs">
              <Radio value="yes" label={t('loans.eligibility.yes')} />
              <Radio value="no" label={t('loans.eligibility.no')} />
            </Group>
          </Radio.Group>
          <Checkbox
            label={t('loans.settings.activeLabel')}
            checked={values.active}
            onChange={(e) => setValues({ ...values, active: e.currentTarget.checked })}
            error={errors.active}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// Shown as they are typed in the template (passed as a value, so i18next leaves the braces alone).
const TEMPLATE_VARIABLES = [
  'organisation',
  'school',
  'representatives',
  'pupil',
  'devices',
  'dueDate',
  'retentionDays',
  'dpoContact',
  'date',
]
  .map((v) => `{{${v}}}`)
  .join(', ');

const SETTING_FIELDS = [
  'loanAutoApprove',
  'loanDueMonthDay',
  'loanRetentionDays',
  'dpoContact',
  'loanConventionTemplate',
];

function SettingsPanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({
    loanAutoApprove: settings.loanAutoApprove,
    loanDueMonthDay: settings.loanDueMonthDay,
    loanRetentionDays: settings.loanRetentionDays as number | string,
    dpoContact: settings.dpoContact,
    fr: settings.loanConventionTemplate.fr,
    en: settings.loanConventionTemplate.en,
  });
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/organisation', {
          body: {
            settings: {
              loanAutoApprove: values.loanAutoApprove,
              loanDueMonthDay: values.loanDueMonthDay.trim(),
              loanRetentionDays: Number(values.loanRetentionDays),
              dpoContact: values.dpoContact.trim(),
              loanConventionTemplate: { fr: values.fr, en: values.en },
            },
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(organisationQuery.queryKey, saved);
      setDone(true);
    },
  });
  useFocusFirstProblem(form, save.error);
  // `body.settings.loanDueMonthDay` → `loanDueMonthDay`; the templates' errors name their language.
  const nameOf = (path: string) => path.split('.')[2] ?? path;
  const problem = save.error ? loanFormProblem(t, save.error, SETTING_FIELDS, nameOf) : null;
  const errors: Record<string, string | undefined> = problem?.fields ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    save.mutate();
  };
  return (
    <Panel title={t('loans.settings.loanSettings')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {done ? <FormAlert kind="success">{t('loans.settings.saved')}</FormAlert> : null}
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Checkbox
            label={t('loans.settings.autoApprove')}
            description={t('loans.settings.autoApproveHelp')}
            checked={values.loanAutoApprove}
            onChange={(e) => setValues({ ...values, loanAutoApprove: e.currentTarget.checked })}
            error={errors.loanAutoApprove}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('loans.settings.dueMonthDay')}
              description={t('loans.settings.dueMonthDayHelp')}
              value={values.loanDueMonthDay}
              onChange={(e) => setValues({ ...values, loanDueMonthDay: e.currentTarget.value })}
              error={errors.loanDueMonthDay}
              maxLength={5}
            />
            <NumberInput
              label={t('loans.settings.retentionDays')}
              description={t('loans.settings.retentionDaysHelp')}
              min={0}
              max={3650}
              allowDecimal={false}
              value={values.loanRetentionDays}
              onChange={(v) => setValues({ ...values, loanRetentionDays: v })}
              error={errors.loanRetentionDays}
            />
          </SimpleGrid>
          <TextInput
            label={t('loans.settings.dpoContact')}
            description={t('loans.settings.dpoContactHelp')}
            value={values.dpoContact}
            onChange={(e) => setValues({ ...values, dpoContact: e.currentTarget.value })}
            error={errors.dpoContact}
            maxLength={300}
          />
          <Text size="sm">{t('loans.settings.templateHelp', { variables: TEMPLATE_VARIABLES })}</Text>
          <Textarea
            label={t('loans.settings.templateFr')}
            lang="fr"
            autosize
            minRows={4}
            maxRows={20}
            maxLength={20000}
            value={values.fr}
            onChange={(e) => setValues({ ...values, fr: e.currentTarget.value })}
            error={errors.loanConventionTemplate}
          />
          <Textarea
            label={t('loans.settings.templateEn')}
            lang="en"
            autosize
            minRows={4}
            maxRows={20}
            maxLength={20000}
            value={values.en}
            onChange={(e) => setValues({ ...values, en: e.currentTarget.value })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('loans.settings.saveSettings')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
