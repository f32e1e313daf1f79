import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { type Database, rows } from '../src/server/db/connection.ts';
import { schools, schoolYears } from '../src/server/db/schema.ts';
import { demoSiret } from '../src/server/modules/funding/demo.ts';
import { Agent } from '../test/helpers/app.ts';
import { createOrganisation, createUser, PASSWORD, uai } from '../test/helpers/factories.ts';
import {
  cleanupAll,
  formatTable,
  gitCommit,
  insertJson,
  load1m,
  machine,
  onCleanup,
  openBenchDatabase,
  packageVersion,
  parseBenchOptions,
  prng,
  round,
  timed,
  writeResult,
} from './lib.ts';

/**
 * Benchmark `funding`: a national-scale programme — 10,000 invoices of 20
 * lines (200,000 expense lines, most split over schools), 2,000 purchase
 * orders, two conventions (FEDER flat with a cap, a département tiered per
 * tranche with a per-class cap) — through the real application in one
 * process (Fastify `inject`, routes, zod, services, database):
 *   - the first read after the lines were written (the stored shares are
 *     computed: `ensureShares`), then the budget view and the first page of
 *     the shares, warm, repeated;
 *   - a payment claim (instalment) over one year of paid lines, and its
 *     exports: statement XLSX, statement PDF, invoices ZIP.
 * Targets of issue #6, on PostgreSQL: budget view < 300 ms; a claim's
 * exports < 30 s. See bench/README.md.
 *
 *   node --import tsx bench/funding.ts [--targets postgres,pglite] [--invoices 10000] [--lines-per-invoice 20]
 */

const TARGET_BUDGET_MS = 300;
const TARGET_EXPORTS_S = 30;

const USAGE = `Usage: node --import tsx bench/funding.ts [options]
  --targets <list>            comma-separated: postgres,pglite (default postgres)
  --invoices <n>              invoices (default 10000)
  --lines-per-invoice <n>     lines per invoice (default 20)
  --schools <n>               schools in scope (default 2000)
  --orders <n>                purchase orders, 10 lines each (default 2000)
  --runs <n>                  warm reads of the budget view (default 20; median and max reported)
  --pg-url <url>              PostgreSQL admin URL used to create and drop the bench database
  --help`;

function parseOptions() {
  return parseBenchOptions(USAGE, {
    targets: 'postgres',
    ints: { invoices: '10000', linesPerInvoice: '20', schools: '2000', orders: '2000', runs: '20' },
  });
}
type Options = ReturnType<typeof parseOptions>;

const COST_ITEMS = [
  ['EQ', 'equipment', 'Équipements numériques'],
  ['INF', 'infrastructure_works', 'Câblage et wifi'],
  ['SRV', 'services_resources', 'Services et ressources'],
  ['FOR', 'training', 'Formation'],
  ['COM', 'communication', 'Communication'],
] as const;

/**
 * The dataset, inserted as the owner (like an import of the finance
 * software's history): schools with a school year (classes and pupils for
 * the per-class cap), a programme over all of them, five cost items, two
 * funders and conventions, 200 suppliers, purchase orders, invoices with
 * their lines, and one expense line per invoice line (80 % paid, 5 %
 * partly eligible, 2 % not eligible, 60 % split over one to three schools).
 */
async function seed(db: Database, o: Options) {
  const random = prng(20261128);
  const org = await createOrganisation(db, 'Pays de banc d’essai');
  const finance = await createUser(db, org.id, { roles: ['finance'] });
  const schoolRows: { id: string }[] = [];
  for (let i = 0; i < o.schools; i += 1000) {
    schoolRows.push(
      ...(await db.owner
        .insert(schools)
        .values(
          Array.from({ length: Math.min(1000, o.schools - i) }, (_, k) => ({
            organisationId: org.id,
            uai: uai(8_000_000 + i + k),
            name: `École ${i + k + 1}`,
            kind: 'elementaire',
          })),
        )
        .returning({ id: schools.id })),
    );
  }
  for (let i = 0; i < schoolRows.length; i += 1000) {
    await db.owner.insert(schoolYears).values(
      schoolRows.slice(i, i + 1000).map((s, k) => ({
        organisationId: org.id,
        schoolId: s.id,
        year: 2022,
        classesCount: 4 + ((i + k) % 12),
        pupils: 90 + ((i + k) % 250),
      })),
    );
  }
  const schoolIds = schoolRows.map((s) => s.id);

  const [programme] = await rows<{ id: string }>(
    db.owner,
    sql`insert into funding_programmes (organisation_id, name, period_start, period_end)
        values (${org.id}, 'Plan national de banc d’essai', '2020-01-01', '2023-12-31') returning id`,
  );
  const programmeId = programme?.id as string;
  await insertJson(
    db,
    'funding_programme_schools',
    'organisation_id, programme_id, school_id',
    'organisation_id uuid, programme_id uuid, school_id uuid',
    schoolIds.map((id) => ({ organisation_id: org.id, programme_id: programmeId, school_id: id })),
  );
  const costItemIds: string[] = [];
  for (const [i, [code, kind, label]] of COST_ITEMS.entries()) {
    const [row] = await rows<{ id: string }>(
      db.owner,
      sql`insert into funding_cost_items (organisation_id, programme_id, code, kind, label, position, budget_cents)
          values (${org.id}, ${programmeId}, ${code}, ${kind}, ${label}, ${i + 1}, ${([60, 20, 10, 7, 3][i] as number) * 10_000_000_000})
          returning id`,
    );
    costItemIds.push(row?.id as string);
  }
  const funder = async (name: string, kind: string) =>
    (
      await rows<{ id: string }>(
        db.owner,
        sql`insert into funders (organisation_id, name, kind) values (${org.id}, ${name}, ${kind}) returning id`,
      )
    )[0]?.id as string;
  const feder = await funder('Union européenne — FEDER', 'eu_feder');
  const dep = await funder('Département', 'departement');
  const [federConvention] = await rows<{ id: string }>(
    db.owner,
    sql`insert into funding_conventions (organisation_id, programme_id, funder_id, reference, eligible_from, eligible_to,
          rate_rule, cap_total_cents, rank)
        values (${org.id}, ${programmeId}, ${feder}, 'FEDER-BENCH', '2020-01-01', '2023-12-31',
          '{"kind":"flat","rateBp":6000}'::jsonb, 100000000000, 1) returning id`,
  );
  await db.owner.execute(
    sql`insert into funding_conventions (organisation_id, programme_id, funder_id, reference, rate_rule,
          cap_per_class_cents, eligible_cost_item_ids, rank)
        values (${org.id}, ${programmeId}, ${dep}, 'DEP-BENCH',
          '{"kind":"tiered","mode":"per_tranche","tiers":[{"upToCents":2000000000,"rateBp":2000},{"upToCents":null,"rateBp":1000}]}'::jsonb,
          50000, ${sql.raw(`array['${costItemIds[0]}','${costItemIds[1]}']::uuid[]`)}, 2)`,
  );
  const supplierIds: string[] = [];
  for (let i = 0; i < 200; i++) {
    const [row] = await rows<{ id: string }>(
      db.owner,
      sql`insert into suppliers (organisation_id, name, siret, generated)
          values (${org.id}, ${`Fournisseur ${i + 1}`}, ${demoSiret(1000 + i)}, true) returning id`,
    );
    supplierIds.push(row?.id as string);
  }

  // Purchase orders (10 lines each), placed and received, no assets.
  const orders = Array.from({ length: o.orders }, (_, i) => ({
    id: crypto.randomUUID(),
    organisation_id: org.id,
    number: `BC-${String(i + 1).padStart(6, '0')}`,
    supplier_id: supplierIds[i % supplierIds.length],
    programme_id: programmeId,
    cost_item_id: costItemIds[i % costItemIds.length],
    ordered_on: new Date(Date.UTC(2020, 1 + Math.floor(random() * 44), 1 + Math.floor(random() * 27)))
      .toISOString()
      .slice(0, 10),
    status: 'received',
    generated: true,
  }));
  await insertJson(
    db,
    'purchase_orders',
    'id, organisation_id, number, supplier_id, programme_id, cost_item_id, ordered_on, status, generated',
    'id uuid, organisation_id uuid, number text, supplier_id uuid, programme_id uuid, cost_item_id uuid, ordered_on date, status text, generated boolean',
    orders,
  );
  const orderLines = orders.flatMap((ord, i) =>
    Array.from({ length: 10 }, (_, k) => {
      const quantity = 1 + Math.floor(random() * 30);
      const unit = 1_000 + Math.floor(random() * 200_000);
      return {
        organisation_id: org.id,
        order_id: ord.id,
        position: k + 1,
        description: `Article ${i + 1}.${k + 1}`,
        quantity,
        unit_price_cents: unit,
        ht_cents: quantity * unit,
        received_quantity: quantity,
      };
    }),
  );
  await insertJson(
    db,
    'purchase_order_lines',
    'organisation_id, order_id, position, description, quantity, unit_price_cents, ht_cents, received_quantity',
    'organisation_id uuid, order_id uuid, position int, description text, quantity int, unit_price_cents bigint, ht_cents bigint, received_quantity int',
    orderLines,
  );

  // Invoices, their lines, and one expense line per invoice line.
  const invoices: object[] = [];
  const invoiceLines: object[] = [];
  const expenseLines: object[] = [];
  const splits: object[] = [];
  for (let i = 0; i < o.invoices; i++) {
    const id = crypto.randomUUID();
    const supplierId = supplierIds[i % supplierIds.length] as string;
    const date = new Date(Date.UTC(2020, 1 + Math.floor(random() * 46), 1 + Math.floor(random() * 27)));
    const invoiceDate = date.toISOString().slice(0, 10);
    const paid = random() < 0.8;
    const paidOn = paid ? new Date(date.getTime() + 30 * 86_400_000).toISOString().slice(0, 10) : null;
    const number = `FA-${String(i + 1).padStart(7, '0')}`;
    let ht = 0;
    let vat = 0;
    for (let k = 0; k < o.linesPerInvoice; k++) {
      const quantity = 1 + Math.floor(random() * 10);
      const unit = 500 + Math.floor(random() * 150_000);
      const lineHt = quantity * unit;
      const lineVat = Math.round(lineHt / 5);
      ht += lineHt;
      vat += lineVat;
      const lineId = crypto.randomUUID();
      invoiceLines.push({
        id: lineId,
        organisation_id: org.id,
        invoice_id: id,
        position: k + 1,
        description: `Ligne ${k + 1}`,
        quantity,
        unit_price_cents: unit,
        vat_rate_bp: 2000,
        ht_cents: lineHt,
        vat_cents: lineVat,
      });
      const r = random();
      const eligibility = r < 0.02 ? 'not_eligible' : r < 0.07 ? 'partly' : 'eligible';
      const eligible = eligibility === 'eligible' ? lineHt : eligibility === 'partly' ? Math.floor(lineHt / 2) : 0;
      const expenseId = crypto.randomUUID();
      expenseLines.push({
        id: expenseId,
        organisation_id: org.id,
        programme_id: programmeId,
        cost_item_id: costItemIds[Math.min(4, Math.floor(random() * random() * 6))],
        supplier_id: supplierId,
        invoice_id: id,
        invoice_line_id: lineId,
        invoice_number: number,
        invoice_date: invoiceDate,
        description: `Ligne ${k + 1}`,
        ht_cents: lineHt,
        vat_cents: lineVat,
        ttc_cents: lineHt + lineVat,
        paid_on: paidOn,
        mandate_number: paid ? `M-${i + 1}` : null,
        eligibility,
        eligible_cents: eligible,
        eligibility_reason: eligibility === 'eligible' ? null : 'Banc d’essai',
        generated: true,
      });
      if (random() < 0.6) {
        const count = 1 + Math.floor(random() * 3);
        const picked = new Set<string>();
        while (picked.size < count) picked.add(schoolIds[Math.floor(random() * schoolIds.length)] as string);
        const each = Math.floor(lineHt / count);
        [...picked].forEach((schoolId, s) => {
          splits.push({
            organisation_id: org.id,
            line_id: expenseId,
            school_id: schoolId,
            amount_cents: s === 0 ? lineHt - each * (count - 1) : each,
          });
        });
      }
    }
    invoices.push({
      id,
      organisation_id: org.id,
      supplier_id: supplierId,
      number,
      invoice_date: invoiceDate,
      ht_cents: ht,
      vat_cents: vat,
      ttc_cents: ht + vat,
      paid_on: paidOn,
      mandate_number: paid ? `M-${i + 1}` : null,
      generated: true,
    });
  }
  await insertJson(
    db,
    'invoices',
    'id, organisation_id, supplier_id, number, invoice_date, ht_cents, vat_cents, ttc_cents, paid_on, mandate_number, generated',
    'id uuid, organisation_id uuid, supplier_id uuid, number text, invoice_date date, ht_cents bigint, vat_cents bigint, ttc_cents bigint, paid_on date, mandate_number text, generated boolean',
    invoices,
  );
  await insertJson(
    db,
    'invoice_lines',
    'id, organisation_id, invoice_id, position, description, quantity, unit_price_cents, vat_rate_bp, ht_cents, vat_cents',
    'id uuid, organisation_id uuid, invoice_id uuid, position int, description text, quantity int, unit_price_cents bigint, vat_rate_bp int, ht_cents bigint, vat_cents bigint',
    invoiceLines,
  );
  await insertJson(
    db,
    'funding_expense_lines',
    'id, organisation_id, programme_id, cost_item_id, supplier_id, invoice_id, invoice_line_id, invoice_number, invoice_date, description, ht_cents, vat_cents, ttc_cents, paid_on, mandate_number, eligibility, eligible_cents, eligibility_reason, generated',
    'id uuid, organisation_id uuid, programme_id uuid, cost_item_id uuid, supplier_id uuid, invoice_id uuid, invoice_line_id uuid, invoice_number text, invoice_date date, description text, ht_cents bigint, vat_cents bigint, ttc_cents bigint, paid_on date, mandate_number text, eligibility text, eligible_cents bigint, eligibility_reason text, generated boolean',
    expenseLines,
  );
  await insertJson(
    db,
    'funding_expense_line_schools',
    'organisation_id, line_id, school_id, amount_cents',
    'organisation_id uuid, line_id uuid, school_id uuid, amount_cents bigint',
    splits,
  );
  if (db.kind === 'postgres') await db.owner.execute(sql`ANALYZE`);
  return {
    finance,
    programmeId,
    federConventionId: federConvention?.id as string,
    counts: {
      schools: schoolIds.length,
      orders: orders.length,
      orderLines: orderLines.length,
      invoices: invoices.length,
      expenseLines: expenseLines.length,
      splits: splits.length,
    },
  };
}

async function runTarget(target: 'pglite' | 'postgres', o: Options) {
  const opened = await openBenchDatabase(target, o.pgUrl, 'funding');
  if ('skipped' in opened) return { target, skipped: opened.skipped };
  const { db, config, secrets, serverVersion } = opened;
  const seeding = await timed(() => seed(db, o));
  const { finance, programmeId, federConventionId, counts } = seeding.value;
  console.log(`${target}: dataset seeded in ${(seeding.ms / 1000).toFixed(1)} s (load ${load1m()})`, counts);

  const app = await buildApp({ config, db, jobs: null, secrets }, { webDir: null, logger: false });
  await app.ready();
  onCleanup(() => app.close());
  const agent = new Agent(app);
  await agent.login(finance.email, PASSWORD);

  const budgetUrl = `/api/funding/programmes/${programmeId}/budget`;
  const first = await timed(() => agent.get(budgetUrl));
  if (first.value.statusCode !== 200) throw new Error(`budget: ${first.value.statusCode} ${first.value.body}`);
  const runs: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const r = await timed(() => agent.get(budgetUrl));
    if (r.value.statusCode !== 200) throw new Error(`budget: ${r.value.statusCode}`);
    runs.push(r.ms);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const budget = first.value.json() as {
    totals: { invoicedCents: number; eligibleCents: number; lines: number };
    funders: { aidCents: number }[];
    schools: unknown[];
    timeline: unknown[];
  };
  const shares = await timed(() => agent.get(`/api/funding/programmes/${programmeId}/shares`));
  if (shares.value.statusCode !== 200) throw new Error(`shares: ${shares.value.statusCode}`);
  console.log(
    `${target}: first budget read (stored shares computed) ${first.ms.toFixed(0)} ms; warm median ${(
      sorted[Math.floor(sorted.length / 2)] as number
    ).toFixed(
      0,
    )} ms, max ${(sorted[sorted.length - 1] as number).toFixed(0)} ms; shares first page ${shares.ms.toFixed(0)} ms`,
  );

  // A payment claim over one year of paid lines, and its exports.
  const claim = await timed(() =>
    agent.post(`/api/funding/programmes/${programmeId}/claims`, {
      conventionId: federConventionId,
      kind: 'instalment',
      periodFrom: '2021-01-01',
      periodTo: '2021-12-31',
    }),
  );
  if (claim.value.statusCode !== 201) throw new Error(`claim: ${claim.value.statusCode} ${claim.value.body}`);
  const claimBody = claim.value.json() as { id: string; claimedCents: number; lines?: unknown[]; lineCount?: number };
  const claimId = claimBody.id;
  const [claimLines] = await rows<{ n: number }>(
    db.owner,
    sql`select count(*)::int as n from funding_claim_lines where claim_id = ${claimId}`,
  );
  const exportOf = async (suffix: string) => {
    const r = await timed(() => agent.get(`/api/funding/claims/${claimId}/${suffix}`));
    if (r.value.statusCode !== 200) throw new Error(`${suffix}: ${r.value.statusCode} ${r.value.body.slice(0, 300)}`);
    return { seconds: round(r.ms / 1000), bytes: r.value.rawPayload.length };
  };
  const xlsx = await exportOf('statement.xlsx');
  const pdf = await exportOf('statement.pdf');
  const zip = await exportOf('invoices.zip');
  const exportsSeconds = round(xlsx.seconds + pdf.seconds + zip.seconds);
  return {
    target,
    serverVersion,
    counts,
    seedSeconds: round(seeding.ms / 1000),
    budget: {
      firstReadWithSharesMs: round(first.ms),
      warmMedianMs: round(sorted[Math.floor(sorted.length / 2)] as number),
      warmMaxMs: round(sorted[sorted.length - 1] as number),
      runs: runs.length,
      responseBytes: first.value.rawPayload.length,
      lines: budget.totals.lines,
      schools: budget.schools.length,
      months: budget.timeline.length,
      aidCents: budget.funders.map((f) => f.aidCents).reduce((a, b) => a + b, 0),
    },
    sharesFirstPageMs: round(shares.ms),
    claim: {
      createSeconds: round(claim.ms / 1000),
      lines: Number(claimLines?.n ?? 0),
      claimedCents: claimBody.claimedCents,
      statementXlsx: xlsx,
      statementPdf: pdf,
      invoicesZip: zip,
      exportsSeconds,
    },
    loadAverageAtEnd: load1m(),
  };
}

async function main() {
  const o = parseOptions();
  const date = new Date();
  const report = {
    benchmark: 'funding',
    description:
      'National-scale programme through the application in one process (Fastify inject): budget view (first read computing the stored shares, then warm reads), first page of the shares, a one-year instalment claim and its exports (statement XLSX and PDF, invoices ZIP)',
    date: date.toISOString(),
    git: await gitCommit(),
    machine: machine(),
    settings: { ...o, targets: o.targets.join(','), pgUrl: undefined },
    versions: {
      pglite: packageVersion('@electric-sql/pglite'),
      pg: packageVersion('pg'),
      exceljs: packageVersion('exceljs'),
      pdfLib: packageVersion('pdf-lib'),
      archiver: packageVersion('archiver'),
    },
    targets: [] as unknown[],
  };
  const table = [
    [
      'target',
      'lines',
      'first read ms',
      'budget ms (median)',
      'budget ms (max)',
      'shares page ms',
      'claim lines',
      'claim s',
      'xlsx s',
      'pdf s',
      'zip s',
      'load',
    ],
  ];
  let failed = false;
  try {
    for (const target of o.targets) {
      const result = await runTarget(target, o);
      report.targets.push(result);
      if ('skipped' in result) {
        console.log(`${target}: skipped — ${result.skipped}`);
        continue;
      }
      table.push([
        target,
        String(result.counts.expenseLines),
        result.budget.firstReadWithSharesMs.toFixed(0),
        result.budget.warmMedianMs.toFixed(0),
        result.budget.warmMaxMs.toFixed(0),
        result.sharesFirstPageMs.toFixed(0),
        String(result.claim.lines),
        result.claim.createSeconds.toFixed(1),
        result.claim.statementXlsx.seconds.toFixed(1),
        result.claim.statementPdf.seconds.toFixed(1),
        result.claim.invoicesZip.seconds.toFixed(1),
        String(result.loadAverageAtEnd),
      ]);
      if (target === 'postgres') {
        const b = result.budget.warmMedianMs < TARGET_BUDGET_MS;
        const e = result.claim.exportsSeconds < TARGET_EXPORTS_S;
        console.log(
          `postgres: budget view < ${TARGET_BUDGET_MS} ms ${b ? 'met' : 'NOT met'}; claim exports < ${TARGET_EXPORTS_S} s ${e ? 'met' : 'NOT met'} (${result.claim.exportsSeconds} s)`,
        );
      }
      await cleanupAll();
    }
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await cleanupAll();
  }
  console.log(`\n${formatTable(table)}`);
  if (failed) process.exit(1);
  console.log(`\nwritten ${writeResult('funding', date, report)}`);
}

main().catch((error) => {
  console.error(error);
  void cleanupAll().then(() => process.exit(1));
});
