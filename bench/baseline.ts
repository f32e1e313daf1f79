import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { type Database, rows } from '../src/server/db/connection.ts';
import { forgetAll } from '../src/server/modules/baseline/cache.ts';
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
 * Benchmark `baseline`: the socle numérique of a large territory — by
 * default 2,000 écoles élémentaires, ~20,000 classes each with its room,
 * a projector and a teacher laptop (a few missing), carts of tablets,
 * access points, network facts and subscriptions (~150,000 assets) —
 * through the application in one process (Fastify `inject`): the
 * compliance table of every school (computed: the results kept between
 * reads are dropped before each read; and served from them), one school's
 * detail, the gap report, its XLSX and PDF, and a planner run.
 *
 *   node --import tsx bench/baseline.ts [--targets postgres,pglite] [--schools 2000] [--runs 5]
 */

const USAGE = `Usage: node --import tsx bench/baseline.ts [options]
  --targets <list>   comma-separated: postgres,pglite (default postgres,pglite)
  --schools <n>      écoles élémentaires (default 2000)
  --runs <n>         warm reads of each route (default 5; median and max reported)
  --pg-url <url>     PostgreSQL admin URL used to create and drop the bench database
  --help`;

function parseOptions() {
  return parseBenchOptions(USAGE, { targets: 'postgres,pglite', ints: { schools: '2000', runs: '5' } });
}
type Options = ReturnType<typeof parseOptions>;

const MODELS: [code: string, name: string, price: number, install: number][] = [
  ['vpi', 'VPI banc', 160_000, 50_000],
  ['teacher_laptop', 'Portable enseignant banc', 30_000, 0],
  ['tablet', 'Tablette banc', 35_000, 0],
  ['charging_cart', 'Classe mobile banc', 150_000, 0],
  ['wifi_ap', 'Borne banc', 15_000, 15_000],
];

/** The dataset, inserted as the owner (like an import): see the header. */
export async function seed(db: Database, o: Pick<Options, 'schools'>) {
  const random = prng(20261128);
  const org = await createOrganisation(db, 'Territoire de banc d’essai');
  const manager = await createUser(db, org.id, { roles: ['manager'] });
  // The default catalogue (the first request of an organisation creates it in the app; here by hand).
  const { ensureDefaultCatalogue } = await import('../src/server/modules/inventory/catalogue.ts');
  await db.withOrg({ organisationId: org.id, userId: null, actorKind: 'system', requestId: null }, (scope) =>
    ensureDefaultCatalogue(scope),
  );
  const cats = await rows<{ id: string; code: string }>(
    db.owner,
    sql`select id, code from asset_categories where organisation_id = ${org.id}`,
  );
  const catId = new Map(cats.map((c) => [c.code, c.id]));
  const modelId = new Map<string, string>();
  for (const [code, name, price, install] of MODELS) {
    const [m] = await rows<{ id: string }>(
      db.owner,
      sql`insert into asset_models (organisation_id, category_id, name, unit_price_cents, install_cost_cents)
          values (${org.id}, ${catId.get(code)}, ${name}, ${price}, ${install}) returning id`,
    );
    modelId.set(code, m?.id as string);
  }
  const [service] = await rows<{ id: string }>(
    db.owner,
    sql`insert into digital_services (organisation_id, name, kind, pricing, unit_price_cents)
        values (${org.id}, 'ENT banc', 'ent', 'per_school', 0) returning id`,
  );
  const [resources] = await rows<{ id: string }>(
    db.owner,
    sql`insert into digital_services (organisation_id, name, kind, pricing, unit_price_cents)
        values (${org.id}, 'Ressources banc', 'resources', 'per_pupil', 350) returning id`,
  );

  const schoolRows = Array.from({ length: o.schools }, (_, i) => ({
    id: crypto.randomUUID(),
    organisation_id: org.id,
    uai: uai(7_000_000 + i),
    name: `École élémentaire ${i + 1}`,
    kind: 'elementaire',
    priority_education: i % 10 === 0 ? 'REP+' : i % 7 === 0 ? 'REP' : 'none',
    ips: String(70 + Math.floor(random() * 60)),
    latitude: 43 + random() * 6,
    longitude: -1 + random() * 7,
  }));
  await insertJson(
    db,
    'schools',
    'id, organisation_id, uai, name, kind, priority_education, ips, latitude, longitude',
    'id uuid, organisation_id uuid, uai text, name text, kind text, priority_education text, ips numeric, latitude float8, longitude float8',
    schoolRows,
  );
  const classes: object[] = [];
  const roomsRows: object[] = [];
  const assets: object[] = [];
  const years: object[] = [];
  const networks: object[] = [];
  const subs: object[] = [];
  let tag = 0;
  const asset = (code: string, status: string, extra: Record<string, unknown>) =>
    assets.push({
      id: crypto.randomUUID(),
      organisation_id: org.id,
      tag: `B-${++tag}`,
      model_id: modelId.get(code),
      status,
      purchase_date: `${2018 + Math.floor(random() * 6)}-06-15`,
      mdm_enrolled: code === 'tablet',
      wifi_switchable_off: code === 'wifi_ap' ? random() < 0.97 : null,
      generated: true,
      school_id: null,
      room_id: null,
      class_id: null,
      cart_id: null,
      ...extra,
    });
  for (const s of schoolRows) {
    const n = 5 + Math.floor(random() * 11);
    years.push({ organisation_id: org.id, school_id: s.id, year: 2026, pupils: n * 24, classes_count: n });
    networks.push({
      organisation_id: org.id,
      school_id: s.id,
      internet_access: 'fibre',
      bandwidth_down_mbps: random() < 0.9 ? 100 : 20,
      wifi_present: true,
    });
    if (random() < 0.95)
      subs.push({ organisation_id: org.id, school_id: s.id, service_id: service?.id, starts_on: '2021-09-01' });
    if (random() < 0.85)
      subs.push({ organisation_id: org.id, school_id: s.id, service_id: resources?.id, starts_on: '2021-09-01' });
    for (let k = 0; k < n; k++) {
      const roomId = crypto.randomUUID();
      const classId = crypto.randomUUID();
      roomsRows.push({ id: roomId, organisation_id: org.id, school_id: s.id, name: `Salle ${k + 1}` });
      classes.push({
        id: classId,
        organisation_id: org.id,
        school_id: s.id,
        year: 2026,
        name: `Classe ${k + 1}`,
        pupils: 24,
        room_id: roomId,
      });
      if (random() < 0.98) asset('vpi', 'deployed', { school_id: s.id, room_id: roomId });
      if (random() < 0.98) asset('teacher_laptop', 'deployed', { school_id: s.id, class_id: classId });
      asset('wifi_ap', 'deployed', { school_id: s.id, room_id: roomId });
    }
    const carts = Math.max(1, Math.round(n / 6));
    for (let c = 0; c < carts; c++) {
      const cartId = crypto.randomUUID();
      asset('charging_cart', 'deployed', { id: cartId, school_id: s.id });
      const tablets = 13 + Math.floor(random() * 4);
      for (let t = 0; t < tablets; t++)
        asset('tablet', random() < 0.03 ? 'on_loan' : 'in_cart', { school_id: s.id, cart_id: null, _cart: cartId });
    }
  }
  // Tablets in a cart carry its id (status in_cart); those on loan do not.
  for (const a of assets as Record<string, unknown>[]) {
    if (a._cart && a.status === 'in_cart') a.cart_id = a._cart;
    delete a._cart;
  }
  await insertJson(
    db,
    'rooms',
    'id, organisation_id, school_id, name',
    'id uuid, organisation_id uuid, school_id uuid, name text',
    roomsRows,
  );
  await insertJson(
    db,
    'classes',
    'id, organisation_id, school_id, year, name, pupils, room_id',
    'id uuid, organisation_id uuid, school_id uuid, year int, name text, pupils int, room_id uuid',
    classes,
  );
  await insertJson(
    db,
    'school_years',
    'organisation_id, school_id, year, pupils, classes_count',
    'organisation_id uuid, school_id uuid, year int, pupils int, classes_count int',
    years,
  );
  await insertJson(
    db,
    'school_networks',
    'organisation_id, school_id, internet_access, bandwidth_down_mbps, wifi_present',
    'organisation_id uuid, school_id uuid, internet_access text, bandwidth_down_mbps numeric, wifi_present boolean',
    networks,
  );
  await insertJson(
    db,
    'school_subscriptions',
    'organisation_id, school_id, service_id, starts_on',
    'organisation_id uuid, school_id uuid, service_id uuid, starts_on date',
    subs,
  );
  const cols =
    'id, organisation_id, tag, model_id, status, purchase_date, mdm_enrolled, wifi_switchable_off, generated, school_id, room_id, class_id, cart_id';
  const types =
    'id uuid, organisation_id uuid, tag text, model_id uuid, status text, purchase_date date, mdm_enrolled boolean, wifi_switchable_off boolean, generated boolean, school_id uuid, room_id uuid, class_id uuid, cart_id uuid';
  // Carts before the tablets that point at them.
  const isCart = (a: Record<string, unknown>) => a.model_id === modelId.get('charging_cart');
  await insertJson(db, 'assets', cols, types, (assets as Record<string, unknown>[]).filter(isCart));
  await insertJson(
    db,
    'assets',
    cols,
    types,
    (assets as Record<string, unknown>[]).filter((a) => !isCart(a)),
  );
  // Statistics as the server keeps them: autovacuum on PostgreSQL, the hourly `db-analyze` job on PGlite.
  await db.owner.execute(sql`ANALYZE`);
  return {
    manager,
    firstSchoolId: schoolRows[0]?.id as string,
    counts: { schools: schoolRows.length, classes: classes.length, assets: assets.length, subscriptions: subs.length },
  };
}

function stats(runs: number[]) {
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    medianMs: round(sorted[Math.floor(sorted.length / 2)] as number),
    maxMs: round(sorted[sorted.length - 1] as number),
  };
}

async function runTarget(target: 'pglite' | 'postgres', o: Options) {
  const opened = await openBenchDatabase(target, o.pgUrl, 'baseline');
  if ('skipped' in opened) return { target, skipped: opened.skipped };
  const { db, config, secrets, serverVersion } = opened;
  const seeding = await timed(() => seed(db, o));
  const { manager, firstSchoolId, counts } = seeding.value;
  console.log(`${target}: dataset seeded in ${(seeding.ms / 1000).toFixed(1)} s (load ${load1m()})`, counts);

  const app = await buildApp({ config, db, jobs: null, secrets }, { webDir: null, logger: false });
  await app.ready();
  onCleanup(() => app.close());
  const agent = new Agent(app);
  await agent.login(manager.email, PASSWORD);

  // Computed: the results kept between reads (baseline/cache.ts) are dropped before each read, so every
  // figure is an evaluation of every school, comparable with the runs before the cache; `kept`: served from it.
  const measure = async (name: string, fn: () => ReturnType<Agent['get']>, kept = false) => {
    const runs: number[] = [];
    let bytes = 0;
    let first = 0;
    for (let i = 0; i <= o.runs; i++) {
      if (!kept) forgetAll();
      const r = await timed(fn);
      if (r.value.statusCode !== 200) throw new Error(`${name}: ${r.value.statusCode} ${r.value.body.slice(0, 300)}`);
      if (i === 0) {
        first = r.ms;
        bytes = r.value.rawPayload.length;
      } else runs.push(r.ms);
    }
    const s = { firstMs: round(first), ...stats(runs), bytes };
    console.log(
      `${target}: ${name} first ${s.firstMs} ms, median ${s.medianMs} ms, max ${s.maxMs} ms (${bytes} bytes)`,
    );
    return s;
  };
  const compliance = await measure('compliance', () => agent.get('/api/baseline/compliance'));
  const complianceKept = await measure('compliance (kept)', () => agent.get('/api/baseline/compliance'), true);
  const body = (await agent.get('/api/baseline/compliance')).json() as { totals: { atSocle: number; schools: number } };
  const school = await measure('school', () => agent.get(`/api/baseline/schools/${firstSchoolId}`));
  const gap = await measure('gap', () => agent.get('/api/baseline/gap'));
  const gapXlsx = await measure('gap.xlsx', () => agent.get('/api/baseline/gap.xlsx?lang=fr'));
  const gapPdf = await measure('gap.pdf', () => agent.get('/api/baseline/gap.pdf?lang=fr'));
  const planInput = {
    budgetCents: 500_000_000,
    budgetBasis: 'own_share',
    objective: 'classes',
    weights: { repPlus: 2, rep: 1, lowIps: 1, lowDevices: 1, oldEquipment: 1 },
    funders: [
      {
        name: 'SNEE',
        rules: {
          equipment: {
            kind: 'tiered',
            mode: 'per_tranche',
            tiers: [
              { upToCents: 20_000_000, rateBp: 7000 },
              { upToCents: 100_000_000, rateBp: 5000 },
            ],
          },
          service: { kind: 'flat', rateBp: 5000 },
        },
      },
    ],
  };
  const plan = await measure('plan preview', () => agent.post('/api/baseline/plans/preview', planInput));
  return {
    target,
    serverVersion,
    counts,
    seedSeconds: round(seeding.ms / 1000),
    atSocle: body.totals.atSocle,
    inScope: body.totals.schools,
    compliance,
    complianceKept,
    school,
    gap,
    gapXlsx,
    gapPdf,
    plan,
    loadAverageAtEnd: load1m(),
  };
}

async function main() {
  const o = parseOptions();
  const date = new Date();
  const report = {
    benchmark: 'baseline',
    description:
      'Socle numérique of a large territory through the application in one process (Fastify inject): compliance of every school computed live (results kept between reads dropped before each read) and served from the kept results, one school, the gap report and its XLSX/PDF, a planner run',
    date: date.toISOString(),
    git: await gitCommit(),
    machine: machine(),
    settings: { ...o, targets: o.targets.join(','), pgUrl: undefined },
    versions: { pglite: packageVersion('@electric-sql/pglite'), pg: packageVersion('pg') },
    targets: [] as unknown[],
  };
  const table = [
    ['target', 'schools', 'assets', 'compliance ms', 'kept ms', 'school ms', 'gap ms', 'xlsx ms', 'pdf ms', 'plan ms'],
  ];
  let failed = false;
  try {
    for (const target of o.targets) {
      const r = await runTarget(target, o);
      report.targets.push(r);
      if ('skipped' in r) {
        console.log(`${target}: skipped — ${r.skipped}`);
        continue;
      }
      table.push([
        target,
        String(r.counts.schools),
        String(r.counts.assets),
        `${r.compliance.medianMs} (first ${r.compliance.firstMs})`,
        String(r.complianceKept.medianMs),
        String(r.school.medianMs),
        String(r.gap.medianMs),
        String(r.gapXlsx.medianMs),
        String(r.gapPdf.medianMs),
        String(r.plan.medianMs),
      ]);
      await cleanupAll();
    }
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await cleanupAll();
  }
  console.log(formatTable(table));
  if (!failed) console.log(`written ${writeResult('baseline', date, report)}`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
