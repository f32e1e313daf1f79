import type { FUNDER_KINDS } from '../../db/schema.ts';
import { type FieldDef, TABLES } from './opendata.ts';
import type { Lang, ProgrammeView, Publication, PublishedOrganisation, Role, SchoolView } from './service.ts';

/**
 * Server-rendered HTML of the public pages: no script at all (the text,
 * figures, map and tables are in the document), one stylesheet from
 * `/public/assets/publication.css` (the CSP allows styles from 'self'),
 * printable. Every text from the database goes through `esc`.
 */

export const STYLESHEET_PATH = '/public/assets/publication.css';

const T = {
  fr: {
    locale: 'fr-FR',
    skip: 'Aller au contenu',
    otherLang: 'English',
    otherLangCode: 'en',
    otherLangLabel: 'Read this page in English',
    pageTitle: (org: string) => `Plan numérique des écoles — ${org}`,
    intro: (org: string) =>
      `Cette page présente le plan numérique des écoles publiques de ${org} : ses objectifs, son calendrier, son coût et son financement, l’avancement de ses indicateurs et l’équipement de chaque école. Elle ne contient que des chiffres agrégés, jamais de données personnelles.`,
    demo: 'Données de démonstration : l’inventaire, les dépenses et les indicateurs de cette instance sont générés.',
    euTitle: 'Cofinancement de l’Union européenne',
    programme: 'Programme',
    description: 'Description',
    objectives: 'Objectifs',
    calendar: 'Calendrier',
    start: 'Début de l’opération',
    end: 'Fin de l’opération',
    completed: 'Achèvement',
    conventionSigned: (funder: string) => `Convention signée avec ${funder}`,
    schoolsInScope: (n: number) => `${n} écoles concernées`,
    amounts: 'Coût et financement',
    amountsCaption: 'Plan de financement (montants hors taxes)',
    totalCost: 'Coût total',
    ht: 'HT',
    funder: 'Financeur',
    amount: 'Montant',
    share: 'Part',
    owner: (org: string) => `${org} (autofinancement)`,
    eligibleNote: (planned: string, eligible: string) =>
      `Budget prévu : ${planned} HT. Dépenses éligibles enregistrées : ${eligible} HT ; l’aide de chaque financeur en est calculée selon sa convention.`,
    costItems: 'Postes de dépense (budget prévu, hors taxes)',
    costItem: 'Poste',
    kind: 'Nature',
    budget: 'Budget prévu',
    eligible: 'Dépenses éligibles',
    indicators: 'Indicateurs : avancement par rapport aux cibles',
    indicator: 'Indicateur',
    baselineValue: 'Référence',
    target: 'Cible',
    value: 'Valeur atteinte',
    reached: 'Part de la cible',
    notKnown: 'non renseignée',
    noIndicator: 'Aucun indicateur n’est encore défini.',
    noProgramme: 'Aucun programme n’est publié pour l’instant.',
    baselineTitle: 'Socle numérique des écoles',
    baselineIntro: (grid: string, version: number) =>
      `Chaque école est évaluée selon la grille « ${grid} » (version ${version}) à partir de l’inventaire, du réseau, des services et de la formation. Une école atteint le socle quand tous les critères requis sont remplis.`,
    baselineSummary: (at: number, all: number) => `${at} écoles sur ${all} atteignent le socle numérique de base`,
    classesSummary: (at: number, all: number) => `${at} classes sur ${all} remplissent les critères de niveau classe`,
    outOfScope: (n: number) => `${n} écoles hors du périmètre de la grille (maternelles)`,
    criteria: 'Critères de la grille',
    mapTitle: 'Carte des écoles',
    mapDesc: (all: number, at: number, not: number, out: number) =>
      `Carte schématique de ${all} écoles positionnées selon leurs coordonnées : ${at} au socle (disques verts), ${not} pas encore au socle (carrés rouges), ${out} hors périmètre (triangles gris). Le tableau des écoles ci-dessous donne les mêmes informations.`,
    mapNoCoords: (n: number) => `${n} écoles sans coordonnées ne figurent pas sur la carte.`,
    mapTableLink: 'Voir le tableau des écoles',
    legend: 'Légende',
    statusAt: 'au socle',
    statusNot: 'pas encore au socle',
    statusOut: 'hors périmètre',
    schoolsTitle: 'Équipement et socle par école',
    schoolsCaption: (n: number) =>
      `${n} écoles : équipements en service (déployés, en classe mobile ou prêtés) et statut au regard du socle`,
    school: 'École',
    uai: 'UAI',
    schoolKind: 'Type',
    priority: 'Éducation prioritaire',
    classes: 'Classes',
    status: 'Socle',
    score: 'Score',
    projection: 'Affichage collectif',
    teacherComputers: 'Postes enseignants',
    pupilDevices: 'Équipements mobiles élèves',
    devicesTotal: 'Total en service',
    openData: 'Données ouvertes',
    openDataIntro:
      'Les données de cette page sont publiées sous la Licence Ouverte / Etalab 2.0, en CSV et en JSON, décrites par un Data Package Frictionless. Les identifiants, noms et coordonnées des écoles proviennent de l’Annuaire de l’éducation (data.education.gouv.fr), les effectifs des données « effectifs et nombre de classes » du ministère de l’Éducation nationale.',
    dictionary: 'Dictionnaire des données',
    descriptor: 'Descripteur datapackage.json',
    licence: 'Licence Ouverte / Etalab 2.0',
    lastUpdate: 'Dernière mise à jour des données',
    computedOn: 'Chiffres calculés le',
    accessibilityShort: 'Déclaration d’accessibilité',
    signIn: 'Espace agents (connexion)',
    yes: 'oui',
    no: 'non',
    kinds: { maternelle: 'maternelle', elementaire: 'élémentaire', primaire: 'primaire', application: 'application' },
    priorities: { none: '—', REP: 'REP', 'REP+': 'REP+' } as Record<string, string>,
    costKinds: {
      equipment: 'équipement',
      infrastructure_works: 'infrastructures et travaux',
      services_resources: 'services et ressources',
      training: 'formation',
      communication: 'communication',
      other: 'autre',
    } as Record<string, string>,
    funderKinds: {
      eu_feder: 'FEDER',
      eu_react: 'FEDER REACT-EU',
      state_snee: 'État (SNEE)',
      state_dsil: 'État (DSIL)',
      departement: 'Département',
      region: 'Région',
      own_funds: 'fonds propres',
      other: 'autre',
    } as Record<(typeof FUNDER_KINDS)[number], string>,
    dict: {
      title: (org: string) => `Dictionnaire des données ouvertes — ${org}`,
      intro:
        'Chaque jeu de données est publié en CSV (UTF-8, séparateur virgule, première ligne d’en-tête) et en JSON (tableau d’objets), aux mêmes adresses stables. Les champs vides sont des valeurs inconnues. Les montants sont en euros hors taxes.',
      field: 'Champ',
      type: 'Type',
      required: 'Obligatoire',
      unit: 'Unité',
      values: 'Valeurs possibles',
      description: 'Description',
      download: 'Télécharger',
      back: 'Retour à la page de transparence',
      primaryKey: 'Clé',
    },
    index: {
      title: 'Pages de transparence publiées',
      intro: 'Les collectivités suivantes publient le plan numérique de leurs écoles :',
      none: 'Aucune collectivité ne publie de page pour l’instant.',
    },
  },
  en: {
    locale: 'en-GB',
    skip: 'Skip to content',
    otherLang: 'Français',
    otherLangCode: 'fr',
    otherLangLabel: 'Lire cette page en français',
    pageTitle: (org: string) => `Schools’ digital plan — ${org}`,
    intro: (org: string) =>
      `This page presents the digital plan of the public schools of ${org}: its goals, calendar, cost and funding, the progress of its indicators and the equipment of each school. It holds aggregated figures only, never personal data.`,
    demo: 'Demonstration data: the inventory, expenses and indicators of this instance are generated.',
    euTitle: 'Co-funded by the European Union',
    programme: 'Programme',
    description: 'Description',
    objectives: 'Goals',
    calendar: 'Calendar',
    start: 'Start of the operation',
    end: 'End of the operation',
    completed: 'Completion',
    conventionSigned: (funder: string) => `Agreement signed with ${funder}`,
    schoolsInScope: (n: number) => `${n} schools involved`,
    amounts: 'Cost and funding',
    amountsCaption: 'Funding plan (amounts excluding VAT, HT)',
    totalCost: 'Total cost',
    ht: 'HT',
    funder: 'Funder',
    amount: 'Amount',
    share: 'Share',
    owner: (org: string) => `${org} (own funds)`,
    eligibleNote: (planned: string, eligible: string) =>
      `Planned budget: ${planned} HT. Eligible expenses recorded: ${eligible} HT; each funder’s aid is computed from them under its agreement.`,
    costItems: 'Cost items (planned budget, excluding VAT)',
    costItem: 'Cost item',
    kind: 'Kind',
    budget: 'Planned budget',
    eligible: 'Eligible expenses',
    indicators: 'Indicators: progress against targets',
    indicator: 'Indicator',
    baselineValue: 'Baseline',
    target: 'Target',
    value: 'Value reached',
    reached: 'Share of target',
    notKnown: 'not known',
    noIndicator: 'No indicator is defined yet.',
    noProgramme: 'No programme is published yet.',
    baselineTitle: 'Digital baseline of the schools',
    baselineIntro: (grid: string, version: number) =>
      `Each school is assessed against the grid “${grid}” (version ${version}) from the inventory, the network, the services and the training records. A school reaches the baseline when every required criterion is met.`,
    baselineSummary: (at: number, all: number) => `${at} of ${all} schools reach the digital baseline`,
    classesSummary: (at: number, all: number) => `${at} of ${all} classes meet the class-level criteria`,
    outOfScope: (n: number) => `${n} schools outside the grid’s scope (nursery schools)`,
    criteria: 'Criteria of the grid',
    mapTitle: 'Map of the schools',
    mapDesc: (all: number, at: number, not: number, out: number) =>
      `Schematic map of ${all} schools placed by their coordinates: ${at} at the baseline (green discs), ${not} not yet at the baseline (red squares), ${out} out of scope (grey triangles). The table of schools below gives the same information.`,
    mapNoCoords: (n: number) => `${n} schools without coordinates are not on the map.`,
    mapTableLink: 'See the table of schools',
    legend: 'Legend',
    statusAt: 'at baseline',
    statusNot: 'not yet at baseline',
    statusOut: 'out of scope',
    schoolsTitle: 'Equipment and baseline per school',
    schoolsCaption: (n: number) =>
      `${n} schools: devices in service (deployed, in a charging cart or lent) and baseline status`,
    school: 'School',
    uai: 'UAI',
    schoolKind: 'Kind',
    priority: 'Priority education',
    classes: 'Classes',
    status: 'Baseline',
    score: 'Score',
    projection: 'Collective display',
    teacherComputers: 'Teacher computers',
    pupilDevices: 'Pupil mobile devices',
    devicesTotal: 'Total in service',
    openData: 'Open data',
    openDataIntro:
      'The data of this page are published under the Licence Ouverte / Etalab 2.0 (French open licence), as CSV and JSON, described by a Frictionless Data Package. School identifiers, names and coordinates come from the Annuaire de l’éducation (data.education.gouv.fr), pupil numbers from the French education ministry’s “effectifs et nombre de classes” data.',
    dictionary: 'Data dictionary',
    descriptor: 'datapackage.json descriptor',
    licence: 'Licence Ouverte / Etalab 2.0',
    lastUpdate: 'Data last updated',
    computedOn: 'Figures computed on',
    accessibilityShort: 'Accessibility statement',
    signIn: 'Staff area (sign in)',
    yes: 'yes',
    no: 'no',
    kinds: { maternelle: 'nursery', elementaire: 'elementary', primaire: 'primary', application: 'teaching practice' },
    priorities: { none: '—', REP: 'REP', 'REP+': 'REP+' } as Record<string, string>,
    costKinds: {
      equipment: 'equipment',
      infrastructure_works: 'infrastructure and works',
      services_resources: 'services and resources',
      training: 'training',
      communication: 'communication',
      other: 'other',
    } as Record<string, string>,
    funderKinds: {
      eu_feder: 'ERDF (FEDER)',
      eu_react: 'ERDF REACT-EU',
      state_snee: 'State (SNEE)',
      state_dsil: 'State (DSIL)',
      departement: 'Département',
      region: 'Region',
      own_funds: 'own funds',
      other: 'other',
    } as Record<(typeof FUNDER_KINDS)[number], string>,
    dict: {
      title: (org: string) => `Open data dictionary — ${org}`,
      intro:
        'Each dataset is published as CSV (UTF-8, comma-separated, header row) and as JSON (an array of objects), at the same stable addresses. Empty fields are unknown values. Amounts are in euros excluding VAT.',
      field: 'Field',
      type: 'Type',
      required: 'Required',
      unit: 'Unit',
      values: 'Allowed values',
      description: 'Description',
      download: 'Download',
      back: 'Back to the transparency page',
      primaryKey: 'Key',
    },
    index: {
      title: 'Published transparency pages',
      intro: 'These organisations publish the digital plan of their schools:',
      none: 'No organisation publishes a page yet.',
    },
  },
};

/** HTML-escape text and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Euros from cents: French grouping in French (1 490 666 €), commas in English (1,490,666 €). */
export function formatEuros(cents: number, lang: Lang): string {
  const whole = cents % 100 === 0;
  const text = new Intl.NumberFormat(T[lang].locale, {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
  return `${text} €`;
}

/** An amount as `<data>`: the machine-readable value (euros, dot decimal) next to the formatted one. */
function money(cents: number, lang: Lang, suffix = ''): string {
  const value = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
  return `<data value="${value}">${esc(formatEuros(cents, lang))}${suffix ? ` ${esc(suffix)}` : ''}</data>`;
}

const number = (value: number, lang: Lang) => new Intl.NumberFormat(T[lang].locale).format(value);
const percent = (basisPoints: number, lang: Lang) =>
  `${new Intl.NumberFormat(T[lang].locale, { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;

function date(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const text = new Intl.DateTimeFormat(T[lang].locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return `<time datetime="${esc(iso.slice(0, 10))}">${esc(text)}</time>`;
}

function dateTime(iso: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(T[lang].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
  return `<time datetime="${esc(iso)}">${esc(text)}</time>`;
}

/** Organisation-entered text (French only in the data model): marked French on the English page. */
const dataText = (text: string, lang: Lang, tag = 'p') =>
  `<${tag}${lang === 'en' ? ' lang="fr"' : ''}>${esc(text)}</${tag}>`;

/**
 * The EU emblem: the flag's proportions (3:2), twelve five-pointed gold
 * stars on a circle of radius one third of the height, each star's outer
 * radius one eighteenth of the height, points upright.
 */
export function euEmblem(label: string): string {
  const h = 60;
  const cx = 45;
  const cy = 30;
  const stars: string[] = [];
  for (let i = 0; i < 12; i++) {
    const a = (i * Math.PI) / 6;
    const sx = cx + (h / 3) * Math.sin(a);
    const sy = cy - (h / 3) * Math.cos(a);
    const points: string[] = [];
    for (let k = 0; k < 10; k++) {
      const r = k % 2 === 0 ? h / 18 : (h / 18) * 0.382;
      const b = -Math.PI / 2 + (k * Math.PI) / 5;
      points.push(`${(sx + r * Math.cos(b)).toFixed(2)},${(sy + r * Math.sin(b)).toFixed(2)}`);
    }
    stars.push(`<polygon points="${points.join(' ')}" fill="#FFDD00"/>`);
  }
  return `<svg class="eu-emblem" viewBox="0 0 90 60" width="90" height="60" role="img" aria-label="${esc(label)}" focusable="false"><rect width="90" height="60" fill="#003399"/>${stars.join('')}</svg>`;
}

function layout(opts: { lang: Lang; title: string; otherHref: string | null; body: string; header?: string }): string {
  const t = T[opts.lang];
  const other = opts.otherHref
    ? `<p class="lang-switch"><a href="${esc(opts.otherHref)}" hreflang="${t.otherLangCode}" lang="${t.otherLangCode}" aria-label="${esc(t.otherLangLabel)}">${esc(t.otherLang)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip" href="#content">${esc(t.skip)}</a>
<header class="site-header">
<div class="wrap">${other}${opts.header ?? ''}</div>
</header>
<main id="content" class="wrap" tabindex="-1">
${opts.body}
</main>
</body>
</html>
`;
}

function euBlock(p: Publication, lang: Lang): string {
  const eu = p.programmes.filter((x) => x.euEmblem);
  if (!eu.length) return '';
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const prog of eu)
    for (const m of prog.mentions) {
      if (m.kind === 'eu_emblem' || m.kind === 'funder' || seen.has(m.kind)) continue;
      seen.add(m.kind);
      sentences.push(`<p class="eu-sentence">${esc(m[lang])}</p>`);
    }
  const emblemText = lang === 'fr' ? 'Union européenne' : 'European Union';
  return `<section class="eu" aria-labelledby="eu-title">
<h2 id="eu-title" class="visually-hidden">${esc(T[lang].euTitle)}</h2>
<div class="eu-mark">${euEmblem(lang === 'fr' ? 'Drapeau de l’Union européenne' : 'Flag of the European Union')}<p class="eu-name">${esc(emblemText)}</p></div>
<div class="eu-text">${sentences.join('')}</div>
</section>`;
}

function programmeSection(prog: ProgrammeView, p: Publication, lang: Lang, index: number): string {
  const t = T[lang];
  const id = `programme-${index + 1}`;
  const calendar = [
    { on: prog.periodStart, what: t.start },
    ...prog.conventions
      .filter((c) => c.signedOn)
      .map((c) => ({ on: c.signedOn as string, what: t.conventionSigned(c.funder) })),
    { on: prog.periodEnd, what: t.end },
    ...(prog.completedOn ? [{ on: prog.completedOn, what: t.completed }] : []),
  ].sort((a, b) => a.on.localeCompare(b.on));
  const funders = prog.funders
    .map(
      (f) =>
        `<tr><th scope="row">${esc(f.name)} <span class="muted">(${esc(t.funderKinds[f.kind as keyof typeof t.funderKinds] ?? f.kind)})</span></th><td class="num">${money(f.aidCents, lang, f.kind === 'eu_feder' || f.kind === 'eu_react' ? 'FEDER' : '')}</td><td class="num">${percent(f.shareBp, lang)}</td></tr>`,
    )
    .join('');
  const costItems = prog.costItems
    .map(
      (c) =>
        `<tr><th scope="row"${lang === 'en' ? ' lang="fr"' : ''}>${esc(c.label)}</th><td>${esc(t.costKinds[c.kind] ?? c.kind)}</td><td class="num">${money(c.budgetCents, lang)}</td><td class="num">${money(c.eligibleCents, lang)}</td></tr>`,
    )
    .join('');
  const indicators = prog.indicators.length
    ? `<table>
<caption>${esc(t.indicators)}</caption>
<thead><tr><th scope="col">${esc(t.indicator)}</th><th scope="col" class="num">${esc(t.baselineValue)}</th><th scope="col" class="num">${esc(t.target)}</th><th scope="col" class="num">${esc(t.value)}</th><th scope="col" class="num">${esc(t.reached)}</th></tr></thead>
<tbody>${prog.indicators
        .map(
          (i) =>
            `<tr><th scope="row"><span${lang === 'en' ? ' lang="fr"' : ''}>${esc(i.label)}</span>${i.unit ? ` <span class="muted"${lang === 'en' ? ' lang="fr"' : ''}>(${esc(i.unit)})</span>` : ''}</th><td class="num">${number(i.baseline, lang)}</td><td class="num">${number(i.target, lang)}</td><td class="num">${i.value === null ? esc(t.notKnown) : number(i.value, lang)}</td><td class="num">${i.reachedBp === null ? '—' : percent(i.reachedBp, lang)}</td></tr>`,
        )
        .join('')}</tbody>
</table>`
    : `<p>${esc(t.noIndicator)}</p>`;
  return `<section class="programme" aria-labelledby="${id}">
<h2 id="${id}"><span class="muted">${esc(t.programme)} :</span> <span${lang === 'en' ? ' lang="fr"' : ''}>${esc(prog.name)}</span></h2>
${prog.description ? `<h3>${esc(t.description)}</h3>${dataText(prog.description, lang)}` : ''}
${prog.objectives ? `<h3>${esc(t.objectives)}</h3>${dataText(prog.objectives, lang)}` : ''}
<h3>${esc(t.calendar)}</h3>
<ul class="calendar">${calendar.map((c) => `<li>${date(c.on, lang)} — ${esc(c.what)}</li>`).join('')}</ul>
<p>${esc(t.schoolsInScope(prog.schools))}</p>
<h3>${esc(t.amounts)}</h3>
<p class="key-figure">${esc(t.totalCost)} : <strong>${money(prog.eligibleCents, lang, t.ht)}</strong></p>
<table>
<caption>${esc(t.amountsCaption)}</caption>
<thead><tr><th scope="col">${esc(t.funder)}</th><th scope="col" class="num">${esc(t.amount)}</th><th scope="col" class="num">${esc(t.share)}</th></tr></thead>
<tbody>${funders}<tr><th scope="row">${esc(t.owner(p.organisation.name))}</th><td class="num">${money(prog.ownerCents, lang)}</td><td class="num">${percent(prog.ownerShareBp, lang)}</td></tr></tbody>
<tfoot><tr><th scope="row">${esc(t.totalCost)}</th><td class="num">${money(prog.eligibleCents, lang, t.ht)}</td><td class="num">${percent(10_000, lang)}</td></tr></tfoot>
</table>
<p class="muted">${esc(t.eligibleNote(formatEuros(prog.plannedCents, lang), formatEuros(prog.eligibleCents, lang)))}</p>
<table>
<caption>${esc(t.costItems)}</caption>
<thead><tr><th scope="col">${esc(t.costItem)}</th><th scope="col">${esc(t.kind)}</th><th scope="col" class="num">${esc(t.budget)}</th><th scope="col" class="num">${esc(t.eligible)}</th></tr></thead>
<tbody>${costItems}</tbody>
</table>
${indicators}
</section>`;
}

type Status = 'at' | 'not' | 'out';
const statusOf = (s: SchoolView): Status => (!s.inScope ? 'out' : s.atSocle ? 'at' : 'not');

function marker(status: Status, x: number, y: number, title: string): string {
  const t = `<title>${esc(title)}</title>`;
  if (status === 'at') return `<circle class="m-at" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="5">${t}</circle>`;
  if (status === 'not')
    return `<rect class="m-not" x="${(x - 4.5).toFixed(1)}" y="${(y - 4.5).toFixed(1)}" width="9" height="9">${t}</rect>`;
  return `<polygon class="m-out" points="${x.toFixed(1)},${(y - 5.5).toFixed(1)} ${(x + 5).toFixed(1)},${(y + 4).toFixed(1)} ${(x - 5).toFixed(1)},${(y + 4).toFixed(1)}">${t}</polygon>`;
}

/**
 * A schematic map without tiles or script: the schools' coordinates
 * projected (equirectangular, longitudes scaled by the cosine of the mean
 * latitude) into an SVG, one shape per status (not colour alone). The SVG
 * is one image with a text alternative; the table of schools carries the
 * same facts.
 */
export function schoolMap(schools: readonly SchoolView[], lang: Lang): string {
  const t = T[lang];
  const placed = schools.filter((s) => s.latitude !== null && s.longitude !== null);
  const counts = { at: 0, not: 0, out: 0 };
  for (const s of schools) counts[statusOf(s)] += 1;
  const width = 640;
  const pad = 16;
  let body = '';
  let height = 240;
  if (placed.length) {
    const lats = placed.map((s) => s.latitude as number);
    const lons = placed.map((s) => s.longitude as number);
    const [minLat, maxLat, minLon, maxLon] = [
      Math.min(...lats),
      Math.max(...lats),
      Math.min(...lons),
      Math.max(...lons),
    ];
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
    const spanX = Math.max((maxLon - minLon) * k, 1e-6);
    const spanY = Math.max(maxLat - minLat, 1e-6);
    const scale = (width - 2 * pad) / spanX;
    height = Math.min(Math.max(Math.round(spanY * scale + 2 * pad), 160), 720);
    const scaleY = Math.min(scale, (height - 2 * pad) / spanY);
    const points = placed.map((s) => {
      const x = pad + ((s.longitude as number) - minLon) * k * scale;
      const y = pad + (maxLat - (s.latitude as number)) * scaleY;
      const status = statusOf(s);
      const label = { at: t.statusAt, not: t.statusNot, out: t.statusOut }[status];
      return { status, svg: marker(status, x, y, `${s.name} (${s.uai}) — ${label}`) };
    });
    // Squares and triangles above the discs: the ones to act on stay visible.
    const order: Status[] = ['out', 'at', 'not'];
    body = order
      .map((st) =>
        points
          .filter((q) => q.status === st)
          .map((q) => q.svg)
          .join(''),
      )
      .join('');
  }
  const missing = schools.length - placed.length;
  return `<figure class="map">
<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc" focusable="false">
<title id="map-title">${esc(t.mapTitle)}</title>
<desc id="map-desc">${esc(t.mapDesc(schools.length, counts.at, counts.not, counts.out))}</desc>
<rect class="map-frame" x="0.5" y="0.5" width="${width - 1}" height="${height - 1}"/>
${body}
</svg>
<figcaption>
<p class="legend"><span class="visually-hidden">${esc(t.legend)} : </span>
<span><svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false"><circle class="m-at" cx="6" cy="6" r="5"/></svg> ${esc(t.statusAt)} (${counts.at})</span>
<span><svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false"><rect class="m-not" x="1.5" y="1.5" width="9" height="9"/></svg> ${esc(t.statusNot)} (${counts.not})</span>
<span><svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false"><polygon class="m-out" points="6,0.5 11,10 1,10"/></svg> ${esc(t.statusOut)} (${counts.out})</span>
</p>
${missing ? `<p>${esc(t.mapNoCoords(missing))}</p>` : ''}
<p><a href="#schools">${esc(t.mapTableLink)}</a></p>
</figcaption>
</figure>`;
}

function schoolsTable(schools: readonly SchoolView[], lang: Lang): string {
  const t = T[lang];
  const label = { at: t.statusAt, not: t.statusNot, out: t.statusOut };
  const role = (s: SchoolView, r: Role) => number(s.devices[r], lang);
  const rows = schools
    .map((s) => {
      const status = statusOf(s);
      return `<tr><th scope="row">${esc(s.name)}</th><td>${esc(s.uai)}</td><td>${esc(t.kinds[s.kind as keyof typeof t.kinds] ?? s.kind)}</td><td>${esc(t.priorities[s.priorityEducation] ?? s.priorityEducation)}</td><td class="num">${number(s.classes, lang)}</td><td><span class="status status-${status}">${esc(label[status])}</span></td><td class="num">${s.inScope ? `${number(s.scorePct, lang)} %` : '—'}</td><td class="num">${role(s, 'projection')}</td><td class="num">${role(s, 'teacher_computer')}</td><td class="num">${role(s, 'pupil_device')}</td><td class="num">${number(s.devicesTotal, lang)}</td></tr>`;
    })
    .join('');
  return `<div class="table-scroll" role="region" aria-labelledby="schools-caption" tabindex="0">
<table id="schools-table">
<caption id="schools-caption">${esc(t.schoolsCaption(schools.length))}</caption>
<thead><tr><th scope="col">${esc(t.school)}</th><th scope="col">${esc(t.uai)}</th><th scope="col">${esc(t.schoolKind)}</th><th scope="col">${esc(t.priority)}</th><th scope="col" class="num">${esc(t.classes)}</th><th scope="col">${esc(t.status)}</th><th scope="col" class="num">${esc(t.score)}</th><th scope="col" class="num">${esc(t.projection)}</th><th scope="col" class="num">${esc(t.teacherComputers)}</th><th scope="col" class="num">${esc(t.pupilDevices)}</th><th scope="col" class="num">${esc(t.devicesTotal)}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;
}

const pageHref = (slug: string, lang: Lang, path = '') =>
  `/public/${encodeURIComponent(slug)}${path}${lang === 'en' ? '?lang=en' : ''}`;

function footer(p: Publication | null, org: PublishedOrganisation, lang: Lang): string {
  const t = T[lang];
  return `<footer class="page-footer">
${p?.lastUpdated ? `<p>${esc(t.lastUpdate)} : ${dateTime(p.lastUpdated, lang)}</p>` : ''}
${p ? `<p>${esc(t.computedOn)} ${date(p.on, lang)}</p>` : ''}
<ul class="footer-links">
<li><a href="/accessibilite">${esc(t.accessibilityShort)}</a></li>
<li><a href="${esc(pageHref(org.slug, lang, '/data'))}">${esc(t.dictionary)}</a></li>
<li><a href="/login">${esc(t.signIn)}</a></li>
</ul>
</footer>`;
}

/** The transparency page of one organisation. */
export function renderPublicPage(p: Publication, lang: Lang): string {
  const t = T[lang];
  const org = p.organisation;
  const data = (file: string) => `/public/${encodeURIComponent(org.slug)}/data/${file}`;
  const b = p.baseline;
  const body = `<h1>${esc(t.pageTitle(org.name))}</h1>
<p class="lead">${esc(t.intro(org.name))}</p>
${org.demo ? `<p class="notice">${esc(t.demo)}</p>` : ''}
<nav aria-label="${lang === 'fr' ? 'Sommaire' : 'Contents'}" class="toc"><ul>
${p.programmes.map((x, i) => `<li><a href="#programme-${i + 1}"${lang === 'en' ? ' lang="fr"' : ''}>${esc(x.name)}</a></li>`).join('')}
<li><a href="#baseline">${esc(t.baselineTitle)}</a></li>
<li><a href="#schools">${esc(t.schoolsTitle)}</a></li>
<li><a href="#open-data">${esc(t.openData)}</a></li>
</ul></nav>
${p.programmes.length ? p.programmes.map((x, i) => programmeSection(x, p, lang, i)).join('\n') : `<p>${esc(t.noProgramme)}</p>`}
<section aria-labelledby="baseline">
<h2 id="baseline">${esc(t.baselineTitle)}</h2>
<p>${esc(t.baselineIntro(b.gridName, b.gridVersion))}</p>
<ul class="figures">
<li><strong>${esc(t.baselineSummary(b.atSocle, b.schools))}</strong></li>
<li>${esc(t.classesSummary(b.classesAtSocle, b.classes))}</li>
${b.outOfScope ? `<li>${esc(t.outOfScope(b.outOfScope))}</li>` : ''}
</ul>
<details><summary>${esc(t.criteria)}</summary><ul>${b.criteria.map((c) => `<li>${esc(lang === 'fr' ? c.labelFr : c.labelEn)}</li>`).join('')}</ul></details>
<h3>${esc(t.mapTitle)}</h3>
${schoolMap(p.schools, lang)}
</section>
<section aria-labelledby="schools">
<h2 id="schools">${esc(t.schoolsTitle)}</h2>
${schoolsTable(p.schools, lang)}
</section>
<section aria-labelledby="open-data">
<h2 id="open-data">${esc(t.openData)}</h2>
<p>${esc(t.openDataIntro)}</p>
<ul>
<li><a href="${esc(pageHref(org.slug, lang, '/data'))}">${esc(t.dictionary)}</a></li>
<li><a href="${esc(data('datapackage.json'))}">${esc(t.descriptor)}</a></li>
${TABLES.map((x) => `<li>${esc(x.title[lang])} : <a href="${esc(data(`${x.name}.csv`))}">CSV<span class="visually-hidden"> — ${esc(x.title[lang])}</span></a>, <a href="${esc(data(`${x.name}.json`))}">JSON<span class="visually-hidden"> — ${esc(x.title[lang])}</span></a></li>`).join('\n')}
<li><a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">${esc(t.licence)}</a></li>
</ul>
</section>
${footer(p, org, lang)}`;
  return layout({
    lang,
    title: t.pageTitle(org.name),
    otherHref: pageHref(org.slug, lang === 'fr' ? 'en' : 'fr'),
    header: `<p class="site-name">${esc(org.name)}</p>${euBlock(p, lang)}`,
    body,
  });
}

function fieldRow(x: FieldDef, lang: Lang): string {
  const t = T[lang];
  return `<tr><th scope="row"><code>${esc(x.name)}</code><br><span class="muted">${esc(x.title[lang])}</span></th><td>${esc(x.type)}</td><td>${esc(x.required ? t.yes : t.no)}</td><td>${esc(x.unit ?? '')}</td><td>${esc(x.description[lang])}${x.enum ? `<br><span class="muted">${esc(t.dict.values)} : ${x.enum.map((v) => `<code>${esc(v)}</code>`).join(', ')}</span>` : ''}${x.pattern ? `<br><span class="muted">${lang === 'fr' ? 'Motif' : 'Pattern'} : <code>${esc(x.pattern)}</code></span>` : ''}</td></tr>`;
}

/** The data dictionary: every dataset, its files and its fields. */
export function renderDictionary(org: PublishedOrganisation, lang: Lang): string {
  const t = T[lang];
  const data = (file: string) => `/public/${encodeURIComponent(org.slug)}/data/${file}`;
  const body = `<h1>${esc(t.dict.title(org.name))}</h1>
<p><a href="${esc(pageHref(org.slug, lang))}">${esc(t.dict.back)}</a></p>
<p>${esc(t.dict.intro)}</p>
<p>${esc(t.openDataIntro)}</p>
<ul>
<li><a href="${esc(data(`datapackage.json${lang === 'en' ? '?lang=en' : ''}`))}">${esc(t.descriptor)}</a></li>
<li><a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">${esc(t.licence)}</a></li>
</ul>
${TABLES.map(
  (x) => `<section aria-labelledby="table-${x.name}">
<h2 id="table-${x.name}">${esc(x.title[lang])} <span class="muted">(<code>${esc(x.name)}</code>)</span></h2>
<p>${esc(x.description[lang])}</p>
<p>${esc(t.dict.download)} : <a href="${esc(data(`${x.name}.csv`))}">${esc(`${x.name}.csv`)}</a>, <a href="${esc(data(`${x.name}.json`))}">${esc(`${x.name}.json`)}</a> — ${esc(t.dict.primaryKey)} : ${x.primaryKey.map((k) => `<code>${esc(k)}</code>`).join(', ')}</p>
<div class="table-scroll" role="region" aria-labelledby="caption-${x.name}" tabindex="0">
<table>
<caption id="caption-${x.name}">${esc(t.dict.field)} — ${esc(x.name)}</caption>
<thead><tr><th scope="col">${esc(t.dict.field)}</th><th scope="col">${esc(t.dict.type)}</th><th scope="col">${esc(t.dict.required)}</th><th scope="col">${esc(t.dict.unit)}</th><th scope="col">${esc(t.dict.description)}</th></tr></thead>
<tbody>${x.fields.map((fd) => fieldRow(fd, lang)).join('')}</tbody>
</table>
</div>
</section>`,
).join('\n')}
${footer(null, org, lang)}`;
  return layout({
    lang,
    title: t.dict.title(org.name),
    otherHref: pageHref(org.slug, lang === 'fr' ? 'en' : 'fr', '/data'),
    header: `<p class="site-name">${esc(org.name)}</p>`,
    body,
  });
}

/** `/public`: the organisations that publish. */
export function renderIndex(orgs: readonly PublishedOrganisation[], lang: Lang): string {
  const t = T[lang];
  const body = `<h1>${esc(t.index.title)}</h1>
${orgs.length ? `<p>${esc(t.index.intro)}</p><ul>${orgs.map((o) => `<li><a href="${esc(pageHref(o.slug, lang))}">${esc(o.name)}</a></li>`).join('')}</ul>` : `<p>${esc(t.index.none)}</p>`}
<ul class="footer-links"><li><a href="/accessibilite">${esc(t.accessibilityShort)}</a></li><li><a href="/login">${esc(t.signIn)}</a></li></ul>`;
  return layout({ lang, title: t.index.title, otherHref: lang === 'fr' ? '/public?lang=en' : '/public', body });
}
