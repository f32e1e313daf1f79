import { buildApp, loggerOptions } from './app.ts';
import { type BootstrapResult, bootstrap } from './bootstrap.ts';
import { type Config, ConfigError, describeConfig, loadConfig } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { DataDirLockedError } from './db/lock.ts';
import { type Jobs, startJobs } from './jobs/jobs.ts';
import { loadSecrets } from './secrets.ts';

/** Composition root: loadConfig → openDatabase → migrate → bootstrap → buildApp → listen. */

function printAccounts(result: BootstrapResult, config: Config): void {
  const out: string[] = [];
  if (result.demoAccounts.length) {
    out.push('', 'Socle — comptes de démonstration « Ville du Mans » (mots de passe affichés une seule fois) :');
    out.push('Socle — demo accounts (passwords shown once):', '');
    const width = Math.max(...result.demoAccounts.map((a) => a.email.length));
    for (const a of result.demoAccounts) {
      out.push(
        `  ${a.email.padEnd(width)}  ${a.password}  ${a.role}${a.schools.length ? `  (${a.schools.join(', ')})` : ''}`,
      );
    }
    out.push('');
  }
  if (result.organisationCreated) out.push(`Organisation created: ${result.organisationCreated}`);
  if (result.admin) out.push(`Admin account ${result.admin.created ? 'created' : 'updated'}: ${result.admin.email}`);
  const url = `http://localhost:${config.http.port}`;
  out.push(`Socle: ${url}  (API docs: ${url}/api/docs)`);
  // Printed to the console on purpose, never to the structured log.
  process.stdout.write(`${out.join('\n')}\n`);
}

export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
  await db.migrate();
  const result = await bootstrap(db, config);
  const secrets = await loadSecrets(db, config);

  let jobs: Jobs | null = null;
  const app = await buildApp(
    {
      config,
      db,
      secrets,
      get jobs() {
        return jobs;
      },
    },
    { logger: loggerOptions(config.logLevel) },
  );
  app.log.info({ config: describeConfig(config) }, 'starting');
  if (config.jobs.enabled) jobs = await startJobs(db, config, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    await jobs?.stop().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.http.port, host: config.http.host });
  printAccounts(result, config);
}

const isEntry = process.argv[1] && /server[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (isEntry) {
  main().catch((error) => {
    process.stderr.write(`Socle failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
