import {
  Button,
  Group,
  Input,
  List,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem, type ImportReport } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';

/**
 * Importing a school file: a dry run first (the server runs the very import
 * and rolls it back, so its counts are exact), then the import itself —
 * ignoring the invalid rows if the user so chooses. The file is sent as the
 * request body, with an upload progress bar.
 */

const FORMATS = ['annuaire', 'effectifs', 'ips', 'socle'] as const;
type Format = (typeof FORMATS)[number];
type Scope = 'communes' | 'all';
type Mode = 'dryRun' | 'import' | 'skipInvalid';

interface Progression {
  readonly phase: 'sending' | 'processing';
  readonly percent: number;
}

interface Outcome {
  readonly mode: Mode;
  readonly report: ImportReport;
}

function isReport(value: unknown): value is ImportReport {
  return typeof value === 'object' && value !== null && 'rowsRead' in value && 'rejected' in value;
}

/** A rejection or skip reason, in words: import reasons first, then the field messages shared with forms. */
export function reasonLabel(t: TFunction, reason: string): string {
  return t(`schools.import.reasons.${reason}`, {
    defaultValue: t(`errors.fields.${reason}`, { defaultValue: reason }),
  });
}

export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format | ''>('');
  const [scope, setScope] = useState<Scope>('communes');
  const [progress, setProgress] = useState<Progression | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [noFile, setNoFile] = useState<object | null>(null);
  // Each chosen file gets a new input, so that choosing the same file again is seen as a change.
  const [inputKey, setInputKey] = useState(0);

  const run = useMutation({
    mutationFn: async (mode: Mode): Promise<Outcome> => {
      if (!file) throw new Error('no file');
      const params = new URLSearchParams({ scope });
      if (format) params.set('format', format);
      // The dry run leaves the invalid rows out (and lists them): its counts are then those of the
      // import that can follow (the server counts nothing when a dry run meets invalid rows).
      if (mode === 'dryRun') params.set('dryRun', 'true');
      if (mode === 'dryRun' || mode === 'skipInvalid') params.set('skipInvalid', 'true');
      setProgress({ phase: 'sending', percent: 0 });
      try {
        const report = await uploadFile<ImportReport>(`/api/schools/import?${params.toString()}`, file, {
          contentType: 'text/csv',
          onProgress: (sent, total) => {
            const percent = total > 0 ? Math.round((sent / total) * 100) : 100;
            setProgress({ phase: percent >= 100 ? 'processing' : 'sending', percent });
          },
        });
        return { mode, report };
      } finally {
        setProgress(null);
      }
    },
    onMutate: () => setOutcome(null),
    onSuccess: async (result) => {
      setOutcome(result);
      if (result.report.written) {
        await queryClient.invalidateQueries({ queryKey: ['schools'] });
      }
    },
  });
  useFocusFirstProblem(form, noFile);

  const reset = () => {
    setOutcome(null);
    run.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setNoFile({});
      return;
    }
    setNoFile(null);
    run.mutate('dryRun');
  };

  const failure = run.error instanceof ApiError ? run.error : null;
  const failedReport = failure && isReport(failure.problem.report) ? failure.problem.report : null;
  const dryRun = outcome?.mode === 'dryRun' ? outcome.report : null;

  return (
    <Page title={t('schools.import.title')}>
      <Text>{t('schools.import.intro')}</Text>
      <Paper withBorder p="lg">
        <form ref={form} onSubmit={submit} noValidate aria-labelledby="import-form-title">
          <Stack gap="md" maw={640}>
            <Title order={2} id="import-form-title">
              {t('schools.import.fileTitle')}
            </Title>
            <Text size="sm">{t('common.requiredHint')}</Text>
            <Input.Wrapper
              label={t('schools.import.file')}
              description={t('schools.import.fileHelp')}
              required
              id={fileId}
              error={noFile ? t('schools.import.fileRequired') : undefined}
            >
              <input
                key={inputKey}
                id={fileId}
                className="file-input"
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                required
                aria-invalid={noFile ? true : undefined}
                aria-describedby={`${fileId}-description${noFile ? ` ${fileId}-error` : ''}`}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setNoFile(null);
                  reset();
                }}
              />
            </Input.Wrapper>
            <NativeSelect
              label={t('schools.import.format')}
              description={t('schools.import.formatHelp')}
              value={format}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setFormat((FORMATS as readonly string[]).includes(value) ? (value as Format) : '');
                reset();
              }}
              data={[
                { value: '', label: t('schools.import.formats.auto') },
                ...FORMATS.map((f) => ({ value: f, label: t(`schools.import.formats.${f}`) })),
              ]}
            />
            <Radio.Group
              label={t('schools.import.scope')}
              value={scope}
              onChange={(value) => {
                setScope(value === 'all' ? 'all' : 'communes');
                reset();
              }}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="communes" label={t('schools.import.scopeCommunes')} />
                <Radio value="all" label={t('schools.import.scopeAll')} />
              </Stack>
            </Radio.Group>
            <Group>
              <Button type="submit" loading={run.isPending && run.variables === 'dryRun'} disabled={run.isPending}>
                {t('schools.import.dryRun')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {progress ? (
        <Stack gap={4}>
          <Progress
            value={progress.percent}
            aria-label={t('schools.import.progressLabel')}
            size="lg"
            animated={progress.phase === 'processing'}
            striped={progress.phase === 'processing'}
          />
          <Text size="sm" aria-hidden="true">
            {t('schools.import.sent', { percent: progress.percent })}
          </Text>
        </Stack>
      ) : null}
      {/* Phases only: announcing every percent would drown the screen reader. */}
      <Text role="status" size="sm">
        {progress ? (progress.phase === 'sending' ? t('schools.import.sending') : t('schools.import.processing')) : ''}
      </Text>

      {run.isError ? (
        <FormAlert kind="error" title={t('schools.import.failedTitle')}>
          {failure?.code === 'VALIDATION_FAILED' && failedReport
            ? t('schools.import.invalidRows', { count: formatNumber(failedReport.rejected.length) })
            : failure?.code === 'BAD_REQUEST'
              ? t('schools.import.unreadable', { detail: failure.problem.detail ?? '' })
              : errorMessage(t, run.error)}
        </FormAlert>
      ) : null}
      {failedReport ? <ReportView report={failedReport} mode="import" /> : null}
      {failure && !failedReport && failure.problem.errors?.length ? (
        <ErrorList errors={failure.problem.errors} />
      ) : null}

      {outcome && outcome.mode !== 'dryRun' ? (
        <FormAlert kind="success" title={t('schools.import.doneTitle')}>
          {t('schools.import.done', {
            created: formatNumber(outcome.report.created),
            updated: formatNumber(outcome.report.updated),
          })}
        </FormAlert>
      ) : null}
      {outcome ? <ReportView report={outcome.report} mode={outcome.mode} /> : null}

      {dryRun ? (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text>
              {dryRun.rejected.length === 0
                ? t('schools.import.readyToImport')
                : t('schools.import.rejectedWarning', { count: formatNumber(dryRun.rejected.length) })}
            </Text>
            <Group>
              {dryRun.rejected.length === 0 ? (
                <Button onClick={() => run.mutate('import')} loading={run.isPending}>
                  {t('schools.import.import')}
                </Button>
              ) : (
                <Button onClick={() => run.mutate('skipInvalid')} loading={run.isPending}>
                  {t('schools.import.importSkipping')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {outcome && outcome.mode !== 'dryRun' ? (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setFile(null);
              setInputKey((k) => k + 1);
              reset();
            }}
          >
            {t('schools.import.another')}
          </Button>
        </Group>
      ) : null}
    </Page>
  );
}

function ReportView({ report, mode }: { report: ImportReport; mode: Mode }) {
  const { t } = useTranslation();
  const captionId = useId();
  const skipped = Object.entries(report.skipped);
  const title =
    mode === 'dryRun'
      ? t('schools.import.dryRunTitle')
      : report.written
        ? t('schools.import.reportTitle')
        : t('schools.import.notWrittenTitle');
  return (
    <Panel title={title}>
      {mode === 'dryRun' ? <Text>{t('schools.import.dryRunHelp')}</Text> : null}
      <Facts
        empty="—"
        items={[
          [t('schools.import.detectedFormat'), t(`schools.import.formats.${report.format}`)],
          [t('schools.import.encoding'), report.encoding],
          [t('schools.import.rowsRead'), formatNumber(report.rowsRead)],
          [t(mode === 'dryRun' ? 'schools.import.toCreate' : 'schools.import.created'), formatNumber(report.created)],
          [t(mode === 'dryRun' ? 'schools.import.toUpdate' : 'schools.import.updated'), formatNumber(report.updated)],
          [t('schools.import.unchanged'), formatNumber(report.unchanged)],
          [
            t(mode === 'dryRun' ? 'schools.import.yearsToWrite' : 'schools.import.yearsWritten'),
            formatNumber(report.yearsWritten),
          ],
          [t('schools.import.rejected'), formatNumber(report.rejected.length)],
        ]}
      />
      <Title order={3}>{t('schools.import.skippedTitle')}</Title>
      {skipped.length === 0 ? (
        <Text>{t('schools.import.noneSkipped')}</Text>
      ) : (
        <List>
          {skipped.map(([reason, count]) => (
            <List.Item key={reason}>
              {t('schools.import.skippedItem', {
                reason: t(`schools.import.skippedReasons.${reason}`, { defaultValue: reason }),
                count: formatNumber(count),
              })}
            </List.Item>
          ))}
        </List>
      )}
      {report.rejected.length > 0 ? (
        <>
          <Title order={3} id={`${captionId}-title`}>
            {t('schools.import.rejectedTitle')}
          </Title>
          <TableScroll labelledBy={captionId}>
            <Table striped verticalSpacing="xs">
              <caption id={captionId}>
                <VisuallyHidden>{t('schools.import.rejectedCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('schools.import.line')}</Table.Th>
                  <Table.Th scope="col">{t('schools.import.column')}</Table.Th>
                  <Table.Th scope="col">{t('schools.import.reason')}</Table.Th>
                  <Table.Th scope="col">{t('schools.import.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.map((row) => (
                  <Table.Tr key={`${row.line}-${row.column}-${row.reason}`}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{row.column}</Table.Td>
                    <Table.Td>{reasonLabel(t, row.reason)}</Table.Td>
                    <Table.Td>{row.value === undefined || row.value === '' ? '—' : <code>{row.value}</code>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      ) : null}
    </Panel>
  );
}

/** The rows a refused import names, when it carries no report: "line 3, uai — …". */
function ErrorList({ errors }: { errors: readonly FieldProblem[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('schools.import.rejectedTitle')}>
      <List>
        {errors.map((error) => (
          <List.Item key={`${error.path}-${error.code ?? error.message}`}>
            {error.path} — {error.code ? reasonLabel(t, error.code) : error.message}
          </List.Item>
        ))}
      </List>
    </Panel>
  );
}
