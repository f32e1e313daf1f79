import { z } from 'zod';
import { schoolYearLabel } from '../../../shared/school-year.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { type Column, toCsv, toXlsx } from '../../http/export.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { UPLOAD_BODY_LIMIT, withRawUploads } from '../../http/upload.ts';
import { scopeOf } from '../auth/actor.ts';
import { analyseAfterImport, importSchools } from './import.ts';
import {
  BuildingInputSchema,
  BuildingSchema,
  ClassSchema,
  CloseSchoolSchema,
  CreateClassSchema,
  CreateRoomSchema,
  CreateSchoolSchema,
  ImportQuerySchema,
  ImportReportSchema,
  MapPointSchema,
  RoomSchema,
  SchoolExportQuerySchema,
  SchoolFacetsSchema,
  SchoolListQuerySchema,
  SchoolListSchema,
  SchoolOptionSchema,
  SchoolSchema,
  type SchoolSummarySchema,
  UpdateClassSchema,
  UpdateNetworkSchema,
  UpdateRoomSchema,
  UpdateSchoolSchema,
} from './schema.ts';
import {
  allSchools,
  closeSchool,
  createBuilding,
  createClass,
  createRoom,
  createSchool,
  deleteBuilding,
  deleteClass,
  deleteSchool,
  findBuildings,
  findClasses,
  findMapPoints,
  findRooms,
  findSchoolOptions,
  findSchools,
  getSchool,
  renameBuilding,
  schoolFacets,
  updateClass,
  updateNetwork,
  updateRoom,
  updateSchool,
} from './service.ts';

const tags = ['schools'];
const IdParams = z.object({ id: z.uuid() });

type Summary = z.infer<typeof SchoolSummarySchema>;
const EXPORT_COLUMNS: Column<Summary>[] = [
  { header: 'uai', value: (s) => s.uai },
  { header: 'nom', value: (s) => s.name },
  { header: 'nom_usuel', value: (s) => s.usualName },
  { header: 'type', value: (s) => s.kind },
  { header: 'secteur', value: (s) => s.sector },
  { header: 'code_commune', value: (s) => s.communeCode },
  { header: 'commune', value: (s) => s.communeName },
  { header: 'education_prioritaire', value: (s) => (s.priorityEducation === 'none' ? 'aucun' : s.priorityEducation) },
  { header: 'circonscription', value: (s) => s.circonscriptionName },
  { header: 'latitude', value: (s) => s.latitude },
  { header: 'longitude', value: (s) => s.longitude },
  { header: 'ips', value: (s) => s.ips },
  { header: 'statut', value: (s) => s.status },
  { header: 'effectifs_rentree', value: (s) => (s.year ? schoolYearLabel(s.year) : null) },
  { header: 'nombre_eleves', value: (s) => s.pupils },
  { header: 'nombre_classes', value: (s) => s.classesCount },
];

export function schoolRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/schools',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'Schools the user can see: search, filters, sort, pagination with total',
        querystring: SchoolListQuerySchema,
        response: { 200: SchoolListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findSchools(scope, actor, request.query));
    },
  );

  app.get(
    '/api/schools/export',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'The filtered list as CSV (;-separated, UTF-8 with BOM) or XLSX',
        querystring: SchoolExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.string().meta({ description: 'CSV or XLSX file' }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, ...filters } = request.query;
      const items = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const out: Summary[] = [];
        for await (const s of allSchools(scope, actor, filters)) out.push(s);
        return out;
      });
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="ecoles-${stamp}.${format}"`);
      if (format === 'xlsx') {
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        // Buffers are sent as they are, without the JSON serializer.
        return reply.send((await toXlsx('Écoles', EXPORT_COLUMNS, items)) as never);
      }
      reply.type('text/csv; charset=utf-8');
      return reply.send(Buffer.from(toCsv(EXPORT_COLUMNS, items), 'utf8') as never);
    },
  );

  app.get(
    '/api/schools/facets',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary:
          'Kinds, priority education, circonscriptions and communes of the open schools in reach, with counts (filter choices)',
        response: { 200: SchoolFacetsSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => schoolFacets(scope, actor));
    },
  );

  app.get(
    '/api/schools/options',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'School choices for pickers: search by name or UAI, or resolve ids',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          ids: z
            .string()
            .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, { error: 'invalid_ids' })
            .optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.array(SchoolOptionSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { q, ids, limit } = request.query;
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        findSchoolOptions(scope, actor, {
          q,
          ids: ids?.split(','),
          limit: ids ? Math.max(limit, ids.split(',').length) : limit,
        }),
      );
    },
  );

  app.get(
    '/api/schools/map',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'Open schools with coordinates, for the map',
        response: { 200: z.array(MapPointSchema), ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findMapPoints(scope, actor));
    },
  );

  withRawUploads(app, (scoped) => {
    scoped.post(
      '/api/schools/import',
      {
        config: { permission: 'schools.import' },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Import a school file (Annuaire de l’éducation, effectifs, IPS, Socle CSV) sent as the body; upserts by UAI. ' +
            'Invalid rows → 400 listing each (line, column, reason) and nothing written, unless skipInvalid=true.',
          querystring: ImportQuerySchema,
          consumes: ['text/csv', 'application/octet-stream'],
          body: z.any().meta({ description: 'the CSV file', type: 'string', format: 'binary' }),
          response: { 200: ImportReportSchema, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv or application/octet-stream');
        }
        const q = request.query;
        const report = await db.withOrg(scopeOf(actor, request.id), (scope) =>
          importSchools(scope, new Uint8Array(body), {
            format: q.format,
            dryRun: q.dryRun === 'true',
            skipInvalid: q.skipInvalid === 'true',
            communes: q.scope === 'all' ? [] : q.communes?.split(','),
          }),
        );
        await analyseAfterImport(db, report);
        return report;
      },
    );
  });

  app.post(
    '/api/schools',
    {
      config: { permission: 'schools.manage' },
      schema: {
        tags,
        summary: 'Create a school',
        body: CreateSchoolSchema,
        response: { 201: SchoolSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const school = await db.withOrg(scopeOf(actor, request.id), (scope) => createSchool(scope, actor, request.body));
      return reply.code(201).send(school);
    },
  );

  app.get(
    '/api/schools/:id',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'One school with its network facts and yearly figures',
        params: IdParams,
        response: { 200: SchoolSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getSchool(scope, actor, request.params.id));
    },
  );

  app.patch(
    '/api/schools/:id',
    {
      config: { permission: 'schools.manage' },
      schema: {
        tags,
        summary: 'Edit a school',
        params: IdParams,
        body: UpdateSchoolSchema,
        response: { 200: SchoolSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        updateSchool(scope, actor, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/api/schools/:id/close',
    {
      config: { permission: 'schools.manage' },
      schema: {
        tags,
        summary: 'Close a school (schools are closed, not deleted)',
        params: IdParams,
        body: CloseSchoolSchema,
        response: { 200: SchoolSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        closeSchool(scope, actor, request.params.id, request.body.closedOn),
      );
    },
  );

  app.post(
    '/api/schools/:id/reopen',
    {
      config: { permission: 'schools.manage' },
      schema: {
        tags,
        summary: 'Reopen a closed school',
        params: IdParams,
        response: { 200: SchoolSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => closeSchool(scope, actor, request.params.id, null));
    },
  );

  app.delete(
    '/api/schools/:id',
    {
      config: { permission: 'schools.manage' },
      schema: {
        tags,
        summary: 'Delete a school entered by mistake (refused once referenced: close it)',
        params: IdParams,
        response: { 204: NoContent, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) => deleteSchool(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/schools/:id/network',
    {
      config: { permission: 'schools.network.manage' },
      schema: {
        tags,
        summary: 'Set the network facts of a school',
        params: IdParams,
        body: UpdateNetworkSchema,
        response: { 200: SchoolSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        updateNetwork(scope, actor, request.params.id, request.body),
      );
    },
  );

  app.get(
    '/api/schools/:id/classes',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'Classes of a school for a rentrée (default: the current school year)',
        params: IdParams,
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() }),
        response: { 200: z.array(ClassSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        findClasses(scope, actor, request.params.id, request.query.year),
      );
    },
  );

  app.post(
    '/api/schools/:id/classes',
    {
      config: { permission: 'schools.classes.manage' },
      schema: {
        tags,
        summary: 'Add a class',
        params: IdParams,
        body: CreateClassSchema,
        response: { 201: ClassSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createClass(scope, actor, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/classes/:id',
    {
      config: { permission: 'schools.classes.manage' },
      schema: {
        tags,
        summary: 'Edit a class (name, levels, pupils, ULIS, classroom)',
        params: IdParams,
        body: UpdateClassSchema,
        response: { 200: ClassSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        updateClass(scope, actor, request.params.id, request.body),
      );
    },
  );

  app.delete(
    '/api/classes/:id',
    {
      config: { permission: 'schools.classes.manage' },
      schema: {
        tags,
        summary: 'Remove a class',
        params: IdParams,
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) => deleteClass(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/schools/:id/rooms',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'Rooms of a school, with the class using each this year',
        params: IdParams,
        querystring: z.object({ archived: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.array(RoomSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        findRooms(scope, actor, request.params.id, request.query.archived === 'true'),
      );
    },
  );

  app.post(
    '/api/schools/:id/rooms',
    {
      config: { permission: 'schools.rooms.manage' },
      schema: {
        tags,
        summary: 'Add a room',
        params: IdParams,
        body: CreateRoomSchema,
        response: { 201: RoomSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createRoom(scope, actor, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/rooms/:id',
    {
      config: { permission: 'schools.rooms.manage' },
      schema: {
        tags,
        summary: 'Edit or archive a room',
        params: IdParams,
        body: UpdateRoomSchema,
        response: { 200: RoomSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        updateRoom(scope, actor, request.params.id, request.body),
      );
    },
  );

  app.patch(
    '/api/buildings/:id',
    {
      config: { permission: 'schools.rooms.manage' },
      schema: {
        tags,
        summary: 'Rename a building',
        params: IdParams,
        body: BuildingInputSchema,
        response: { 200: BuildingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        renameBuilding(scope, actor, request.params.id, request.body.name),
      );
    },
  );

  app.delete(
    '/api/buildings/:id',
    {
      config: { permission: 'schools.rooms.manage' },
      schema: {
        tags,
        summary: 'Delete an empty building',
        params: IdParams,
        response: { 204: NoContent, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) => deleteBuilding(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/schools/:id/buildings',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags,
        summary: 'Buildings of a school',
        params: IdParams,
        response: { 200: z.array(BuildingSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findBuildings(scope, actor, request.params.id));
    },
  );

  app.post(
    '/api/schools/:id/buildings',
    {
      config: { permission: 'schools.rooms.manage' },
      schema: {
        tags,
        summary: 'Add a building',
        params: IdParams,
        body: BuildingInputSchema,
        response: { 201: BuildingSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createBuilding(scope, actor, request.params.id, request.body.name),
      );
      return reply.code(201).send(created);
    },
  );
}
