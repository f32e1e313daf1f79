import { Button, CopyButton, Group, Image, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import type { Loan } from './loan-queries.ts';

type LinkAnswer = Awaited<ReturnType<typeof requestLink>>;

function requestLink(loanId: string, options: { revokePrevious: boolean; send: boolean }) {
  return unwrap(api.POST('/api/loans/{id}/link', { params: { path: { id: loanId } }, body: options }));
}

/** What became of the e-mails of a link, in words. */
function mailMessage(t: (key: string, options?: Record<string, unknown>) => string, answer: LinkAnswer): string | null {
  const mail = answer.mail;
  if (!mail) return null;
  return t(`loans.link.mail.${mail.status}`, { sent: mail.sent, recipients: mail.recipients, failed: mail.failed });
}

/**
 * The family's link: signed, expiring, for this loan only. It is shown here
 * (to copy, or to print as a sheet with its QR code for families without
 * e-mail) and, when the organisation has a mail server, sent by e-mail to
 * each legal representative. A new link revokes the earlier ones.
 */
export function FamilyLinkPanel({ loan }: { loan: Loan }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<LinkAnswer | null>(null);
  const [printing, setPrinting] = useState(false);
  const make = useMutation({
    mutationFn: (options: { revokePrevious: boolean; send: boolean }) => requestLink(loan.id, options),
    onSuccess: setAnswer,
  });
  const mail = answer ? mailMessage(t, answer) : null;
  const mailFailed = answer?.mail && !['sent', 'already_sent'].includes(answer.mail.status);
  return (
    <Panel title={t('loans.link.title')}>
      <Text size="sm">{t('loans.link.intro')}</Text>
      <Group gap="sm">
        <Button
          variant="default"
          loading={make.isPending}
          onClick={() => make.mutate({ revokePrevious: false, send: false })}
        >
          {t('loans.link.show')}
        </Button>
        <Button
          variant="default"
          loading={make.isPending}
          onClick={() => make.mutate({ revokePrevious: false, send: true })}
        >
          {t('loans.link.send')}
        </Button>
        <Button
          variant="outline"
          color="red.9"
          loading={make.isPending}
          onClick={() => make.mutate({ revokePrevious: true, send: false })}
        >
          {t('loans.link.rotate')}
        </Button>
      </Group>
      {make.isError ? <FormAlert kind="error">{errorMessage(t, make.error)}</FormAlert> : null}
      {mail ? <FormAlert kind={mailFailed ? 'error' : 'success'}>{mail}</FormAlert> : null}
      {answer ? (
        <Stack gap="sm">
          <Group align="end" gap="sm">
            <TextInput
              label={t('loans.link.url')}
              description={t('loans.link.expires', { date: formatDateTime(answer.expiresAt) })}
              value={answer.url}
              readOnly
              style={{ flex: '1 1 28rem' }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={answer.url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('loans.link.copied') : t('loans.link.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={() => setPrinting(true)}>
              {t('loans.link.print')}
            </Button>
          </Group>
          <QrImage url={answer.url} alt={t('loans.link.qrAlt')} size={160} />
        </Stack>
      ) : null}
      {printing && answer ? (
        <PrintSheet loan={loan} url={answer.url} expiresAt={answer.expiresAt} onClose={() => setPrinting(false)} />
      ) : null}
    </Panel>
  );
}

/** The QR code of a link, drawn in the browser (an image: the CSP allows data: images). */
function QrImage({ url, alt, size }: { url: string; alt: string; size: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 }).then((data) => {
      if (live) setSrc(data);
    });
    return () => {
      live = false;
    };
  }, [url, size]);
  return src ? <Image src={src} alt={alt} w={size} h={size} fit="contain" /> : null;
}

// Printing shows the sheet only (the dialog's content), not the page behind it.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .family-link-sheet, .family-link-sheet * { visibility: visible !important; }
  .family-link-sheet { position: fixed; inset: 0; padding: 2cm; background: #fff; }
  .family-link-sheet .no-print { display: none !important; }
}`;

/** A sheet for the family, to print: what to do, the link, and its QR code. */
function PrintSheet({
  loan,
  url,
  expiresAt,
  onClose,
}: {
  loan: Loan;
  url: string;
  expiresAt: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  // The sheet speaks the family's language (the dialog's buttons stay in the user's).
  const family = loan.household.locale;
  const tf = i18n.getFixedT(family);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('loans.link.sheetTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: '1.25rem' } }}
    >
      <style>{PRINT_CSS}</style>
      <Stack gap="md" className="family-link-sheet">
        <Stack gap="md" lang={family}>
          <Text fw={700} size="lg">
            {tf('loans.link.sheetHeading', { school: loan.school.name })}
          </Text>
          <Text>{tf('loans.link.sheetBody', { date: formatDate(loan.dueDate) })}</Text>
          <QrImage url={url} alt={tf('loans.link.qrAlt')} size={220} />
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {url}
          </Text>
          <Text size="sm">{tf('loans.link.sheetExpires', { date: formatDate(expiresAt) })}</Text>
        </Stack>
        <Group justify="flex-end" className="no-print">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => window.print()}>{t('loans.link.printNow')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
