import { Anchor, Button, FileInput, Group, List, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import type { TrainingSessionDetail } from './training-queries.ts';

const filesKey = (id: string) => ['training', 'files', id] as const;

/** "12 Ko", "1,4 Mo". */
function sizeOf(bytes: number, t: (k: string, o: Record<string, unknown>) => string): string {
  if (bytes < 1024 * 1024) return t('training.files.kb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
  return t('training.files.mb', { size: formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}

/**
 * Materials as files (slides, handouts): listed for everyone who sees the
 * session, downloaded as attachments; managers upload (PDF or image, the
 * server reads the type from the content) and delete. The links stay in
 * the session's details.
 */
export function MaterialsPanel({
  session: s,
  onDone,
}: {
  session: TrainingSessionDetail;
  onDone: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = s.can.update;
  const files = useQuery({
    queryKey: filesKey(s.id),
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}/files', { params: { path: { id: s.id } } })),
  });
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadFile<{ id: string; name: string }>(
        `/api/training/sessions/${s.id}/files?name=${encodeURIComponent(f.name)}`,
        f,
        { contentType: f.type || 'application/octet-stream' },
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: filesKey(s.id) });
      setFile(null);
      onDone(t('training.files.uploaded', { name: saved.name }));
    },
  });
  const remove = useMutation({
    mutationFn: (f: { id: string; name: string }) =>
      unwrap(api.DELETE('/api/training/files/{fileId}', { params: { path: { fileId: f.id } } })),
    onSuccess: async (_r, f) => {
      await queryClient.invalidateQueries({ queryKey: filesKey(s.id) });
      onDone(t('training.files.deleted', { name: f.name }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    setMissing(false);
    onDone(null);
    upload.mutate(file);
  };
  const items = files.data ?? [];
  return (
    <Panel title={t('training.files.title')}>
      {files.isError ? <FormAlert kind="error">{errorMessage(t, files.error)}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {files.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('training.files.none')}</Text>
      ) : (
        <List aria-label={t('training.files.title')} spacing="xs">
          {items.map((f) => (
            <List.Item key={f.id}>
              <Group gap="sm" wrap="wrap">
                <Anchor href={`/api/training/files/${f.id}`} download={f.name}>
                  {t('training.files.download', { name: f.name })}
                </Anchor>
                <Text size="sm" span>
                  ({f.mime === 'application/pdf' ? 'PDF' : t('training.files.image')}, {sizeOf(f.size, t)})
                </Text>
                {manage ? (
                  <Button
                    variant="subtle"
                    color="#a51d2d"
                    size="compact-sm"
                    loading={remove.isPending && remove.variables?.id === f.id}
                    aria-label={t('training.files.deleteNamed', { name: f.name })}
                    onClick={() => {
                      onDone(null);
                      remove.mutate(f);
                    }}
                  >
                    {t('training.files.delete')}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {manage ? (
        <form onSubmit={submit} noValidate>
          {upload.isError ? <FormAlert kind="error">{errorMessage(t, upload.error)}</FormAlert> : null}
          <Group align="end" gap="sm">
            <FileInput
              label={t('training.files.add')}
              description={t('training.files.help')}
              accept="application/pdf,image/jpeg,image/png,image/webp"
              value={file}
              onChange={(f) => {
                setFile(f);
                setMissing(false);
              }}
              error={missing ? t('training.files.missing') : undefined}
              clearable
              style={{ flex: '1 1 20rem' }}
              maw="30rem"
            />
            <Button type="submit" loading={upload.isPending}>
              {t('training.files.send')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Panel>
  );
}
