import {
  Button,
  Checkbox,
  Group,
  Input,
  List,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
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
import { ApiError, type AssetImportPreview, type AssetImportReport } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { manyAssetsChanged } from './asset-queries.ts';
import { isOneOf } from './statuses.ts';

/**
 * Importing assets from a CSV or XLSX file (Socle's export, Snipe-IT,
 * GLPI, or any layout with a column mapping): the file is read first (its
 * columns and five rows), the user checks which column fills which field,
 * a dry run reports every invalid row, then the import runs for real with
 * an upload progress bar.
 */

const FORMATS = ['socle', 'snipeit', 'glpi'] as const;
type Format = (typeof FORMATS)[number];
type Field = AssetImportPreview['fields'][number];
type Mapping = Partial<Record<Field, string>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Progression {
  readonly phase: 'sending' | 'processing';
  readonly percent: number;
}

function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX) return XLSX;
  return 'text/csv';
}

function isReport(value: unknown): value is AssetImportReport {
  return typeof value === 'object' && value !== null && 'rowsRead' in value && 'rejected' in value;
}

/** A rejection reason in words: the import's own reasons, then the field messages shared with forms. */
function reasonLabel(t: TFunction, reason: string): string {
  return t(`assets.import.reasons.${reason}`, {
    defaultValue: t(`errors.fields.${reason}`, { defaultValue: reason }),
  });
}

export function AssetImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Format | ''>('');
  const [noFile, setNoFile] = useState<object | null>(null);
  const [preview, setPreview] = useState<AssetImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [createMissing, setCreateMissing] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<Progression | null>(null);
  const [dryRun, setDryRun] = useState<AssetImportReport | null>(null);
  const [imported, setImported] = useState<AssetImportReport | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const send = async <T,>(url: string): Promise<T> => {
    if (!file) throw new Error('no file');
    setProgress({ phase: 'sending', percent: 0 });
    try {
      return await uploadFile<T>(url, file, {
        contentType: contentTypeOf(file),
        onProgress: (sent, total) => {
          const percent = total > 0 ? Math.round((sent / total) * 100) : 100;
          setProgress({ phase: percent >= 100 ? 'processing' : 'sending', percent });
        },
      });
    } finally {
      setProgress(null);
    }
  };

  const effectiveFormat = (): Format => format || preview?.detectedFormat || 'socle';
  const importUrl = (mode: 'dryRun' | 'import') => {
    const params = new URLSearchParams({
      format: effectiveFormat(),
      // Every field, mapped or not (''): the import reads exactly the columns shown.
      mapping: JSON.stringify(Object.fromEntries((preview?.fields ?? []).map((f) => [f, mapping[f] ?? '']))),
      createMissing: String(createMissing),
    });
    if (mode === 'dryRun') params.set('dryRun', 'true');
    else params.set('skipInvalid', String(skipInvalid));
    return `/api/assets/import?${params.toString()}`;
  };

  const read = useMutation({
    mutationFn: () =>
      send<AssetImportPreview>(`/api/assets/import/preview${format ? `?format=${encodeURIComponent(format)}` : ''}`),
    onMutate: () => {
      setPreview(null);
      setDryRun(null);
      setImported(null);
    },
    onSuccess: (answer) => {
      setPreview(answer);
      setMapping({ ...answer.columns });
    },
  });
  const check = useMutation({
    mutationFn: () => send<AssetImportReport>(importUrl('dryRun')),
    onMutate: () => {
      setDryRun(null);
      setImported(null);
    },
    onSuccess: setDryRun,
  });
  const run = useMutation({
    mutationFn: () => send<AssetImportReport>(importUrl('import')),
    onMutate: () => setImported(null),
    onSuccess: async (report) => {
      setImported(report);
      if (report.written) await manyAssetsChanged(queryClient);
    },
  });
  useFocusFirstProblem(form, noFile);

  /** A change of file, layout, mapping or options: the previous checks no longer hold. */
  const stale = () => {
    setDryRun(null);
    setImported(null);
    check.reset();
    run.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setNoFile({});
      return;
    }
    setNoFile(null);
    read.mutate();
  };

  const failure = [run.error, check.error, read.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const failedReport =
    run.error instanceof ApiError && isReport(run.error.problem.report) ? run.error.problem.report : null;
  const busy = read.isPending || check.isPending || run.isPending;
  const invalid = dryRun ? dryRun.rejectedCount : 0;

  return (
    <Page title={t('assets.import.title')}>
      <Text>{t('assets.import.intro')}</Text>
      <Paper withBorder p="lg">
        <form ref={form} onSubmit={submit} noValidate aria-labelledby="asset-import-file-title">
          <Stack gap="md" maw={640}>
            <Title order={2} id="asset-import-file-title">
              {t('assets.import.fileTitle')}
            </Title>
            <Text size="sm">{t('common.requiredHint')}</Text>
            <Input.Wrapper
              label={t('assets.import.file')}
              description={t('assets.import.fileHelp')}
              required
              id={fileId}
              error={noFile ? t('assets.import.fileRequired') : undefined}
            >
              <input
                key={inputKey}
                id={fileId}
                className="file-input"
                type="file"
                accept={`.csv,.txt,.xlsx,text/csv,${XLSX}`}
                required
                aria-invalid={noFile ? true : undefined}
                aria-describedby={`${fileId}-description${noFile ? ` ${fileId}-error` : ''}`}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setNoFile(null);
                  setPreview(null);
                  read.reset();
                  stale();
                }}
              />
            </Input.Wrapper>
            <NativeSelect
              label={t('assets.import.format')}
              description={t('assets.import.formatHelp')}
              value={format}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setFormat(isOneOf(FORMATS, value) ? value : '');
                setPreview(null);
                stale();
              }}
              data={[
                { value: '', label: t('assets.import.formats.auto') },
                ...FORMATS.map((f) => ({ value: f, label: t(`assets.import.formats.${f}`) })),
              ]}
            />
            <Group>
              <Button type="submit" loading={read.isPending} disabled={busy}>
                {t('assets.import.read')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {progress ? (
        <Stack gap={4}>
          <Progress
            value={progress.percent}
            aria-label={t('assets.import.progressLabel')}
            size="lg"
            animated={progress.phase === 'processing'}
            striped={progress.phase === 'processing'}
          />
          <Text size="sm" aria-hidden="true">
            {t('assets.import.sent', { percent: progress.percent })}
          </Text>
        </Stack>
      ) : null}
      {/* Phases only: announcing every percent would drown the screen reader. */}
      <Text role="status" size="sm">
        {progress ? (progress.phase === 'sending' ? t('assets.import.sending') : t('assets.import.processing')) : ''}
      </Text>

      {failure ? (
        <FormAlert kind="error" title={t('assets.import.failedTitle')}>
          {failure.code === 'VALIDATION_FAILED' && failedReport
            ? t('assets.import.invalidRows', { count: formatNumber(failedReport.rejectedCount) })
            : failure.code === 'BAD_REQUEST'
              ? t('assets.import.unreadable', { detail: failure.problem.detail ?? '' })
              : errorMessage(t, failure)}
        </FormAlert>
      ) : null}

      {preview ? (
        <PreviewPanel
          preview={preview}
          mapping={mapping}
          onMapping={(next) => {
            setMapping(next);
            stale();
          }}
          createMissing={createMissing}
          onCreateMissing={(value) => {
            setCreateMissing(value);
            stale();
          }}
          skipInvalid={skipInvalid}
          onSkipInvalid={(value) => {
            setSkipInvalid(value);
            setImported(null);
            run.reset();
          }}
          onDryRun={() => check.mutate()}
          busy={busy}
          checking={check.isPending}
        />
      ) : null}

      {dryRun ? <ReportView report={dryRun} /> : null}
      {dryRun && !imported ? (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text>
              {invalid === 0
                ? t('assets.import.readyToImport', { count: formatNumber(dryRun.valid) })
                : skipInvalid
                  ? t('assets.import.willSkip', { count: formatNumber(invalid), valid: formatNumber(dryRun.valid) })
                  : t('assets.import.rejectedWarning', { count: formatNumber(invalid) })}
            </Text>
            {invalid === 0 || skipInvalid ? (
              <Group>
                <Button onClick={() => run.mutate()} loading={run.isPending} disabled={busy || dryRun.valid === 0}>
                  {invalid === 0 ? t('assets.import.import') : t('assets.import.importSkipping')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
      {failedReport ? <ReportView report={failedReport} /> : null}
      {imported ? (
        <>
          <FormAlert kind="success" title={t('assets.import.doneTitle')}>
            {t('assets.import.done', { created: formatNumber(imported.created) })}
          </FormAlert>
          <ReportView report={imported} />
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setFile(null);
                setPreview(null);
                setInputKey((k) => k + 1);
                read.reset();
                stale();
              }}
            >
              {t('assets.import.another')}
            </Button>
          </Group>
        </>
      ) : null}
    </Page>
  );
}

function PreviewPanel({
  preview,
  mapping,
  onMapping,
  createMissing,
  onCreateMissing,
  skipInvalid,
  onSkipInvalid,
  onDryRun,
  busy,
  checking,
}: {
  preview: AssetImportPreview;
  mapping: Mapping;
  onMapping: (mapping: Mapping) => void;
  createMissing: boolean;
  onCreateMissing: (value: boolean) => void;
  skipInvalid: boolean;
  onSkipInvalid: (value: boolean) => void;
  onDryRun: () => void;
  busy: boolean;
  checking: boolean;
}) {
  const { t } = useTranslation();
  const sampleId = useId();
  const [noModel, setNoModel] = useState(false);
  return (
    <Panel title={t('assets.import.previewTitle')}>
      <Text>
        {preview.detectedFormat
          ? t('assets.import.detected', { format: t(`assets.import.formats.${preview.detectedFormat}`) })
          : t('assets.import.notDetected')}
      </Text>
      <Title order={3}>{t('assets.import.columnsTitle', { count: preview.headers.length })}</Title>
      <List>
        {preview.headers.map((h) => (
          <List.Item key={h}>
            <code>{h}</code>
          </List.Item>
        ))}
      </List>
      {preview.sample.length > 0 ? (
        <>
          <Title order={3} id={`${sampleId}-title`}>
            {t('assets.import.sampleTitle', { count: preview.sample.length })}
          </Title>
          <TableScroll labelledBy={sampleId}>
            <Table striped verticalSpacing="xs">
              <caption id={sampleId}>
                <VisuallyHidden>{t('assets.import.sampleCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {preview.headers.map((h) => (
                    <Table.Th scope="col" key={h}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity
                  <Table.Tr key={index}>
                    {preview.headers.map((h) => (
                      <Table.Td key={h}>{row[h] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      ) : null}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!mapping.model) {
            setNoModel(true);
            document.getElementById('mapping-model')?.focus();
            return;
          }
          setNoModel(false);
          onDryRun();
        }}
      >
        <Stack gap="md">
          <Title order={3}>{t('assets.import.mappingTitle')}</Title>
          <Text size="sm">{t('assets.import.mappingHelp')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {preview.fields.map((field) => (
              <NativeSelect
                key={field}
                id={`mapping-${field}`}
                label={t(`assets.import.fields.${field}`)}
                required={field === 'model'}
                value={mapping[field] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  onMapping({ ...mapping, [field]: value });
                  if (field === 'model' && value) setNoModel(false);
                }}
                error={field === 'model' && noModel ? t('assets.import.modelRequired') : undefined}
                data={[
                  { value: '', label: t('assets.import.notImported') },
                  ...preview.headers.map((h) => ({ value: h, label: h })),
                ]}
              />
            ))}
          </SimpleGrid>
          <Title order={3}>{t('assets.import.optionsTitle')}</Title>
          <Checkbox
            label={t('assets.import.createMissing')}
            description={t('assets.import.createMissingHelp')}
            checked={createMissing}
            onChange={(e) => onCreateMissing(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('assets.import.skipInvalid')}
            description={t('assets.import.skipInvalidHelp')}
            checked={skipInvalid}
            onChange={(e) => onSkipInvalid(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={checking} disabled={busy}>
              {t('assets.import.dryRun')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function ReportView({ report }: { report: AssetImportReport }) {
  const { t } = useTranslation();
  const captionId = useId();
  const listedLines = new Set(report.rejected.map((r) => r.line)).size;
  const title = report.dryRun
    ? t('assets.import.dryRunTitle')
    : report.written
      ? t('assets.import.reportTitle')
      : t('assets.import.notWrittenTitle');
  return (
    <Panel title={title}>
      {report.dryRun ? <Text>{t('assets.import.dryRunHelp')}</Text> : null}
      <Facts
        empty="—"
        items={[
          [t('assets.import.detectedFormat'), t(`assets.import.formats.${report.format}`)],
          [t('assets.import.rowsRead'), formatNumber(report.rowsRead)],
          [t('assets.import.valid'), formatNumber(report.valid)],
          [t('assets.import.rejected'), formatNumber(report.rejectedCount)],
          ...(report.dryRun ? [] : [[t('assets.import.created'), formatNumber(report.created)] as const]),
          ...(report.categoriesCreated.length
            ? [[t('assets.import.categoriesCreated'), report.categoriesCreated.join(', ')] as const]
            : []),
          ...(report.modelsCreated.length
            ? [[t('assets.import.modelsCreated'), report.modelsCreated.join(', ')] as const]
            : []),
        ]}
      />
      {report.rejected.length > 0 ? (
        <>
          <Title order={3}>{t('assets.import.rejectedTitle')}</Title>
          {report.rejectedCount > listedLines ? (
            <Text size="sm">
              {t('assets.import.moreRejected', {
                count: formatNumber(report.rejectedCount),
                listed: formatNumber(listedLines),
              })}
            </Text>
          ) : null}
          <TableScroll labelledBy={captionId}>
            <Table striped verticalSpacing="xs">
              <caption id={captionId}>
                <VisuallyHidden>{t('assets.import.rejectedCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assets.import.line')}</Table.Th>
                  <Table.Th scope="col">{t('assets.import.column')}</Table.Th>
                  <Table.Th scope="col">{t('assets.import.reason')}</Table.Th>
                  <Table.Th scope="col">{t('assets.import.value')}</Table.Th>
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
