import crypto from 'node:crypto';
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/**
 * The data of the `inventory` benchmark (bench/README.md), generated — not
 * what the benchmark measures:
 *
 * - the national inventory, straight in the database: a catalogue of
 *   plausible models, then `assets` devices spread over every school of the
 *   organisation, with one `created` event each, by a handful of INSERT …
 *   SELECT FROM generate_series statements run as the table owner.
 *   Deterministic: every choice is a hash of the row number and the seed
 *   (`hashint8`, the same on PostgreSQL and PGlite), so a seed gives the same
 *   inventory on both engines and from run to run; only the uuids differ;
 * - the CSV file the benchmark imports (`writeImportCsv`), in Socle's export
 *   layout, from a seeded PRNG, the school list and the catalogue.
 */

export interface FixtureOptions {
  organisationId: string;
  /** Assets in all (carts and their tablets included). */
  assets: number;
  seed: number;
}

/** Catalogue of the fixture: default category code, manufacturer, model name, unit price HT (cents), weight ‰. */
export const FIXTURE_MODELS = [
  ['tablet', 'Apple', 'Apple iPad 10,2" Wi-Fi 64 Go', 35000, 170],
  ['tablet', 'Samsung', 'Samsung Galaxy Tab A9+ 64 Go', 24000, 90],
  ['pupil_laptop', 'Lenovo', 'Lenovo 300e Chromebook Gen 4', 32000, 90],
  ['pupil_laptop', 'Acer', 'Acer TravelMate B3 Spin', 38000, 60],
  ['teacher_laptop', 'Acer', 'Acer TravelMate P2 TMP214', 30000, 80],
  ['teacher_laptop', 'Dell', 'Dell Latitude 3440', 64990, 50],
  ['desktop', 'HP', 'HP ProDesk 400 G9', 55000, 50],
  ['eni', 'Speechi', 'Speechi ENI 65" SPE-65-UC', 270000, 60],
  ['vpi', 'Epson', 'Epson EB-725Wi', 160000, 50],
  ['video_projector', 'Epson', 'Epson EB-W49', 60000, 40],
  ['document_camera', 'IPEVO', 'IPEVO V4K', 9000, 80],
  ['wifi_ap', 'Ubiquiti', 'UniFi U6 Lite', 15000, 80],
  ['switch', 'HPE Aruba', 'Aruba Instant On 1930 24G PoE', 45000, 30],
  ['printer', 'Brother', 'Brother MFC-L3750CDW', 42000, 40],
  ['hotspot_4g', 'Huawei', 'Huawei E5576', 6000, 30],
  ['charging_cart', 'Bretford', 'Classe mobile 16 tablettes', 150000, 0],
] as const;
export const CART_MODEL = 'Classe mobile 16 tablettes';
export const CART_TABLET_MODEL = 'Apple iPad 10,2" Wi-Fi 64 Go';
/** Tablets per charging cart. */
export const TABLETS_PER_CART = 12;

/**
 * Statuses of the assets outside carts, by thousandths, and whether the
 * asset is in a school (else in the city's stock, school_id null).
 */
export const FIXTURE_STATUSES: readonly (readonly [status: string, upTo: number, inSchool: boolean])[] = [
  ['deployed', 780, true],
  ['on_loan', 820, true],
  ['in_repair', 850, true],
  ['in_stock', 900, true],
  ['returned', 910, true],
  ['lost', 915, true],
  ['stolen', 920, true],
  ['retired', 960, true],
  ['in_stock', 980, false],
  ['ordered', 990, false],
  ['preparing', 995, false],
  ['donated', 1000, false],
];

/** How many carts and tablets in carts a fixture of `assets` holds: 1 % carts, 12 tablets each. */
export function fixtureShape(assets: number): { carts: number; inCarts: number; others: number } {
  const carts = Math.floor(assets / 100);
  const inCarts = carts * TABLETS_PER_CART;
  return { carts, inCarts, others: assets - carts - inCarts };
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The statements, in order. Run them in one transaction as the owner, then VACUUM (ANALYZE). */
export function fixtureStatements(o: FixtureOptions): string[] {
  if (!/^[0-9a-f-]{36}$/i.test(o.organisationId)) throw new Error('organisation id is not a uuid');
  if (!Number.isInteger(o.assets) || o.assets < 1) throw new Error('assets must be a positive integer');
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 1_000_000) throw new Error('seed must be 0…1,000,000');
  const org = `'${o.organisationId}'::uuid`;
  const { carts, others } = fixtureShape(o.assets);
  // A non-negative pseudo-random integer below `mod`, from the row number, a salt and the seed.
  const h = (i: string, salt: number, mod: number) =>
    `((hashint8(${i}::bigint * 64 + ${salt} + ${o.seed}::bigint * 1000003)::bigint + 2147483648) % ${mod})`;
  const manufacturers = [...new Set(FIXTURE_MODELS.map((m) => m[1]))];
  const models = FIXTURE_MODELS.map(
    ([code, maker, name, price, weight], idx) =>
      `(${idx}, ${sqlText(code)}, ${sqlText(maker)}, ${sqlText(name)}, ${price}, ${weight})`,
  ).join(',\n      ');
  const statusCase = (u: string) =>
    `CASE ${FIXTURE_STATUSES.map(([s, upTo]) => `WHEN ${u} < ${upTo} THEN '${s}'`).join(' ')} END`;
  const inSchoolBelow = Math.max(...FIXTURE_STATUSES.filter((s) => s[2]).map((s) => s[1]));
  // The same serial can never come twice: i ↦ i × 2654435761 mod 2^32 is a bijection.
  const serial = (i: string, prefix: string) =>
    `'${prefix}' || upper(lpad(to_hex((${i}::bigint * 2654435761) % 4294967296), 8, '0'))`;
  const tag = (i: string, date: string) => `'B-' || extract(year FROM ${date})::int || '-' || lpad(${i}::text, 7, '0')`;
  const purchase = (i: string) => `(date '2018-01-01' + ${h(i, 5, 2555)}::int)`;

  return [
    `INSERT INTO manufacturers (organisation_id, name) VALUES ${manufacturers.map((m) => `(${org}, ${sqlText(m)})`).join(', ')}
       ON CONFLICT DO NOTHING`,
    `INSERT INTO asset_models (organisation_id, category_id, manufacturer_id, name, unit_price_cents, expected_life_years)
       SELECT ${org}, c.id, f.id, v.name, v.price, 6
         FROM (VALUES
      ${models}) AS v(idx, code, maker, name, price, weight)
         JOIN asset_categories c ON c.organisation_id = ${org} AND c.code = v.code
         JOIN manufacturers f ON f.organisation_id = ${org} AND f.name = v.maker`,
    `CREATE TEMP TABLE bench_models ON COMMIT DROP AS
       SELECT v.idx, v.weight, v.price, m.id AS model_id, m.name
         FROM (VALUES
      ${models}) AS v(idx, code, maker, name, price, weight)
         JOIN asset_models m ON m.organisation_id = ${org} AND m.name = v.name`,
    // One row per thousandth: slot → model, by weight.
    `CREATE TEMP TABLE bench_slots ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY b.idx, g) - 1)::int AS slot, b.model_id, b.price
         FROM bench_models b CROSS JOIN LATERAL generate_series(1, b.weight) g`,
    `CREATE TEMP TABLE bench_schools ON COMMIT DROP AS
       SELECT (row_number() OVER (ORDER BY uai) - 1)::int AS n, id FROM schools WHERE organisation_id = ${org}`,
    `CREATE UNIQUE INDEX ON bench_schools (n)`,
    // Everything outside carts: model by weight, school uniformly, status by thousandths.
    `INSERT INTO assets (organisation_id, tag, serial, model_id, status, school_id, purchase_date, purchase_price_cents,
                         supplier, order_ref, warranty_end, mdm_enrolled, generated)
       SELECT ${org}, ${tag('g.i', 'g.bought')}, ${serial('g.i', 'FX')}, s.model_id, ${statusCase('g.u')},
              CASE WHEN g.u < ${inSchoolBelow} THEN sc.id END, g.bought, s.price,
              (ARRAY['UGAP','Manutan Collectivités','LDLC Pro','Inmac Wstore'])[1 + ${h('g.i', 6, 4)}::int],
              'CMD-' || extract(year FROM g.bought)::int || '-' || lpad((g.i / 40)::text, 5, '0'),
              g.bought + 3 * 365, ${h('g.i', 7, 3)} = 0, true
         FROM (SELECT i, ${h('i', 1, 1000)}::int AS slot, ${h('i', 2, 1000)}::int AS u,
                      ${h('i', 3, 1_000_000_000)} AS school_h, ${purchase('i')} AS bought
                 FROM generate_series(1, ${others}) AS i) g
         JOIN bench_slots s ON s.slot = g.slot
         JOIN bench_schools sc ON sc.n = g.school_h % (SELECT count(*) FROM bench_schools)`,
    // Charging carts, each in a school, and their tablets in them.
    `INSERT INTO assets (organisation_id, tag, serial, model_id, status, school_id, purchase_date, purchase_price_cents,
                         supplier, order_ref, warranty_end, generated)
       SELECT ${org}, ${tag('g.i', 'g.bought')}, ${serial('g.i', 'CM')}, m.model_id, 'deployed', sc.id, g.bought, m.price,
              'UGAP', 'CMD-' || extract(year FROM g.bought)::int || '-C' || lpad(g.i::text, 7, '0'), g.bought + 5 * 365, true
         FROM (SELECT i, ${purchase('i')} AS bought, ${h('i', 3, 1_000_000_000)} AS school_h
                 FROM generate_series(${others + 1}, ${others + carts}) AS i) g
         JOIN bench_models m ON m.name = ${sqlText(CART_MODEL)}
         JOIN bench_schools sc ON sc.n = g.school_h % (SELECT count(*) FROM bench_schools)`,
    `INSERT INTO assets (organisation_id, tag, serial, model_id, status, school_id, cart_id, purchase_date,
                         purchase_price_cents, supplier, order_ref, warranty_end, mdm_enrolled, generated)
       SELECT ${org}, ${tag('t.i', 'c.purchase_date')}, ${serial('t.i', 'FX')}, m.model_id, 'in_cart', c.school_id, c.id,
              c.purchase_date, m.price, c.supplier, c.order_ref, c.warranty_end, true, true
         FROM (SELECT id, school_id, purchase_date, supplier, order_ref, warranty_end,
                      split_part(tag, '-', 3)::int AS i FROM assets
                WHERE organisation_id = ${org} AND serial LIKE 'CM%' AND generated) c
         CROSS JOIN LATERAL generate_series(1, ${TABLETS_PER_CART}) k
         CROSS JOIN LATERAL (SELECT ${others + carts} + (c.i - ${others + 1}) * ${TABLETS_PER_CART} + k AS i) t
         JOIN bench_models m ON m.name = ${sqlText(CART_TABLET_MODEL)}`,
    `INSERT INTO asset_events (organisation_id, asset_id, occurred_at, kind, to_status, to_location, note)
       SELECT organisation_id, id, created_at, 'created', status,
              jsonb_build_object('schoolId', school_id, 'roomId', room_id, 'classId', class_id, 'cartId', cart_id,
                                 'stockLocationId', stock_location_id), 'bench fixture'
         FROM assets WHERE organisation_id = ${org} AND generated`,
  ];
}

/** After the fixture: planner statistics and the visibility map, as a database at rest would have them. */
export const FIXTURE_VACUUM = 'VACUUM (ANALYZE) assets, asset_events, asset_models, manufacturers, schools';

// ---------------------------------------------------------------- the CSV to import

/** Small seeded PRNG (mulberry32), as the demo inventory uses. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Socle's own export layout (GET /api/assets/export), `;`-separated with a BOM. */
const CSV_HEADER = [
  'tag',
  'serial',
  'categorie',
  'modele',
  'fabricant',
  'statut',
  'uai',
  'ecole',
  'salle',
  'classe_mobile',
  'stock',
  'date_achat',
  'prix_achat_ht',
  'fournisseur',
  'commande',
  'facture',
  'fin_garantie',
  'mdm',
  'notes',
];

/** Statuses of the imported rows by thousandths; the last two go to the city's stock (no school). */
const CSV_STATUSES: readonly (readonly [string, number, boolean])[] = [
  ['deployed', 800, true],
  ['in_stock', 880, true],
  ['in_repair', 910, true],
  ['retired', 930, true],
  ['in_stock', 970, false],
  ['ordered', 1000, false],
];

export interface CsvFile {
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
  /** Rows without a tag: the importer numbers them from the organisation's pattern. */
  withoutTag: number;
}

/**
 * Writes the import file: `rows` assets of the catalogue's models in the
 * organisation's schools (by UAI), 5 % without a tag. Depends only on the
 * seed, the school list and the catalogue: the same file on both engines.
 */
export async function writeImportCsv(
  owner: { query<T>(text: string, params?: unknown[]): Promise<T[]> },
  file: string,
  rows: number,
  seed: number,
  /** Tags are `<prefix>-0000001`…, serials `<prefix>` and 8 hex digits: another prefix imports again into the same database. */
  prefix = 'IMP',
): Promise<CsvFile> {
  const schoolRows = await owner.query<{ uai: string; name: string }>('SELECT uai, name FROM schools ORDER BY uai');
  const models = await owner.query<{ name: string; category: string; maker: string | null; price: number }>(
    `SELECT m.name, c.name_fr AS category, f.name AS maker, m.unit_price_cents::int AS price
       FROM asset_models m JOIN asset_categories c ON c.id = m.category_id
       LEFT JOIN manufacturers f ON f.id = m.manufacturer_id
      WHERE c.role <> 'cart' ORDER BY m.name`,
  );
  if (!schoolRows.length || !models.length) throw new Error('no schools or no models to build the CSV from');
  const random = prng(seed * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const fd = fs.openSync(file, 'w');
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let withoutTag = 0;
  const write = (text: string) => {
    const chunk = Buffer.from(text);
    fs.writeSync(fd, chunk);
    hash.update(chunk);
    bytes += chunk.length;
  };
  try {
    write(stringify([CSV_HEADER], { delimiter: ';', bom: true }));
    for (let start = 0; start < rows; start += 1000) {
      const chunk: (string | number)[][] = [];
      for (let i = start; i < Math.min(rows, start + 1000); i++) {
        const n = i + 1;
        const model = pick(models);
        const u = random() * 1000;
        const [status, , inSchool] = CSV_STATUSES.find(([, upTo]) => u < upTo) ?? ['in_stock', 0, false];
        const school = inSchool ? pick(schoolRows) : null;
        const year = 2019 + Math.floor(random() * 7);
        const day = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const noTag = random() < 0.05;
        if (noTag) withoutTag++;
        chunk.push([
          noTag ? '' : `${prefix}-${String(n).padStart(7, '0')}`,
          // Unique per model: n ↦ n × 2654435761 mod 2^32 is a bijection.
          `${prefix}${(Math.imul(n, 2654435761) >>> 0).toString(16).toUpperCase().padStart(8, '0')}`,
          model.category,
          model.name,
          model.maker ?? '',
          status,
          school?.uai ?? '',
          school?.name ?? '',
          '',
          '',
          '',
          day,
          model.price / 100,
          pick(['UGAP', 'Manutan Collectivités', 'LDLC Pro', 'Inmac Wstore']),
          `CMD-${year}-${String(Math.floor(n / 25)).padStart(5, '0')}`,
          `FAC-${year}-${String(Math.floor(n / 25)).padStart(5, '0')}`,
          `${year + 3}${day.slice(4)}`,
          random() < 0.4 ? 'oui' : 'non',
          random() < 0.1 ? 'Reprise de l’inventaire précédent; étiquette à refaire' : '',
        ]);
      }
      write(stringify(chunk, { delimiter: ';' }));
    }
  } finally {
    fs.closeSync(fd);
  }
  return { path: file, rows, bytes, sha256: hash.digest('hex'), withoutTag };
}
