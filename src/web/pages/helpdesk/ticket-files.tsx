import { Anchor, Button, Checkbox, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { helpdeskChanged, type TicketDetail } from './helpdesk-queries.ts';
import { Dialog } from './labels.tsx';

type TicketFile = TicketDetail['attachments'][number];
type Done = (message: string | null) => void;

/** What the server accepts (it reads the type from the content anyway). */
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

const sizeOf = (t: TFunction, bytes: number) =>
  bytes < 1024 * 1024
    ? t('helpdesk.files.kb', { n: Math.max(1, Math.round(bytes / 1024)) })
    : t('helpdesk.files.mb', { n: (bytes / 1048576).toFixed(1) });

/** Sends one file to a ticket (the raw body; the name and the internal flag in the query). */
export function uploadTicketFile(ticketId: string, file: File, internal = false) {
  const query = new URLSearchParams({ name: file.name, ...(internal ? { internal: 'true' } : {}) });
  return uploadFile<TicketFile>(`/api/helpdesk/tickets/${ticketId}/attachments?${query}`, file, {
    contentType: file.type || 'application/octet-stream',
  });
}

/**
 * The ticket's files: download (always as a file, never shown inline),
 * delete (its author while the ticket is not closed, the helpdesk team),
 * attach a photo or a PDF (internal for the helpdesk team).
 */
export function AttachmentsPanel({ ticket: tk, onDone }: { ticket: TicketDetail; onDone: Done }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [internal, setInternal] = useState(false);
  const [missing, setMissing] = useState(false);
  const [deleting, setDeleting] = useState<TicketFile | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadTicketFile(tk.id, chosen, tk.can.attachInternal && internal),
    onSuccess: async (saved) => {
      setFile(null);
      setInternal(false);
      await helpdeskChanged(queryClient);
      onDone(t('helpdesk.files.attached', { name: saved.name }));
    },
  });
  const remove = useMutation({
    mutationFn: (f: TicketFile) =>
      unwrap(
        api.DELETE('/api/helpdesk/tickets/{id}/attachments/{fileId}', {
          params: { path: { id: tk.id, fileId: f.id } },
        }),
      ),
    onSuccess: async (_r, f) => {
      setDeleting(null);
      await helpdeskChanged(queryClient);
      onDone(t('helpdesk.files.deleted', { name: f.name }));
    },
  });
  if (!tk.attachments.length && !tk.can.attach) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    upload.mutate(file);
  };
  return (
    <Panel title={t('helpdesk.files.title')}>
      {tk.attachments.length === 0 ? (
        <Text>{t('helpdesk.files.none')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>{t('helpdesk.files.caption', { count: tk.attachments.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('helpdesk.files.name')}</Table.Th>
                <Table.Th scope="col">{t('helpdesk.files.addedBy')}</Table.Th>
                <Table.Th scope="col">{t('helpdesk.files.size')}</Table.Th>
                <Table.Th scope="col">{t('helpdesk.files.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tk.attachments.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row">
                    <Anchor href={`/api/helpdesk/tickets/${tk.id}/attachments/${f.id}`} download={f.name}>
                      {t('helpdesk.files.download', { name: f.name })}
                    </Anchor>
                    {f.internal ? <Text size="sm">{t('helpdesk.internal')}</Text> : null}
                  </Table.Th>
                  <Table.Td>
                    {t('helpdesk.files.byAt', {
                      who: f.author?.displayName ?? t('helpdesk.system'),
                      at: formatDateTime(f.createdAt),
                    })}
                  </Table.Td>
                  <Table.Td>{sizeOf(t, f.size)}</Table.Td>
                  <Table.Td>
                    {f.can.delete ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setDeleting(f)}
                        aria-label={t('helpdesk.files.deleteNamed', { name: f.name })}
                      >
                        {t('helpdesk.files.delete')}
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {upload.isError ? <FormAlert kind="error">{errorMessage(t, upload.error)}</FormAlert> : null}
      {tk.can.attach ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FileInput
              label={t('helpdesk.files.choose')}
              description={t('helpdesk.files.help')}
              accept={ACCEPT}
              value={file}
              onChange={(f) => {
                setFile(f);
                setMissing(false);
              }}
              error={missing ? t('helpdesk.files.missing') : undefined}
              clearable
              maw="30rem"
            />
            {tk.can.attachInternal ? (
              <Checkbox
                label={t('helpdesk.files.internal')}
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
              />
            ) : null}
            <Group>
              <Button type="submit" variant="default" loading={upload.isPending}>
                {t('helpdesk.files.attach')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {deleting ? (
        <Confirm
          title={t('helpdesk.files.deleteTitle')}
          body={t('helpdesk.files.deleteBody', { name: deleting.name })}
          confirm={t('helpdesk.files.delete')}
          pending={remove.isPending}
          error={remove.isError ? errorMessage(t, remove.error) : null}
          onCancel={() => {
            setDeleting(null);
            remove.reset();
          }}
          onConfirm={() => remove.mutate(deleting)}
        />
      ) : null}
    </Panel>
  );
}

/** A confirmation dialog: what will happen, in words, then confirm or cancel. */
export function Confirm({
  title,
  body,
  confirm,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  title: string;
  body: string;
  confirm: string;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onCancel} size="md">
      <Stack gap="md">
        {error ? <FormAlert kind="error">{error}</FormAlert> : null}
        <Text>{body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
