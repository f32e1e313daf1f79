import { z } from 'zod';
import { LEVELS } from '../../../shared/school-year.ts';
import { normaliseUai, uaiProblem } from '../../../shared/uai.ts';

/** Input and output schemas of the schools registry (one pair per input). */

export const SCHOOL_KINDS = ['maternelle', 'elementaire', 'primaire', 'application'] as const;
export const PRIORITY_EDUCATION = ['none', 'REP', 'REP+'] as const;
export const ROOM_KINDS = [
  'classroom',
  'computer_room',
  'library',
  'staff_room',
  'office',
  'technical',
  'periscolaire',
  'other',
] as const;
export const INTERNET_ACCESS = ['fibre', 'vdsl', 'adsl', 'cable', '4g_5g', 'satellite', 'other', 'none'] as const;
export const WIRED_NETWORK = ['yes', 'partial', 'no'] as const;

export const UaiInputSchema = z
  .string()
  .transform(normaliseUai)
  .superRefine((value, ctx) => {
    const problem = uaiProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `uai_${problem}`, params: { reason: `uai_${problem}` } });
  });

const IsoDate = z.iso.date({ error: 'invalid_date' });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const schoolFields = {
  name: z.string().trim().min(1).max(200),
  usualName: optionalText(200),
  kind: z.enum(SCHOOL_KINDS),
  sector: z.enum(['public', 'private']).default('public'),
  address: optionalText(300),
  postcode: z
    .string()
    .trim()
    .regex(/^[0-9]{5}$/, { error: 'invalid_postcode' })
    .nullable()
    .optional(),
  communeCode: z
    .string()
    .trim()
    .regex(/^([0-9]{2}|2[AB])[0-9]{3}$/, { error: 'invalid_insee_code' })
    .nullable()
    .optional(),
  communeName: optionalText(200),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  priorityEducation: z.enum(PRIORITY_EDUCATION).default('none'),
  circonscriptionCode: optionalText(20),
  circonscriptionName: optionalText(200),
  ips: z.number().min(0).max(300).nullable().optional(),
  ipsYear: optionalText(20),
  openedOn: IsoDate.nullable().optional(),
  schoolGroup: optionalText(200),
};

export const CreateSchoolSchema = z
  .object({ uai: UaiInputSchema, ...schoolFields })
  .strict()
  .meta({ id: 'CreateSchoolInput' });
export type CreateSchoolInput = z.infer<typeof CreateSchoolSchema>;

export const UpdateSchoolSchema = z
  .object({
    name: schoolFields.name.optional(),
    usualName: schoolFields.usualName,
    kind: schoolFields.kind.optional(),
    sector: z.enum(['public', 'private']).optional(),
    address: schoolFields.address,
    postcode: schoolFields.postcode,
    communeCode: schoolFields.communeCode,
    communeName: schoolFields.communeName,
    latitude: schoolFields.latitude,
    longitude: schoolFields.longitude,
    priorityEducation: z.enum(PRIORITY_EDUCATION).optional(),
    circonscriptionCode: schoolFields.circonscriptionCode,
    circonscriptionName: schoolFields.circonscriptionName,
    ips: schoolFields.ips,
    ipsYear: schoolFields.ipsYear,
    openedOn: schoolFields.openedOn,
    schoolGroup: schoolFields.schoolGroup,
  })
  .strict()
  .meta({ id: 'UpdateSchoolInput' });
export type UpdateSchoolInput = z.infer<typeof UpdateSchoolSchema>;

export const CloseSchoolSchema = z.object({ closedOn: IsoDate }).strict().meta({ id: 'CloseSchoolInput' });

export const SCHOOL_SORTS = ['name', 'uai', 'commune', 'pupils', 'ips'] as const;

export const SchoolListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(SCHOOL_KINDS).optional(),
  priorityEducation: z.enum(PRIORITY_EDUCATION).optional(),
  circonscription: z.string().trim().max(200).optional(),
  communeCode: z.string().trim().max(10).optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  sort: z.enum(SCHOOL_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type SchoolListQuery = z.infer<typeof SchoolListQuerySchema>;

export const SchoolExportQuerySchema = SchoolListQuerySchema.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type SchoolExportQuery = z.infer<typeof SchoolExportQuerySchema>;

export const SchoolSummarySchema = z
  .object({
    id: z.uuid(),
    uai: z.string(),
    name: z.string(),
    usualName: z.string().nullable(),
    kind: z.enum(SCHOOL_KINDS),
    sector: z.enum(['public', 'private']),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    priorityEducation: z.enum(PRIORITY_EDUCATION),
    circonscriptionName: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    ips: z.number().nullable(),
    status: z.enum(['open', 'closing', 'closed']),
    /** Latest known rentrée figures. */
    year: z.number().int().nullable(),
    pupils: z.number().int().nullable(),
    classesCount: z.number().int().nullable(),
  })
  .meta({ id: 'SchoolSummary' });

export const SchoolListSchema = z
  .object({ items: z.array(SchoolSummarySchema), total: z.number().int() })
  .meta({ id: 'SchoolList' });

export const NetworkSchema = z
  .object({
    internetAccess: z.enum(INTERNET_ACCESS).nullable(),
    bandwidthDownMbps: z.number().nullable(),
    bandwidthUpMbps: z.number().nullable(),
    wiredNetwork: z.enum(WIRED_NETWORK).nullable(),
    wifiPresent: z.boolean().nullable(),
    conseilEcoleInformedOn: z.string().nullable(),
    notes: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'SchoolNetwork' });

export const UpdateNetworkSchema = z
  .object({
    internetAccess: z.enum(INTERNET_ACCESS).nullable().optional(),
    bandwidthDownMbps: z.number().min(0).max(100_000).nullable().optional(),
    bandwidthUpMbps: z.number().min(0).max(100_000).nullable().optional(),
    wiredNetwork: z.enum(WIRED_NETWORK).nullable().optional(),
    wifiPresent: z.boolean().nullable().optional(),
    conseilEcoleInformedOn: IsoDate.nullable().optional(),
    notes: optionalText(2000),
  })
  .strict()
  .meta({ id: 'UpdateNetworkInput' });
export type UpdateNetworkInput = z.infer<typeof UpdateNetworkSchema>;

export const SchoolYearSchema = z
  .object({
    year: z.number().int(),
    pupils: z.number().int().nullable(),
    classesCount: z.number().int().nullable(),
    pupilsByLevel: z.record(z.string(), z.number()),
    source: z.string(),
  })
  .meta({ id: 'SchoolYear' });

export const SchoolSchema = SchoolSummarySchema.extend({
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  circonscriptionCode: z.string().nullable(),
  ipsYear: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closingAnnounced: z.boolean(),
  schoolGroup: z.string().nullable(),
  source: z.string(),
  network: NetworkSchema,
  years: z.array(SchoolYearSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({
    update: z.boolean(),
    close: z.boolean(),
    manageClasses: z.boolean(),
    manageRooms: z.boolean(),
    manageNetwork: z.boolean(),
  }),
}).meta({ id: 'School' });

export const LevelSchema = z.enum(LEVELS);

export const ClassSchema = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    year: z.number().int(),
    name: z.string(),
    levels: z.array(LevelSchema),
    pupils: z.number().int().nullable(),
    ulis: z.boolean(),
    roomId: z.uuid().nullable(),
    roomName: z.string().nullable(),
    generated: z.boolean(),
  })
  .meta({ id: 'SchoolClass' });

export const CreateClassSchema = z
  .object({
    year: z.number().int().min(1990).max(2100).optional(),
    name: z.string().trim().min(1).max(100),
    levels: z.array(LevelSchema).min(1).max(9),
    pupils: z.number().int().min(0).max(100).nullable().optional(),
    ulis: z.boolean().default(false),
    roomId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateClassInput' });
export type CreateClassInput = z.infer<typeof CreateClassSchema>;

export const UpdateClassSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    levels: z.array(LevelSchema).min(1).max(9).optional(),
    pupils: z.number().int().min(0).max(100).nullable().optional(),
    ulis: z.boolean().optional(),
    roomId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateClassInput' });
export type UpdateClassInput = z.infer<typeof UpdateClassSchema>;

export const RoomSchema = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    buildingId: z.uuid().nullable(),
    buildingName: z.string().nullable(),
    name: z.string(),
    kind: z.enum(ROOM_KINDS),
    floor: z.string().nullable(),
    notes: z.string().nullable(),
    archived: z.boolean(),
    /** The class using this room in the current school year. */
    currentClass: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'Room' });

export const CreateRoomSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(ROOM_KINDS).default('classroom'),
    buildingId: z.uuid().nullable().optional(),
    floor: optionalText(50),
    notes: optionalText(2000),
  })
  .strict()
  .meta({ id: 'CreateRoomInput' });
export type CreateRoomInput = z.infer<typeof CreateRoomSchema>;

export const UpdateRoomSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(ROOM_KINDS).optional(),
    buildingId: z.uuid().nullable().optional(),
    floor: optionalText(50),
    notes: optionalText(2000),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateRoomInput' });
export type UpdateRoomInput = z.infer<typeof UpdateRoomSchema>;

export const BuildingSchema = z.object({ id: z.uuid(), schoolId: z.uuid(), name: z.string() }).meta({ id: 'Building' });
export const BuildingInputSchema = z
  .object({ name: z.string().trim().min(1).max(100) })
  .strict()
  .meta({ id: 'CreateBuildingInput' });

export const ImportQuerySchema = z.object({
  format: z.enum(['annuaire', 'effectifs', 'ips', 'socle']).optional(),
  dryRun: z.enum(['true', 'false']).default('false'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
  /** Comma-separated INSEE codes to keep; default: the organisation's communes setting. */
  communes: z
    .string()
    .regex(/^(([0-9]{2}|2[AB])[0-9]{3})(,([0-9]{2}|2[AB])[0-9]{3})*$/, { error: 'invalid_insee_codes' })
    .optional(),
  /** `all` ignores the organisation's communes setting. */
  scope: z.enum(['communes', 'all']).default('communes'),
});

export const ImportReportSchema = z
  .object({
    format: z.enum(['annuaire', 'effectifs', 'ips', 'socle']),
    encoding: z.string(),
    rowsRead: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    yearsWritten: z.number().int(),
    rejected: z.array(
      z.object({ line: z.number().int(), column: z.string(), reason: z.string(), value: z.string().optional() }),
    ),
    skipped: z.record(z.string(), z.number().int()),
    dryRun: z.boolean(),
    written: z.boolean(),
  })
  .meta({ id: 'SchoolImportReport' });

export const SchoolOptionSchema = z
  .object({ id: z.uuid(), uai: z.string(), name: z.string() })
  .meta({ id: 'SchoolOption' });

export const MapPointSchema = z
  .object({
    id: z.uuid(),
    uai: z.string(),
    name: z.string(),
    kind: z.enum(SCHOOL_KINDS),
    priorityEducation: z.enum(PRIORITY_EDUCATION),
    latitude: z.number(),
    longitude: z.number(),
  })
  .meta({ id: 'SchoolMapPoint' });

const Facet = z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int() });
export const SchoolFacetsSchema = z
  .object({
    kinds: z.array(Facet),
    priorityEducation: z.array(Facet),
    circonscriptions: z.array(Facet),
    communes: z.array(Facet),
  })
  .meta({ id: 'SchoolFacets' });
