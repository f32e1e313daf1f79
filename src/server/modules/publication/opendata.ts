import { stringify } from 'csv-stringify/sync';
import { COST_ITEM_KINDS, FUNDER_KINDS, INDICATOR_SOURCES } from '../../db/schema.ts';
import { neutralise } from '../../http/export.ts';
import { type Lang, type Publication, ROLES, type Role } from './service.ts';

/**
 * The open data: five aggregated, non-personal tables, each served as CSV
 * and JSON at a stable URL and described by a Frictionless Data Package
 * (`datapackage.json`, Data Package v1 with a Table Schema per resource).
 * The data files are the same in both languages (codes, not words; the
 * category names in both); the descriptor and the data dictionary are
 * French by default and English with `?lang=en`.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'year';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly title: Readonly<Record<Lang, string>>;
  readonly description: Readonly<Record<Lang, string>>;
  /** Unit of a measure (a Table Schema extension property, also said in the description). */
  readonly unit?: string;
  readonly required: boolean;
  readonly enum?: readonly string[];
  readonly pattern?: string;
}

export type Row = Record<string, string | number | boolean | null>;

export interface TableDef {
  readonly name: string;
  readonly title: Readonly<Record<Lang, string>>;
  readonly description: Readonly<Record<Lang, string>>;
  readonly fields: readonly FieldDef[];
  readonly primaryKey: readonly string[];
  readonly foreignKeys?: readonly { fields: string[]; reference: { resource: string; fields: string[] } }[];
  readonly rows: (p: Publication) => Row[];
}

const f = (
  name: string,
  type: FieldType,
  fr: [string, string],
  en: [string, string],
  extra: Partial<Pick<FieldDef, 'unit' | 'enum' | 'pattern'>> & { required?: boolean } = {},
): FieldDef => ({
  name,
  type,
  title: { fr: fr[0], en: en[0] },
  description: { fr: fr[1], en: en[1] },
  required: extra.required ?? true,
  ...(extra.unit ? { unit: extra.unit } : {}),
  ...(extra.enum ? { enum: extra.enum } : {}),
  ...(extra.pattern ? { pattern: extra.pattern } : {}),
});

/** Euros with two decimals, from integer cents (exact: cents are integers). */
export const euros = (cents: number) => Math.round(cents) / 100;
const pct = (basisPoints: number | null) => (basisPoints === null ? null : basisPoints / 100);

const ROLE_NAMES: Record<Role, [string, string]> = {
  projection: ['vidéoprojecteurs, VPI, TNI et écrans interactifs', 'projectors, interactive boards and screens'],
  teacher_computer: ['ordinateurs enseignants', 'teacher computers'],
  pupil_device: ['équipements mobiles élèves (tablettes, portables)', 'pupil mobile devices (tablets, laptops)'],
  desktop: ['ordinateurs fixes', 'desktop computers'],
  document_camera: ['visualiseurs', 'document cameras'],
  network_ap: ['bornes wifi', 'wifi access points'],
  network_switch: ['commutateurs réseau', 'network switches'],
  server: ['serveurs', 'servers'],
  printer: ['imprimantes', 'printers'],
  cart: ['classes mobiles (chariots)', 'charging carts'],
  hotspot: ['clés ou routeurs 4G', '4G hotspots'],
  accessory: ['accessoires', 'accessories'],
  other: ['autres équipements', 'other equipment'],
};
const IN_SERVICE_FR = 'en service (déployés, dans une classe mobile ou prêtés à une famille)';
const IN_SERVICE_EN = 'in service (deployed, in a charging cart or lent to a family)';

const UAI = f(
  'uai',
  'string',
  ['UAI', "Code UAI de l'école (Unité administrative immatriculée, 7 chiffres et une lettre de contrôle)"],
  ['UAI', 'School identifier UAI (7 digits and a check letter), as in the Annuaire de l’éducation'],
  { pattern: '^[0-9]{7}[A-Z]$' },
);
const PROGRAMME_ID = f(
  'programme_id',
  'string',
  ['Identifiant du programme', 'Identifiant stable du programme (UUID)'],
  ['Programme id', 'Stable identifier of the programme (UUID)'],
);
const PROGRAMME = f('programme', 'string', ['Programme', 'Nom du programme'], ['Programme', 'Name of the programme']);

export const TABLES: readonly TableDef[] = [
  {
    name: 'schools',
    title: { fr: 'Écoles : équipement et socle numérique', en: 'Schools: equipment and digital baseline' },
    description: {
      fr: "Une ligne par école publique : effectifs, nombre de classes, statut au regard du socle numérique de base (grille en vigueur) et nombre d'équipements en service par catégorie. Identification et localisation des écoles : Annuaire de l'éducation (data.education.gouv.fr).",
      en: 'One row per public school: pupils, classes, status against the digital baseline (grid in force) and number of devices in service per category. School identification and location: Annuaire de l’éducation (data.education.gouv.fr).',
    },
    primaryKey: ['uai'],
    fields: [
      UAI,
      f('name', 'string', ['Nom', "Nom de l'école"], ['Name', 'Name of the school']),
      f(
        'kind',
        'string',
        ['Type', 'maternelle, elementaire, primaire ou application (élémentaire d’application)'],
        ['Kind', 'maternelle (nursery), elementaire, primaire or application'],
        { enum: ['maternelle', 'elementaire', 'primaire', 'application'] },
      ),
      f(
        'priority_education',
        'string',
        ['Éducation prioritaire', 'none (hors éducation prioritaire), REP ou REP+'],
        ['Priority education', 'none, REP or REP+'],
        { enum: ['none', 'REP', 'REP+'] },
      ),
      f('commune', 'string', ['Commune', 'Commune de l’école'], ['Commune', 'Municipality of the school'], {
        required: false,
      }),
      f(
        'latitude',
        'number',
        ['Latitude', 'Latitude WGS 84 en degrés décimaux (vide si inconnue)'],
        ['Latitude', 'WGS 84 latitude in decimal degrees (empty when unknown)'],
        { unit: 'degree', required: false },
      ),
      f(
        'longitude',
        'number',
        ['Longitude', 'Longitude WGS 84 en degrés décimaux (vide si inconnue)'],
        ['Longitude', 'WGS 84 longitude in decimal degrees (empty when unknown)'],
        { unit: 'degree', required: false },
      ),
      f(
        'pupils',
        'integer',
        ['Élèves', 'Nombre d’élèves de la dernière rentrée connue (vide si inconnu)'],
        ['Pupils', 'Number of pupils of the latest known school year (empty when unknown)'],
        { unit: 'pupils', required: false },
      ),
      f(
        'classes',
        'integer',
        ['Classes', 'Nombre de classes de la dernière rentrée connue'],
        ['Classes', 'Number of classes of the latest known school year'],
        { unit: 'classes' },
      ),
      f(
        'in_baseline_scope',
        'boolean',
        ['Dans le périmètre du socle', 'true si le type d’école relève de la grille du socle numérique en vigueur'],
        ['In baseline scope', 'true when the kind of school is covered by the baseline grid in force'],
      ),
      f(
        'at_baseline',
        'boolean',
        ['Au socle', 'true si l’école atteint le socle numérique de base (tous les critères requis remplis)'],
        ['At baseline', 'true when the school reaches the digital baseline (every required criterion met)'],
      ),
      f(
        'baseline_score_pct',
        'number',
        ['Score socle (%)', 'Part pondérée des critères du socle remplis, en pourcentage'],
        ['Baseline score (%)', 'Weighted share of the baseline criteria met, in percent'],
        { unit: 'percent' },
      ),
      f(
        'classes_at_baseline',
        'integer',
        ['Classes au socle', 'Classes qui remplissent tous les critères de niveau classe'],
        ['Classes at baseline', 'Classes meeting every class-level criterion'],
        { unit: 'classes' },
      ),
      ...ROLES.map((role) =>
        f(
          `devices_${role}`,
          'integer',
          [`Équipements : ${ROLE_NAMES[role][0]}`, `Nombre de ${ROLE_NAMES[role][0]} ${IN_SERVICE_FR}`],
          [`Devices: ${ROLE_NAMES[role][1]}`, `Number of ${ROLE_NAMES[role][1]} ${IN_SERVICE_EN}`],
          { unit: 'devices' },
        ),
      ),
      f(
        'devices_total',
        'integer',
        ['Équipements en service', `Nombre total d'équipements ${IN_SERVICE_FR}`],
        ['Devices in service', `Total number of devices ${IN_SERVICE_EN}`],
        { unit: 'devices' },
      ),
    ],
    rows: (p) =>
      p.schools.map((s) => ({
        uai: s.uai,
        name: s.name,
        kind: s.kind,
        priority_education: s.priorityEducation,
        commune: s.commune,
        latitude: s.latitude,
        longitude: s.longitude,
        pupils: s.pupils,
        classes: s.classes,
        in_baseline_scope: s.inScope,
        at_baseline: s.atSocle,
        baseline_score_pct: s.scorePct,
        classes_at_baseline: s.classesAtSocle,
        ...Object.fromEntries(ROLES.map((role) => [`devices_${role}`, s.devices[role]])),
        devices_total: s.devicesTotal,
      })),
  },
  {
    name: 'equipment',
    title: { fr: 'Équipements en service par école et catégorie', en: 'Devices in service per school and category' },
    description: {
      fr: `Nombre d'équipements ${IN_SERVICE_FR}, par école et par catégorie du catalogue de la collectivité.`,
      en: `Number of devices ${IN_SERVICE_EN}, per school and per category of the organisation's catalogue.`,
    },
    primaryKey: ['uai', 'category_code'],
    foreignKeys: [{ fields: ['uai'], reference: { resource: 'schools', fields: ['uai'] } }],
    fields: [
      UAI,
      f('category_code', 'string', ['Code catégorie', 'Code de la catégorie'], ['Category code', 'Category code']),
      f(
        'category_name_fr',
        'string',
        ['Catégorie (français)', 'Nom de la catégorie en français'],
        ['Category (French)', 'Name of the category in French'],
      ),
      f(
        'category_name_en',
        'string',
        ['Catégorie (anglais)', 'Nom de la catégorie en anglais'],
        ['Category (English)', 'Name of the category in English'],
      ),
      f(
        'role',
        'string',
        ['Rôle', 'Famille de la catégorie (mêmes codes que les colonnes devices_* de schools)'],
        ['Role', 'Family of the category (the same codes as the devices_* columns of schools)'],
        { enum: ROLES },
      ),
      f(
        'in_service',
        'integer',
        ['En service', `Nombre d'équipements ${IN_SERVICE_FR}`],
        ['In service', `Number of devices ${IN_SERVICE_EN}`],
        { unit: 'devices' },
      ),
    ],
    rows: (p) =>
      p.equipment.map((e) => ({
        uai: e.uai,
        category_code: e.code,
        category_name_fr: e.nameFr,
        category_name_en: e.nameEn,
        role: e.role,
        in_service: e.count,
      })),
  },
  {
    name: 'expenses',
    title: { fr: 'Dépenses des programmes par poste et par année', en: 'Programme expenses per cost item and year' },
    description: {
      fr: 'Dépenses enregistrées des programmes, hors taxes, agrégées par poste de dépense et par année de facture (aucune facture ni fournisseur individuel).',
      en: 'Recorded programme expenses, excluding VAT, aggregated per cost item and invoice year (no single invoice or supplier).',
    },
    primaryKey: ['programme_id', 'cost_item_code', 'year'],
    fields: [
      PROGRAMME_ID,
      PROGRAMME,
      f(
        'cost_item_code',
        'string',
        ['Code du poste', 'Code du poste de dépense'],
        ['Cost item code', 'Cost item code'],
      ),
      f('cost_item', 'string', ['Poste', 'Libellé du poste de dépense'], ['Cost item', 'Label of the cost item']),
      f(
        'cost_item_kind',
        'string',
        ['Nature du poste', 'Nature du poste (équipement, travaux, services, formation, communication, autre)'],
        ['Cost item kind', 'Kind of cost item (equipment, works, services, training, communication, other)'],
        { enum: COST_ITEM_KINDS },
      ),
      f('year', 'year', ['Année', 'Année de la date de facture'], ['Year', 'Year of the invoice date']),
      f(
        'lines',
        'integer',
        ['Lignes', 'Nombre de lignes de dépense agrégées'],
        ['Lines', 'Number of expense lines aggregated'],
      ),
      f(
        'amount_ht_eur',
        'number',
        ['Montant HT (€)', 'Montant hors taxes, en euros'],
        ['Amount excl. VAT (€)', 'Amount excluding VAT, in euros'],
        { unit: 'EUR' },
      ),
      f(
        'eligible_eur',
        'number',
        ['Éligible (€)', 'Part éligible au cofinancement, hors taxes, en euros'],
        ['Eligible (€)', 'Part eligible for co-funding, excluding VAT, in euros'],
        { unit: 'EUR' },
      ),
    ],
    rows: (p) =>
      p.programmes.flatMap((prog) =>
        prog.expenses.map((e) => ({
          programme_id: prog.id,
          programme: prog.name,
          cost_item_code: e.costItemCode,
          cost_item: e.costItemLabel,
          cost_item_kind: e.costItemKind,
          year: e.year,
          lines: e.lines,
          amount_ht_eur: euros(e.htCents),
          eligible_eur: euros(e.eligibleCents),
        })),
      ),
  },
  {
    name: 'funding',
    title: { fr: 'Plan de financement des programmes', en: 'Programme funding plan' },
    description: {
      fr: 'Répartition des dépenses éligibles entre les financeurs (aide calculée selon les conventions) et la part de la collectivité, en euros hors taxes.',
      en: 'Split of the eligible expenses between the funders (aid computed from the conventions) and the owner’s share, in euros excluding VAT.',
    },
    primaryKey: ['programme_id', 'rank'],
    fields: [
      PROGRAMME_ID,
      PROGRAMME,
      f(
        'rank',
        'integer',
        ['Rang', 'Ordre du financeur (la collectivité en dernier)'],
        ['Rank', 'Order of the funder (the owner last)'],
      ),
      f('funder', 'string', ['Financeur', 'Nom du financeur'], ['Funder', 'Name of the funder']),
      f(
        'funder_kind',
        'string',
        ['Type de financeur', 'eu_feder, eu_react, state_snee, … ; owner pour la part de la collectivité'],
        ['Funder kind', 'eu_feder, eu_react, state_snee, …; owner for the owner’s share'],
        { enum: [...FUNDER_KINDS, 'owner'] },
      ),
      f(
        'amount_eur',
        'number',
        ['Montant (€)', 'Montant pris en charge, hors taxes, en euros'],
        ['Amount (€)', 'Amount borne, excluding VAT, in euros'],
        { unit: 'EUR' },
      ),
      f(
        'share_pct',
        'number',
        ['Part (%)', 'Part des dépenses éligibles, en pourcentage'],
        ['Share (%)', 'Share of the eligible expenses, in percent'],
        { unit: 'percent' },
      ),
    ],
    rows: (p) =>
      p.programmes.flatMap((prog) => [
        ...prog.funders.map((fu, i) => ({
          programme_id: prog.id,
          programme: prog.name,
          rank: i + 1,
          funder: fu.name,
          funder_kind: fu.kind,
          amount_eur: euros(fu.aidCents),
          share_pct: pct(fu.shareBp),
        })),
        {
          programme_id: prog.id,
          programme: prog.name,
          rank: prog.funders.length + 1,
          funder: p.organisation.name,
          funder_kind: 'owner',
          amount_eur: euros(prog.ownerCents),
          share_pct: pct(prog.ownerShareBp),
        },
      ]),
  },
  {
    name: 'indicators',
    title: { fr: 'Indicateurs des programmes', en: 'Programme indicators' },
    description: {
      fr: 'Indicateurs de réalisation des programmes : valeur de référence, cible, valeur atteinte et part de la cible. Les valeurs calculées le sont à partir de l’inventaire, des classes et de la formation.',
      en: 'Programme output indicators: baseline, target, value reached and share of the target. Computed values come from the inventory, the classes and the training records.',
    },
    primaryKey: ['programme_id', 'code'],
    fields: [
      PROGRAMME_ID,
      PROGRAMME,
      f('code', 'string', ['Code', 'Code de l’indicateur'], ['Code', 'Indicator code']),
      f('label', 'string', ['Libellé', 'Libellé de l’indicateur'], ['Label', 'Label of the indicator']),
      f('unit', 'string', ['Unité', 'Unité de mesure'], ['Unit', 'Unit of measure'], { required: false }),
      f(
        'source',
        'string',
        ['Source', 'Mode de calcul (manual : saisi)'],
        ['Source', 'How it is computed (manual: entered)'],
        { enum: INDICATOR_SOURCES },
      ),
      f('baseline', 'integer', ['Référence', 'Valeur de référence'], ['Baseline', 'Baseline value']),
      f('target', 'integer', ['Cible', 'Valeur cible'], ['Target', 'Target value']),
      f(
        'value',
        'integer',
        ['Valeur', 'Valeur atteinte (vide si non renseignée)'],
        ['Value', 'Value reached (empty when not known)'],
        { required: false },
      ),
      f(
        'reached_pct',
        'number',
        ['Atteinte (%)', 'Valeur / cible, en pourcentage'],
        ['Reached (%)', 'Value / target, in percent'],
        { unit: 'percent', required: false },
      ),
    ],
    rows: (p) =>
      p.programmes.flatMap((prog) =>
        prog.indicators.map((i) => ({
          programme_id: prog.id,
          programme: prog.name,
          code: i.code,
          label: i.label,
          unit: i.unit,
          source: i.source,
          baseline: i.baseline,
          target: i.target,
          value: i.value,
          reached_pct: pct(i.reachedBp),
        })),
      ),
  },
];

export const TABLE_NAMES = TABLES.map((t) => t.name);
export const tableNamed = (name: string) => TABLES.find((t) => t.name === name);

/** A cell as CSV text: booleans as true/false, null as empty, text neutralised (no spreadsheet formula). */
function cell(field: FieldDef, value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return field.type === 'string' ? String(neutralise(value)) : value;
}

/** RFC 4180 CSV (comma, double quotes, CRLF, UTF-8 without BOM): the Frictionless default dialect. */
export function tableCsv(table: TableDef, p: Publication): string {
  const data = table.rows(p);
  return stringify([table.fields.map((x) => x.name), ...data.map((r) => table.fields.map((x) => cell(x, r[x.name])))], {
    record_delimiter: 'windows',
  });
}

/** The same rows as JSON objects; text fields neutralised like the CSV. */
export function tableJson(table: TableDef, p: Publication): Row[] {
  return table.rows(p).map((r) =>
    Object.fromEntries(
      table.fields.map((x) => {
        const v = r[x.name] ?? null;
        return [x.name, x.type === 'string' && typeof v === 'string' ? (neutralise(v) as string) : v];
      }),
    ),
  );
}

/** The Table Schema of a table, in one language. */
export function tableSchema(table: TableDef, lang: Lang) {
  return {
    fields: table.fields.map((x) => ({
      name: x.name,
      type: x.type,
      ...(x.type === 'number' ? { bareNumber: true } : {}),
      title: x.title[lang],
      description: x.unit
        ? `${x.description[lang]} (${lang === 'fr' ? 'unité' : 'unit'} : ${x.unit})`
        : x.description[lang],
      ...(x.unit ? { unit: x.unit } : {}),
      constraints: {
        required: x.required,
        ...(x.enum ? { enum: [...x.enum] } : {}),
        ...(x.pattern ? { pattern: x.pattern } : {}),
      },
    })),
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys.map((k) => ({ ...k })) } : {}),
    missingValues: [''],
  };
}

export const LICENCE = {
  name: 'etalab-2.0',
  path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  title: 'Licence Ouverte / Open Licence version 2.0',
};

export const REFERENCE_SOURCES = [
  {
    title: 'Annuaire de l’éducation — Ministère de l’Éducation nationale (data.education.gouv.fr)',
    path: 'https://data.education.gouv.fr/explore/dataset/fr-en-annuaire-education/',
  },
  {
    title:
      'Effectifs d’élèves par niveau et nombre de classes par école — Ministère de l’Éducation nationale (data.education.gouv.fr)',
    path: 'https://data.education.gouv.fr/explore/dataset/fr-en-ecoles-effectifs-nb_classes/',
  },
];

/**
 * The Frictionless descriptor (Data Package v1, tabular profile). Resource
 * paths are relative to the descriptor (`schools.csv` next to
 * `datapackage.json`), so a mirror of the folder stays valid; `homepage` is
 * the public page, `origin` the scheme and host it is served from.
 */
export function dataPackage(p: Publication, lang: Lang, origin: string) {
  const org = p.organisation;
  return {
    profile: 'tabular-data-package',
    name: `socle-${org.slug}`,
    title:
      lang === 'fr'
        ? `Plan numérique des écoles — ${org.name} : données ouvertes`
        : `Schools’ digital plan — ${org.name}: open data`,
    description:
      lang === 'fr'
        ? `Données agrégées et non personnelles du plan numérique des écoles de ${org.name} : écoles (équipement, socle numérique), équipements par catégorie, dépenses par poste et par année, plan de financement et indicateurs. Chiffres calculés le ${p.on}.${org.demo ? ' Données de démonstration générées.' : ''}`
        : `Aggregated, non-personal data of the schools’ digital plan of ${org.name}: schools (equipment, digital baseline), devices per category, expenses per cost item and year, funding plan and indicators. Figures computed on ${p.on}.${org.demo ? ' Generated demonstration data.' : ''}`,
    homepage: `${origin}/public/${org.slug}${lang === 'en' ? '?lang=en' : ''}`,
    created: new Date().toISOString(),
    keywords: ['école', 'numérique', 'socle numérique', 'FEDER', 'open data', org.slug],
    licenses: [LICENCE],
    sources: REFERENCE_SOURCES,
    contributors: [{ title: org.name, role: 'publisher' }],
    resources: TABLES.map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      path: `${t.name}.csv`,
      title: t.title[lang],
      description: t.description[lang],
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
      licenses: [LICENCE],
      schema: tableSchema(t, lang),
    })),
  };
}
