import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { BackupError, backupDatabase, restoreDatabase } from '../server/backup/backup.ts';
import { bootstrap, DEMO_SLUG, ensureUser, findOrganisationId, seedDemo } from '../server/bootstrap.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { type Database, openDatabase } from '../server/db/connection.ts';
import { assetModels, assets, organisations, schools, users } from '../server/db/schema.ts';
import { AppError } from '../server/http/errors.ts';
import { verifyAuditChain } from '../server/modules/audit/service.ts';
import { normaliseEmail } from '../server/modules/auth/rules.ts';
import { createApiToken } from '../server/modules/auth/service.ts';
import { analyseAfterAssetImport, importAssets } from '../server/modules/inventory/import.ts';
import type { AssetImportFormat } from '../server/modules/inventory/import-formats.ts';
import { type LabelLayout, labelsPdf } from '../server/modules/inventory/labels.ts';
import { analyseAfterImport, importSchools } from '../server/modules/schools/import.ts';
import type { ImportFormat } from '../server/modules/schools/import-parse.ts';
import { ROLES, type Role } from '../shared/roles.ts';
import {
  checkOrganisation,
  RemoteError,
  remoteImportAssets,
  remoteImportSchools,
  remoteLabels,
  remoteTarget,
  tokenOption,
  urlOption,
} from './remote.ts';

/**
 * `socle` — the command line. Commands work on the database the server would
 * use (same environment variables). With the embedded database, stop the
 * server first: one process at a time opens a PGlite directory.
 */

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>, migrate = true): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    if (migrate) await db.migrate();
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

function output(json: boolean, data: unknown, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
}

async function organisationOrFail(db: Database, slug: string | undefined): Promise<string> {
  const id = await findOrganisationId(db, slug);
  if (!id) {
    throw new CliError(
      slug
        ? `No organisation with slug "${slug}"`
        : 'No organisation yet: run `socle seed demo` or start the server with SOCLE_ADMIN_EMAIL/PASSWORD',
    );
  }
  return id;
}

const parseRole = (value: string, previous: Role[] = []): Role[] => {
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`unknown role; one of ${ROLES.join(', ')}`);
  }
  return [...previous, value as Role];
};
const collect = (value: string, previous: string[] = []) => [...previous, value];

interface RejectedRow {
  line: number;
  column: string;
  reason: string;
  value?: string | undefined;
}
const rejectedLines = (rejected: readonly RejectedRow[]) =>
  rejected.map(
    (e) => `Rejected line ${e.line}, column ${e.column}: ${e.reason}${e.value !== undefined ? ` (${e.value})` : ''}`,
  );

/** The human summary of a school import (local or through the API). */
function schoolImportLines(
  report: {
    dryRun: boolean;
    format: string;
    encoding: string;
    rowsRead: number;
    created: number;
    updated: number;
    unchanged: number;
    yearsWritten: number;
    skipped: Record<string, number>;
    rejected: readonly RejectedRow[];
  },
  seconds: number,
): string {
  return [
    `${report.dryRun ? 'Dry run — nothing written. ' : ''}Format ${report.format} (${report.encoding}), ${report.rowsRead} rows read in ${seconds.toFixed(1)} s.`,
    `Created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, yearly figures ${report.yearsWritten}.`,
    ...Object.entries(report.skipped).map(([reason, n]) => `Skipped (${reason}): ${n}`),
    ...rejectedLines(report.rejected),
  ].join('\n');
}

/** The human summary of an asset import (local or through the API). */
function assetImportLines(
  report: {
    dryRun: boolean;
    format: string;
    rowsRead: number;
    valid: number;
    created: number;
    rejectedCount: number;
    modelsCreated: readonly string[];
    rejected: readonly RejectedRow[];
  },
  seconds: number,
): string {
  return [
    `${report.dryRun ? 'Dry run — nothing written. ' : ''}Format ${report.format}, ${report.rowsRead} rows read in ${seconds.toFixed(1)} s.`,
    `Valid ${report.valid}, created ${report.created}, rejected ${report.rejectedCount}.`,
    ...(report.modelsCreated.length ? [`Models created: ${report.modelsCreated.join(', ')}`] : []),
    ...rejectedLines(report.rejected),
  ].join('\n');
}

export function buildCli(): Command {
  const program = new Command('socle')
    .description('Socle — the digital plan of a city’s schools, from the command line')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });
  const json = new Option('--json', 'machine-readable output');

  program
    .command('serve')
    .description('start the server (same as npm start without the build)')
    .action(async () => {
      const { main } = await import('../server/main.ts');
      await main();
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .addOption(json)
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (db) => {
        const status = await db.migrationStatus();
        output(!!opts.json, status, `Migrations applied: ${status.applied}/${status.expected}`);
      });
    });

  const seed = program.command('seed').description('load data');
  seed
    .command('demo')
    .description('create the demo organisation "Ville du Mans" with one account per role (prints passwords once)')
    .addOption(json)
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (db, config) => {
        const accounts = await seedDemo(db, config);
        if (accounts.length === 0) {
          output(!!opts.json, { created: false }, `The demo organisation (${DEMO_SLUG}) exists already; nothing done.`);
          return;
        }
        output(
          !!opts.json,
          { created: true, accounts },
          [
            'Demo accounts (passwords shown once):',
            ...accounts.map((a) => `  ${a.email}  ${a.password}  ${a.role}`),
          ].join('\n'),
        );
      });
    });

  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description('create an account, or reset its password and add roles when it exists')
    .requiredOption('--email <email>', 'e-mail (login)')
    .requiredOption('--password <password>', 'password (12 characters or more)')
    .requiredOption('--role <role>', `role, repeatable: ${ROLES.join(', ')}`, parseRole)
    .option('--school <uai>', 'attach to the school with this UAI, repeatable', collect)
    .option('--name <name>', 'display name')
    .option('--organisation <slug>', 'organisation (default: the first one)')
    .addOption(json)
    .action(
      async (opts: {
        email: string;
        password: string;
        role: Role[];
        school?: string[];
        name?: string;
        organisation?: string;
        json?: boolean;
      }) => {
        await withDatabase(async (db) => {
          const organisationId = await organisationOrFail(db, opts.organisation);
          const result = await ensureUser(db, {
            organisationId,
            email: opts.email,
            password: opts.password,
            roles: opts.role,
            schoolUais: opts.school ?? [],
            ...(opts.name ? { displayName: opts.name } : {}),
            actorKind: 'cli',
          });
          output(
            !!opts.json,
            result,
            `${result.created ? 'Created' : 'Updated'} ${normaliseEmail(opts.email)} (${opts.role.join(', ')})`,
          );
        });
      },
    );

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token for an account (printed once)')
    .requiredOption('--email <email>', 'owner of the token')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--organisation <slug>', 'organisation (default: the first one)')
    .addOption(json)
    .action(async (opts: { email: string; name: string; organisation?: string; json?: boolean }) => {
      await withDatabase(async (db) => {
        const organisationId = await organisationOrFail(db, opts.organisation);
        const [owner] = await db.owner
          .select({ id: users.id })
          .from(users)
          .where(
            sql`${users.organisationId} = ${organisationId} AND lower(${users.email}) = ${normaliseEmail(opts.email)}`,
          );
        if (!owner) throw new CliError(`No account ${opts.email} in this organisation`);
        const created = await db.withOrg(
          { organisationId, userId: owner.id, actorKind: 'cli', requestId: null },
          (scope) => createApiToken(scope, owner.id, opts.name, null),
        );
        output(!!opts.json, created, created.token);
      });
    });

  const importCmd = program.command('import').description('import reference data');
  importCmd
    .command('schools')
    .description(
      'import schools from the Annuaire de l’éducation, the effectifs dataset, the IPS file or Socle’s CSV (upsert by UAI)',
    )
    .argument('<file>', 'CSV file (UTF-8 or Windows-1252, ; or , separated)')
    .addOption(
      new Option('--format <format>', 'file layout (detected when absent)').choices([
        'annuaire',
        'effectifs',
        'ips',
        'socle',
      ]),
    )
    .option('--dry-run', 'report what would be created, updated or rejected; write nothing')
    .option('--skip-invalid', 'import the valid rows even when some are invalid')
    .option('--all-communes', 'ignore the organisation’s list of communes (Annuaire)')
    .option('--organisation <slug>', 'organisation (default: the first one)')
    .addOption(urlOption())
    .addOption(tokenOption())
    .addOption(json)
    .action(
      async (
        file: string,
        opts: {
          format?: ImportFormat;
          dryRun?: boolean;
          skipInvalid?: boolean;
          allCommunes?: boolean;
          organisation?: string;
          url?: string;
          token?: string;
          json?: boolean;
        },
      ) => {
        if (!fs.existsSync(file)) throw new CliError(`No file ${file}`);
        const bytes = new Uint8Array(fs.readFileSync(file));
        const remote = remoteTarget(opts);
        if (remote) {
          const started = Date.now();
          await checkOrganisation(remote, opts.organisation);
          const report = await remoteImportSchools(remote, bytes, opts);
          const seconds = (Date.now() - started) / 1000;
          output(!!opts.json, { ...report, seconds }, schoolImportLines(report, seconds));
          return;
        }
        await withDatabase(async (db) => {
          const organisationId = await organisationOrFail(db, opts.organisation);
          const bar =
            opts.json || !process.stderr.isTTY
              ? null
              : new cliProgress.SingleBar(
                  { format: 'import [{bar}] {value}/{total} schools', stream: process.stderr },
                  cliProgress.Presets.shades_classic,
                );
          const started = Date.now();
          const report = await db
            .withOrg({ organisationId, userId: null, actorKind: 'cli', requestId: null }, (scope) =>
              importSchools(scope, bytes, {
                format: opts.format,
                dryRun: opts.dryRun,
                skipInvalid: opts.skipInvalid,
                ...(opts.allCommunes ? { communes: [] } : {}),
                onProgress: (done, total) => {
                  if (bar && done === Math.min(total, 5000)) bar.start(total, 0);
                  bar?.update(done);
                },
              }),
            )
            .finally(() => bar?.stop());
          await analyseAfterImport(db, report);
          const seconds = (Date.now() - started) / 1000;
          output(!!opts.json, { ...report, seconds }, schoolImportLines(report, seconds));
        });
      },
    );

  importCmd
    .command('assets')
    .description('import assets from a CSV or XLSX file (Socle, Snipe-IT or GLPI layout)')
    .argument('<file>', 'CSV or XLSX file')
    .addOption(
      new Option('--format <format>', 'file layout (detected when absent)').choices(['socle', 'snipeit', 'glpi']),
    )
    .option('--mapping <json>', 'column mapping as JSON: {"tag":"Code","model":"Appareil",…}')
    .option('--dry-run', 'check every row; write nothing')
    .option('--skip-invalid', 'import the valid rows even when some are invalid')
    .option('--create-missing', 'create unknown categories, manufacturers and models')
    .option('--organisation <slug>', 'organisation (default: the first one)')
    .addOption(urlOption())
    .addOption(tokenOption())
    .addOption(json)
    .action(
      async (
        file: string,
        opts: {
          format?: AssetImportFormat;
          mapping?: string;
          dryRun?: boolean;
          skipInvalid?: boolean;
          createMissing?: boolean;
          organisation?: string;
          url?: string;
          token?: string;
          json?: boolean;
        },
      ) => {
        if (!fs.existsSync(file)) throw new CliError(`No file ${file}`);
        let mapping: Record<string, string> | undefined;
        if (opts.mapping) {
          try {
            mapping = JSON.parse(opts.mapping) as Record<string, string>;
          } catch {
            throw new CliError('--mapping must be a JSON object');
          }
        }
        const bytes = new Uint8Array(fs.readFileSync(file));
        const remote = remoteTarget(opts);
        if (remote) {
          const started = Date.now();
          await checkOrganisation(remote, opts.organisation);
          const report = await remoteImportAssets(remote, bytes, { ...opts, mapping });
          const seconds = (Date.now() - started) / 1000;
          output(!!opts.json, { ...report, seconds }, assetImportLines(report, seconds));
          return;
        }
        await withDatabase(async (db) => {
          const organisationId = await organisationOrFail(db, opts.organisation);
          const started = Date.now();
          const bar =
            opts.json || !process.stderr.isTTY
              ? null
              : new cliProgress.SingleBar(
                  { format: 'import {value} rows', stream: process.stderr },
                  cliProgress.Presets.shades_classic,
                );
          bar?.start(0, 0);
          const report = await db
            .withOrg({ organisationId, userId: null, actorKind: 'cli', requestId: null }, (scope) =>
              importAssets(scope, bytes, {
                format: opts.format,
                mapping,
                dryRun: opts.dryRun,
                skipInvalid: opts.skipInvalid,
                createMissing: opts.createMissing,
                onProgress: (n) => bar?.update(n),
              }),
            )
            .finally(() => bar?.stop());
          await analyseAfterAssetImport(db, report);
          const seconds = (Date.now() - started) / 1000;
          output(!!opts.json, { ...report, seconds }, assetImportLines(report, seconds));
        });
      },
    );

  program
    .command('labels')
    .description('write a PDF sheet of QR labels')
    .option('--tags <tags>', 'comma-separated inventory tags')
    .option('--school <uai>', 'every asset of this school')
    .option('--status <statuses>', 'with --school: only these statuses (comma-separated)')
    .addOption(
      new Option('--layout <layout>', 'label sheet').choices(['a4-3x8', 'a4-4x10', 'a4-2x7']).default('a4-3x8'),
    )
    .option('--skip <n>', 'labels already used on the first sheet', '0')
    .requiredOption('--out <file>', 'PDF file to write')
    .option('--organisation <slug>', 'organisation (default: the first one)')
    .addOption(urlOption())
    .addOption(tokenOption())
    .action(
      async (opts: {
        tags?: string;
        school?: string;
        status?: string;
        layout: LabelLayout;
        skip: string;
        out: string;
        organisation?: string;
        url?: string;
        token?: string;
      }) => {
        if (!opts.tags && !opts.school) throw new CliError('Give --tags or --school');
        const remote = remoteTarget(opts);
        if (remote) {
          await checkOrganisation(remote, opts.organisation);
          const { count, pdf } = await remoteLabels(remote, { ...opts, skip: Number(opts.skip) || 0 });
          fs.writeFileSync(opts.out, pdf);
          process.stdout.write(`${count} labels written to ${opts.out}\n`);
          return;
        }
        await withDatabase(async (db, config) => {
          const organisationId = await organisationOrFail(db, opts.organisation);
          const selected = await db.withOrg(
            { organisationId, userId: null, actorKind: 'cli', requestId: null },
            async ({ tx }) => {
              const [org] = await tx
                .select({ name: organisations.name })
                .from(organisations)
                .where(eq(organisations.id, organisationId));
              let schoolId: string | undefined;
              if (opts.school) {
                const [s] = await tx
                  .select({ id: schools.id })
                  .from(schools)
                  .where(eq(schools.uai, opts.school.trim().toUpperCase()));
                if (!s) throw new CliError(`No school with UAI ${opts.school}`);
                schoolId = s.id;
              }
              const found = await tx
                .select({ tag: assets.tag, name: assetModels.name })
                .from(assets)
                .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
                .where(
                  and(
                    opts.tags
                      ? inArray(
                          assets.tag,
                          opts.tags.split(',').map((t) => t.trim()),
                        )
                      : undefined,
                    schoolId ? eq(assets.schoolId, schoolId) : undefined,
                    opts.status ? inArray(assets.status, opts.status.split(',')) : undefined,
                  ),
                )
                .orderBy(asc(assets.tag));
              return { organisation: org?.name ?? '', labels: found };
            },
          );
          if (!selected.labels.length) throw new CliError('No asset matches');
          const pdf = await labelsPdf(selected.labels, {
            layout: opts.layout,
            organisation: selected.organisation,
            publicUrl: config.publicUrl,
            skip: Number(opts.skip) || 0,
          });
          fs.writeFileSync(opts.out, pdf);
          process.stdout.write(`${selected.labels.length} labels written to ${opts.out}\n`);
        });
      },
    );

  const audit = program.command('audit').description('audit trail');
  audit
    .command('verify')
    .description('verify the hash chain of every organisation; exits 1 at the first broken link')
    .option('--organisation <slug>', 'only this organisation')
    .addOption(json)
    .action(async (opts: { organisation?: string; json?: boolean }) => {
      await withDatabase(async (db) => {
        const orgId = opts.organisation ? await organisationOrFail(db, opts.organisation) : undefined;
        const report = await verifyAuditChain(db, orgId);
        if (report.firstBreak) {
          const [org] = await db.owner
            .select({ slug: organisations.slug })
            .from(organisations)
            .where(eq(organisations.id, report.firstBreak.organisationId));
          output(
            !!opts.json,
            { ok: false, ...report },
            `Audit chain BROKEN in organisation ${org?.slug ?? report.firstBreak.organisationId} at event #${report.firstBreak.seq} (${report.firstBreak.reason}); ${report.events} events verified before it.`,
          );
          process.exitCode = 1;
          return;
        }
        output(
          !!opts.json,
          { ok: true, ...report },
          `Audit chain intact: ${report.events} events in ${report.organisations} organisation(s).`,
        );
      });
    });

  program
    .command('backup')
    .description(
      'write a verified backup of the database to FILE (PGlite: stop the server first; PostgreSQL: needs pg_dump)',
    )
    .argument('<file>', 'backup file to create (must not exist)')
    .addOption(json)
    .action(async (file: string, opts: { json?: boolean }) => {
      const manifest = await backupDatabase(loadConfig(), file);
      const rowsTotal = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
      output(
        !!opts.json,
        { file, ...manifest },
        `Backup written to ${file}: ${manifest.engine}, migration level ${manifest.migrations}, ${Object.keys(manifest.tables).length} tables, ${rowsTotal} rows.`,
      );
    });

  program
    .command('restore')
    .description('restore a backup into an empty database (or --force), then verify every table against its manifest')
    .argument('<file>', 'backup file written by `socle backup`')
    .option('--force', 'replace a database that is not empty (PGlite: the old directory is kept aside)')
    .addOption(json)
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const result = await restoreDatabase(loadConfig(), file, { force: opts.force });
      const ok = result.mismatches.length === 0;
      output(
        !!opts.json,
        { ok, ...result },
        ok
          ? `Restored ${file}: ${result.tables} tables, ${result.rows} rows, every count and checksum verified.`
          : `Restored ${file}, but these tables differ from the backup: ${result.mismatches.join(', ')}`,
      );
      if (!ok) process.exitCode = 1;
    });

  program
    .command('bootstrap')
    .description('run first-start provisioning (demo, SOCLE_ADMIN_*) without serving')
    .addOption(json)
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (db, config) => {
        const result = await bootstrap(db, config);
        output(!!opts.json, result, `Bootstrap done${result.admin ? `; admin ${result.admin.email}` : ''}.`);
      });
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof CliError || error instanceof BackupError) {
      process.stderr.write(`socle: ${error.message}\n`);
      process.exitCode = error instanceof CliError ? error.exitCode : 1;
    } else if (error instanceof RemoteError) {
      process.stderr.write(`socle: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof AppError) {
      const fields = error.details.fields?.map((f) => `\n  ${f.path}: ${f.message}`).join('') ?? '';
      process.stderr.write(`socle: ${error.message}${fields}\n`);
      process.exitCode = 1;
    } else if (error instanceof Error && (error.name === 'DataDirLockedError' || error.name === 'ConfigError')) {
      process.stderr.write(`socle: ${error.message}\n`);
      process.exitCode = 3;
    } else {
      throw error;
    }
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (isEntry) await runCli(process.argv);
