import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * The loan convention (prêt à usage, Code civil art. 1875 ff.), from an
 * admin-editable template with {{placeholders}}. Lines starting with "# "
 * are headings; blank lines separate paragraphs. French first, English
 * available. The texts are a starting point the commune's legal service
 * adapts in the settings.
 */

export const DEFAULT_TEMPLATES: Record<'fr' | 'en', string> = {
  fr: `# Convention de prêt à usage d'un équipement numérique

Entre {{organisation}}, propriétaire de l'équipement, représentée par l'école {{school}}, ci-après « le prêteur »,

et {{representatives}}, représentant(s) légal(aux) de l'élève {{pupil}}, ci-après « l'emprunteur »,

il est convenu ce qui suit.

# 1. Objet et équipement prêté
Le prêteur met gratuitement à disposition de l'emprunteur, pour la scolarité de l'élève, l'équipement suivant :
{{devices}}

# 2. Durée
Le prêt court de la remise de l'équipement jusqu'au {{dueDate}}, ou jusqu'au départ de l'élève de l'école s'il a lieu avant. L'équipement est alors rendu à l'école.

# 3. Usage
L'équipement sert exclusivement au travail scolaire de l'élève. Il ne peut être ni prêté, ni loué, ni cédé. Les logiciels et réglages installés par la ville ne doivent pas être modifiés.

# 4. Obligations de l'emprunteur
Conformément à l'article 1880 du Code civil, l'emprunteur veille raisonnablement à la garde et à la conservation de l'équipement. La connexion à internet au domicile et le contrôle des usages (filtrage, temps d'écran) relèvent de la responsabilité de la famille.

# 5. Dommage, perte ou vol
Tout dommage, perte ou vol est signalé sans délai à l'école. En cas de vol, une copie du dépôt de plainte est remise. La localisation de l'appareil ne peut être activée qu'après la déclaration d'une perte ou d'un vol ; son activation est tracée.

# 6. Restitution
L'équipement est rendu complet (appareil, chargeur, accessoires) à l'école à la date prévue. Il est réinitialisé avant d'être prêté à nouveau : les données personnelles laissées sur l'appareil ne sont pas conservées.

# 7. Données personnelles
Responsable du traitement : {{organisation}}. Finalité : gestion du prêt d'équipements numériques aux familles. Base légale : mission d'intérêt public (RGPD art. 6-1-e ; Code de l'éducation L.212-4). Données : identité de l'élève et de ses représentants légaux, coordonnées, équipement prêté, dates et incidents. Aucune pièce justificative de ressources n'est conservée. Durée de conservation : jusqu'à la restitution de l'équipement et au règlement des incidents, puis {{retentionDays}} jours. Vous disposez des droits d'accès, de rectification, d'effacement et de limitation ; contact : {{dpoContact}}. Vous pouvez saisir la CNIL.

Fait le {{date}}.`,
  en: `# Loan agreement for a digital device

Between {{organisation}}, owner of the device, represented by the school {{school}} ("the lender"),

and {{representatives}}, legal representative(s) of the pupil {{pupil}} ("the borrower"),

it is agreed as follows.

# 1. Purpose and device
The lender makes the following device available free of charge for the pupil's schoolwork:
{{devices}}

# 2. Duration
The loan runs from the handover until {{dueDate}}, or until the pupil leaves the school if earlier. The device is then returned to the school.

# 3. Use
The device is used only for the pupil's schoolwork. It may not be lent, rented or sold. Software and settings installed by the city must not be changed.

# 4. Borrower's obligations
Under article 1880 of the French Civil Code, the borrower takes reasonable care of the device. Internet access at home and supervision of use (filtering, screen time) are the family's responsibility.

# 5. Damage, loss or theft
Any damage, loss or theft is reported to the school without delay. For a theft, a copy of the police report is provided. Locating the device may be activated only after a declared loss or theft; its activation is logged.

# 6. Return
The device is returned complete (device, charger, accessories) to the school on the due date. It is reset before being lent again: personal data left on it are not kept.

# 7. Personal data
Controller: {{organisation}}. Purpose: managing loans of digital devices to families. Lawful basis: task in the public interest (GDPR art. 6-1-e). Data: identity of the pupil and legal representatives, contact details, device lent, dates and incidents. No proof of income is kept. Retention: until the device is returned and incidents are settled, then {{retentionDays}} days. You have the rights of access, rectification, erasure and restriction; contact: {{dpoContact}}. You may complain to the CNIL.

Done on {{date}}.`,
};

export interface ConventionData {
  organisation: string;
  school: string;
  pupil: string;
  representatives: string[];
  devices: { tag: string; model: string; serial: string | null }[];
  dueDate: string;
  dpoContact: string;
  retentionDays: number;
  date: string;
  acceptance?: { name: string; at: string } | null;
}

// One formatter per language: building one per call costs more than the rest of a date.
const DATE_FORMATS = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

function formatDate(iso: string, locale: 'fr' | 'en'): string {
  return DATE_FORMATS[locale].format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

export function renderConvention(template: string, data: ConventionData, locale: 'fr' | 'en'): string {
  const and = locale === 'fr' ? ' et ' : ' and ';
  const values: Record<string, string> = {
    organisation: data.organisation,
    school: data.school,
    pupil: data.pupil,
    representatives: data.representatives.join(and),
    devices: data.devices
      .map(
        (d) =>
          `- ${d.model} — ${locale === 'fr' ? 'n° d’inventaire' : 'inventory no.'} ${d.tag}${d.serial ? ` — ${locale === 'fr' ? 'série' : 'serial'} ${d.serial}` : ''}`,
      )
      .join('\n'),
    dueDate: formatDate(data.dueDate, locale),
    dpoContact:
      data.dpoContact ||
      (locale === 'fr'
        ? 'le délégué à la protection des données de la commune'
        : "the commune's data protection officer"),
    retentionDays: String(data.retentionDays),
    date: formatDate(data.date, locale),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
}

/** Whether each character a font met can be encoded (standard fonts cover WinAnsi only). */
const encodable = new WeakMap<PDFFont, Map<string, boolean>>();

const clean = (font: PDFFont, text: string) => {
  let known = encodable.get(font);
  if (!known) {
    known = new Map();
    encodable.set(font, known);
  }
  return [...text.replace(/\u202f|\u00a0/g, ' ')]
    .map((c) => {
      let ok = known.get(c);
      if (ok === undefined) {
        try {
          font.encodeText(c);
          ok = true;
        } catch {
          ok = false;
        }
        known.set(c, ok);
      }
      return ok ? c : '?';
    })
    .join('');
};

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function conventionPdf(text: string, data: ConventionData, locale: 'fr' | 'en'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(locale === 'fr' ? 'Convention de prêt' : 'Loan agreement');
  doc.setCreator('Socle');
  doc.setLanguage(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  drawConvention(doc, fonts, text, data, locale);
  return doc.save();
}

/**
 * Draws a convention on new pages of `doc`. Many conventions can share one
 * document and its fonts (the printable PDF of a crisis campaign): embedding
 * the fonts and saving a document per convention cost more than drawing it.
 */
export function drawConvention(
  doc: PDFDocument,
  { regular, bold }: { regular: PDFFont; bold: PDFFont },
  text: string,
  data: ConventionData,
  locale: 'fr' | 'en',
): void {
  const margin = 56;
  const width = 595.28 - 2 * margin;
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = 841.89 - margin;
  const ensure = (h: number) => {
    if (y - h < margin) {
      page = doc.addPage([595.28, 841.89]);
      y = 841.89 - margin;
    }
  };
  const write = (t: string, font: PDFFont, size: number, gapAfter: number) => {
    for (const l of wrap(font, clean(font, t), size, width)) {
      ensure(size * 1.4);
      page.drawText(l, { x: margin, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
    }
    y -= gapAfter;
  };
  const rendered = renderConvention(text, data, locale);
  const title = rendered.split('\n')[0];
  for (const block of rendered.split(/\n{2,}/)) {
    for (const line of block.split('\n')) {
      if (line.startsWith('# ')) write(line.slice(2), bold, line === title ? 15 : 11.5, 4);
      else write(line, regular, 10, 0);
    }
    y -= 6;
  }
  y -= 12;
  if (data.acceptance) {
    const when = new Date(data.acceptance.at).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: 'Europe/Paris',
    });
    write(
      locale === 'fr'
        ? `Convention acceptée en ligne le ${when} (heure de Paris) par « ${data.acceptance.name} ».`
        : `Agreement accepted online on ${when} (Paris time) by "${data.acceptance.name}".`,
      bold,
      10.5,
      0,
    );
  } else {
    write(
      locale === 'fr' ? 'Signature du ou des représentants légaux :' : 'Signature of the legal representative(s):',
      regular,
      10,
      40,
    );
    write(locale === 'fr' ? 'Pour le prêteur :' : 'For the lender:', regular, 10, 0);
  }
}
