import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../errors.ts';
import { isOneOf, LABEL_LAYOUTS, LABELS_PER_SHEET, type LabelLayout } from './statuses.ts';

/** Saves a blob as a file, as a download link would (the answer of a POST cannot be a link). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A PDF sheet of QR labels for the given assets (`POST /api/assets/labels`),
 * on common A4 label stock; the labels already used on a started sheet can
 * be skipped.
 */
export function LabelsDialog({
  assets,
  onClose,
}: {
  assets: readonly { id: string; tag: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const [layout, setLayout] = useState<LabelLayout>('a4-3x8');
  const [skip, setSkip] = useState('0');
  const [badSkip, setBadSkip] = useState<object | null>(null);
  const max = LABELS_PER_SHEET[layout] - 1;

  const print = useMutation({
    mutationFn: async (skipped: number) => {
      const blob = await unwrap(
        api.POST('/api/assets/labels', {
          body: { ids: assets.map((a) => a.id), layout, skip: skipped },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob as Blob, `etiquettes-${new Date().toISOString().slice(0, 10)}.pdf`);
    },
  });
  useFocusFirstProblem(form, print.error ?? badSkip);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(skip.trim() || '0');
    if (!Number.isInteger(value) || value < 0 || value > max) {
      setBadSkip({});
      return;
    }
    setBadSkip(null);
    print.mutate(value);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('assets.labels.title', { count: assets.length })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('assets.labels.help')}</Text>
          {print.isError ? <FormAlert kind="error">{errorMessage(t, print.error)}</FormAlert> : null}
          {print.isSuccess ? (
            <FormAlert kind="success">{t('assets.labels.done', { count: assets.length })}</FormAlert>
          ) : null}
          <Radio.Group
            label={t('assets.labels.layout')}
            value={layout}
            onChange={(value) => {
              if (isOneOf(LABEL_LAYOUTS, value)) setLayout(value);
              print.reset();
            }}
          >
            <Stack gap="xs" mt="xs">
              {LABEL_LAYOUTS.map((l) => (
                <Radio key={l} value={l} label={t(`assets.labels.layouts.${l}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('assets.labels.skip')}
            description={t('assets.labels.skipHelp', { max })}
            inputMode="numeric"
            value={skip}
            onChange={(e) => {
              setSkip(e.currentTarget.value);
              print.reset();
            }}
            error={badSkip ? t('errors.fields.number_between', { min: 0, max }) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {print.isSuccess ? t('common.close') : t('common.cancel')}
            </Button>
            <Button type="submit" loading={print.isPending}>
              {t('assets.labels.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
