import { Anchor, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { AllocateDialog } from './allocate-dialog.tsx';
import { DiscrepancyList } from './discrepancies.tsx';
import { type Invoice, invoiceQuery, procurementChanged } from './procurement-queries.ts';
import { formatRate } from './shared.tsx';

/**
 * One invoice: its facts (supplier and SIRET, order, amounts, payment), its
 * PDF, its lines and the expense lines made from them, the discrepancies
 * with its order; uploading the PDF and making the lines eligible
 * ("rendre éligible": allocation to a programme) from here.
 */
export function InvoicePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { id } = useParams({ from: '/signedIn/procurement/invoices/$id' });
  const invoice = useQuery(invoiceQuery(id));
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const [allocating, setAllocating] = useState(false);

  if (invoice.error instanceof ApiError && (invoice.error.status === 404 || invoice.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!invoice.data) {
    return (
      <Page title={t('procurement.invoice.titleShort')}>
        {invoice.isError ? (
          <FormAlert kind="error">{errorMessage(t, invoice.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = invoice.data;
  const manage = hasPermission(me, 'funding.manage');
  const unallocated = data.lines.filter((l) => !l.expenseLineId);
  const message = done ?? flash;
  return (
    <Page
      title={t('procurement.invoice.title', { number: data.number, supplier: data.supplierName })}
      actions={
        <Stack gap="sm">
          <Text>
            <Anchor component={Link} to="/procurement/invoices">
              {t('procurement.invoice.backToList')}
            </Anchor>
          </Text>
          {manage && unallocated.length > 0 ? (
            <Group>
              <Button
                onClick={() => {
                  setDone(null);
                  setAllocating(true);
                }}
              >
                {t('procurement.allocate.open')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      }
    >
      {message ? <FormAlert kind="success">{message}</FormAlert> : null}
      <Panel title={t('procurement.invoice.details')}>
        <Facts
          empty={t('procurement.none')}
          items={[
            [
              t('procurement.fields.supplier'),
              `${data.supplierName} (${t('procurement.siret', { siret: data.supplierSiret })})`,
            ],
            [
              t('procurement.fields.order'),
              data.orderId ? (
                <AnchorLink key="order" to="/procurement/orders/$id" params={{ id: data.orderId }}>
                  {data.orderNumber}
                </AnchorLink>
              ) : null,
            ],
            [t('procurement.fields.invoiceDate'), formatDate(data.invoiceDate)],
            [t('procurement.fields.ht'), formatMoney(data.htCents)],
            [t('procurement.fields.vat'), formatMoney(data.vatCents)],
            [t('procurement.fields.ttc'), formatMoney(data.ttcCents)],
            [t('procurement.fields.paidOn'), data.paidOn ? formatDate(data.paidOn) : t('procurement.invoices.unpaid')],
            [t('procurement.fields.mandateNumber'), data.mandateNumber],
            [t('procurement.fields.notes'), data.notes],
          ]}
        />
      </Panel>
      <PdfPanel invoice={data} manage={manage} onDone={setDone} />
      <LinesPanel invoice={data} />
      <Panel title={t('procurement.discrepancies.title')}>
        <DiscrepancyList invoice={data} discrepancies={data.discrepancies} />
      </Panel>
      {allocating ? (
        <AllocateDialog
          invoice={data}
          onClose={() => setAllocating(false)}
          onDone={(text) => {
            setAllocating(false);
            setDone(text);
          }}
        />
      ) : null}
    </Page>
  );
}

/**
 * The invoice's PDF: download it, or upload it — attached to the invoice
 * through the files module (the server reads the type from the content),
 * then set as the invoice's PDF.
 */
function PdfPanel({ invoice, manage, onDone }: { invoice: Invoice; manage: boolean; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: async (pdf: File) => {
      const attached = await uploadFile<{ id: string }>(
        `/api/procurement/invoices/${invoice.id}/attachments?name=${encodeURIComponent(pdf.name)}`,
        pdf,
        { contentType: 'application/pdf' },
      );
      return unwrap(
        api.PUT('/api/procurement/invoices/{id}/file', {
          params: { path: { id: invoice.id } },
          body: { fileId: attached.id },
        }),
      );
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(invoiceQuery(invoice.id).queryKey, saved);
      await procurementChanged(queryClient);
      setFile(null);
      onDone(t('procurement.invoice.pdfSaved'));
    },
  });
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
    <Panel title={t('procurement.invoice.pdf')}>
      {invoice.fileId ? (
        <Text>
          <Anchor href={`/api/files/${invoice.fileId}`} download>
            {t('procurement.invoice.downloadPdf', { number: invoice.number })}
          </Anchor>
        </Text>
      ) : (
        <Text>{t('procurement.invoice.noPdf')}</Text>
      )}
      {upload.isError ? <FormAlert kind="error">{errorMessage(t, upload.error)}</FormAlert> : null}
      {manage ? (
        <form onSubmit={submit} noValidate>
          <Group align="end" gap="sm">
            <FileInput
              label={invoice.fileId ? t('procurement.invoice.replacePdf') : t('procurement.invoice.uploadPdf')}
              description={t('procurement.invoice.pdfHelp')}
              accept="application/pdf"
              value={file}
              onChange={(f) => {
                setFile(f);
                setMissing(false);
              }}
              error={missing ? t('procurement.invoice.pdfMissing') : undefined}
              clearable
              style={{ flex: '1 1 20rem' }}
              maw="30rem"
            />
            <Button type="submit" loading={upload.isPending}>
              {t('procurement.invoice.sendPdf')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Panel>
  );
}

function LinesPanel({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const captionId = useId();
  const expenseIds = invoice.lines.map((l) => l.expenseLineId).filter((x): x is string => Boolean(x));
  const expenses = useQueries({
    queries: expenseIds.map((id) => ({
      queryKey: ['funding', 'expense-lines', id],
      queryFn: () => unwrap(api.GET('/api/funding/expense-lines/{id}', { params: { path: { id } } })),
    })),
  });
  const expenseOf = (id: string | null) => (id ? expenses.find((q) => q.data?.id === id)?.data : undefined);
  const flagged = new Set(invoice.discrepancies.map((d) => d.invoiceLineId).filter(Boolean));
  return (
    <Panel title={t('procurement.invoice.lines')}>
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="sm">
          <caption id={captionId}>{t('procurement.invoice.linesCaption', { number: invoice.number })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('procurement.fields.description')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.quantity')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.unitPrice')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.vatRate')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.ht')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.vat')}</Table.Th>
              <Table.Th scope="col">{t('procurement.invoice.expenseLine')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((line) => {
              const expense = expenseOf(line.expenseLineId);
              return (
                <Table.Tr key={line.id} bg={flagged.has(line.id) ? '#fff4e0' : undefined}>
                  <Table.Th scope="row" fw={400}>
                    <Text size="sm" fw={600}>
                      {line.description}
                    </Text>
                    {flagged.has(line.id) ? (
                      <Text size="sm" fw={700} c="#8a4a00">
                        {t('procurement.discrepancies.flag')}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{formatNumber(line.quantity)}</Table.Td>
                  <Table.Td>{formatMoney(line.unitPriceCents)}</Table.Td>
                  <Table.Td>{formatRate(line.vatRateBp)}</Table.Td>
                  <Table.Td>{formatMoney(line.htCents)}</Table.Td>
                  <Table.Td>{formatMoney(line.vatCents)}</Table.Td>
                  <Table.Td>
                    {!line.expenseLineId ? (
                      t('procurement.invoice.notAllocated')
                    ) : expense ? (
                      <Text size="sm">
                        {t(`procurement.eligibility.${expense.eligibility}`)} —{' '}
                        {t('procurement.invoice.eligibleAmount', { amount: formatMoney(expense.eligibleCents) })}
                        {expense.schools.length > 0
                          ? ` — ${t('procurement.invoice.schoolsCount', { count: expense.schools.length })}`
                          : ''}
                      </Text>
                    ) : (
                      t('common.loading')
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Panel>
  );
}
