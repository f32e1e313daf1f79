import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import type { Household } from './loan-queries.ts';

/**
 * The household's rights over its data (GDPR arts. 15 and 17), for the
 * roles with `loans.rights`: everything held, as JSON or PDF (each export is
 * audited), and the erasure on request, confirmed in a dialog — refused by
 * the server (409) while a loan is open, and the refusal says why.
 */
export function HouseholdRights({ household }: { household: Household }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState<string | null>(null);
  const erase = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/loans/households/{id}', { params: { path: { id: household.id } } })),
    onSuccess: async (result) => {
      setConfirming(false);
      setErased(t('loans.rights.erased', { pseudonym: result.pseudonym, date: formatDateTime(result.erasedAt) }));
      await queryClient.invalidateQueries({ queryKey: ['loans'] });
    },
    onError: () => setConfirming(false),
  });
  if (!hasPermission(me, 'loans.rights') || household.purged)
    return erased ? <FormAlert kind="success">{erased}</FormAlert> : null;
  const base = `/api/loans/households/${household.id}`;
  return (
    <Stack gap="sm">
      <Text fw={700}>{t('loans.rights.title')}</Text>
      <Text size="sm">{t('loans.rights.help')}</Text>
      {erased ? <FormAlert kind="success">{erased}</FormAlert> : null}
      {erase.isError ? <FormAlert kind="error">{errorMessage(t, erase.error)}</FormAlert> : null}
      <Group gap="sm">
        <Button component="a" variant="default" href={`${base}/export`} download>
          {t('loans.rights.exportJson')}
        </Button>
        <Button component="a" variant="default" href={`${base}/export.pdf`} download>
          {t('loans.rights.exportPdf')}
        </Button>
        <Button color="#a51d2d" variant="outline" onClick={() => setConfirming(true)}>
          {t('loans.rights.erase')}
        </Button>
      </Group>
      {confirming ? (
        <Modal
          opened
          onClose={() => setConfirming(false)}
          title={t('loans.rights.confirmTitle', { pseudonym: household.pseudonym })}
          size="lg"
          closeButtonProps={{ 'aria-label': t('common.close') }}
          styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
        >
          <Stack gap="md">
            <Text>{t('loans.rights.confirm')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="#a51d2d" loading={erase.isPending} onClick={() => erase.mutate()}>
                {t('loans.rights.eraseSubmit')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}
