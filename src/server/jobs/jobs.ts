import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import { type Database, rows } from '../db/connection.ts';
import { purgeExpiredSessions } from '../modules/auth/service.ts';
import { closeExpiredTickets } from '../modules/helpdesk/service.ts';
import { writeWarrantyDigests } from '../modules/inventory/warranty.ts';
import { CAMPAIGN_LINK_MAIL_JOB, runCampaignLinkMail } from '../modules/loans/campaigns.ts';
import { sendLoanReminders } from '../modules/loans/reminders.ts';
import { purgePersonalData } from '../modules/loans/service.ts';
import { purgeTraineeNames } from '../modules/training/retention.ts';
import {
  dispatchDueDeliveries,
  emitOverdueLoans,
  purgeWebhookLogs,
  runDelivery,
  WEBHOOK_DELIVER_JOB,
  WEBHOOK_DISPATCH_JOB,
  WEBHOOK_OVERDUE_JOB,
} from '../modules/webhooks/service.ts';
import { loadSecrets } from '../secrets.ts';

/**
 * Background jobs on pg-boss, in the same database as the data (PGlite or
 * PostgreSQL) through `Database.jobsAdapter`. On a PostgreSQL server several
 * Socle processes share the queues; a job runs once.
 */

export interface JobDefinition {
  readonly name: string;
  /** Cron expression (UTC) when the job is periodic. */
  readonly cron?: string;
  /** Workers of this queue in each process (default 1): jobs of one queue run this many at once. */
  readonly workers?: (config: Config) => number;
  /** `boss`: to queue follow-up jobs (webhook retries). */
  run(db: Database, config: Config, data: unknown, boss: PgBoss): Promise<unknown>;
}

/**
 * Planner statistics where nothing else keeps them: PGlite runs no
 * autovacuum, and a PostgreSQL server may run with it turned off (the
 * project's own CI machines do). Without statistics the planner keeps the
 * estimates of an empty database and picks plans that read every asset
 * several times (the socle of 2,000 schools: 3.8 s without, 1.2 s with;
 * the demo's dashboard on PostgreSQL: SQL 82 ms without, 33 ms with —
 * bench/README.md). When PostgreSQL's autovacuum is on, it does this job.
 */
export async function analyzeIfUnattended(db: Database): Promise<{ analyzed: boolean; ms: number }> {
  if (db.kind !== 'pglite') {
    const [setting] = await rows<{ on: boolean }>(db.owner, sql`SELECT current_setting('autovacuum') = 'on' AS on`);
    if (setting?.on) return { analyzed: false, ms: 0 };
  }
  const started = Date.now();
  await db.owner.execute(sql`ANALYZE`);
  return { analyzed: true, ms: Date.now() - started };
}

export const JOBS: readonly JobDefinition[] = [
  {
    name: 'db-analyze',
    cron: '11 * * * *',
    run: (db) => analyzeIfUnattended(db),
  },
  {
    name: 'sessions-purge',
    cron: '17 3 * * *',
    run: (db) => purgeExpiredSessions(db),
  },
  {
    // Monday 06:00 UTC, before the week starts.
    name: 'warranty-digest',
    cron: '0 6 * * 1',
    run: (db) => writeWarrantyDigests(db),
  },
  {
    // Family personal data past their retention delay (loans closed, incidents settled);
    // names of staff trained without an account past theirs (training/retention.ts).
    name: 'loans-purge',
    cron: '43 2 * * *',
    run: async (db, config) => ({ ...(await purgePersonalData(db, config)), ...(await purgeTraineeNames(db)) }),
  },
  {
    // 07:00 UTC (8-9 h in France): return reminders to families, weekly overdue digest to directors and managers.
    name: 'loans-reminders',
    cron: '0 7 * * *',
    run: async (db, config) => sendLoanReminders({ db, config, secrets: await loadSecrets(db, config) }),
  },
  {
    // Resolved tickets past their reopen window become closed (helpdesk README).
    name: 'helpdesk-auto-close',
    cron: '29 2 * * *',
    run: (db) => closeExpiredTickets(db),
  },
  {
    // One family-link mail per loan of a confirmed crisis campaign (queued by the confirmation).
    name: CAMPAIGN_LINK_MAIL_JOB,
    run: (db, config, data) => runCampaignLinkMail(db, config, data),
  },
  {
    // Outbound webhooks: due deliveries of the outbox (new events, lost retries) get a delivery job.
    name: WEBHOOK_DISPATCH_JOB,
    cron: '* * * * *',
    run: (db, _config, _data, boss) => dispatchDueDeliveries(db, boss),
  },
  {
    // One attempt at one webhook delivery; a failure queues the next attempt with backoff (webhooks README).
    // Several at once, so that a slow receiver does not hold the others back.
    name: WEBHOOK_DELIVER_JOB,
    workers: (config) => config.webhooks.concurrency,
    run: (db, config, data, boss) => runDelivery(db, config, data, boss),
  },
  {
    // 02:37 UTC: finished webhook deliveries, their attempts and events older than SOCLE_WEBHOOK_LOG_DAYS.
    name: 'webhooks-purge',
    cron: '37 2 * * *',
    run: (db, config) => purgeWebhookLogs(db, config.webhooks.logDays),
  },
  {
    // 07:10 UTC, after the loan reminders: loan.overdue webhook events.
    name: WEBHOOK_OVERDUE_JOB,
    cron: '10 7 * * *',
    run: (db) => emitOverdueLoans(db),
  },
];

export interface Jobs {
  readonly boss: PgBoss;
  /** Queue one run of a job now; resolves with its id. */
  send(name: string, data?: object): Promise<string>;
  /** Waits until a job completed or failed (polling; for CLI and tests). */
  waitFor(name: string, id: string, timeoutMs?: number): Promise<{ state: string; output: unknown }>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  readonly pollingIntervalSeconds?: number;
}

/**
 * Two processes starting at once on one PostgreSQL create the same queues:
 * pg-boss's queue creation (a partition per queue) can deadlock between
 * them. The loser's transaction is rolled back and retried; creating a queue
 * or a schedule that exists is a no-op. Seen in test/resilience/two-instances.
 */
async function retryOnStartupRace<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 40P01 deadlock_detected; 23505 unique_violation (a catalogue row created by the other process).
      if (attempt >= 10 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 250));
    }
  }
}

/**
 * Creates the queues of `JOBS`, with the expiration of the configuration
 * (`SOCLE_JOB_EXPIRE_SECONDS`): a job is given its queue's expiration when
 * it is sent, whoever sends it, and retried by pg-boss (twice) once it has
 * been active that long — its process was killed, or it hangs. Queues made
 * by an earlier configuration are brought to this one.
 */
export async function prepareQueues(boss: PgBoss, config: Config): Promise<void> {
  const expireInSeconds = config.jobs.expireSeconds;
  for (const job of JOBS) {
    const options = { name: job.name, expireInSeconds };
    await retryOnStartupRace(() => boss.createQueue(job.name, options));
    const queue = await boss.getQueue(job.name);
    if (queue && queue.expireInSeconds !== expireInSeconds)
      await retryOnStartupRace(() => boss.updateQueue(job.name, options));
  }
}

export async function startJobs(
  db: Database,
  config: Config,
  logger: FastifyBaseLogger,
  options: JobsOptions = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    db: db.jobsAdapter,
    schema: 'pgboss',
    // PGlite is one session: keep maintenance light. Maintenance is also what finds
    // expired jobs (active in a process that died) and retries them: at least as often
    // as a job expires.
    maintenanceIntervalSeconds: Math.min(300, config.jobs.expireSeconds),
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (error) => logger.error({ err: error }, 'job system error'));
  await boss.start();
  await prepareQueues(boss, config);
  for (const job of JOBS) {
    // pg-boss runs one job at a time per worker; several workers of one queue poll and run independently.
    for (let worker = 0; worker < (job.workers?.(config) ?? 1); worker++)
      await boss.work(
        job.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([j]) => {
          const started = Date.now();
          const output = await job.run(db, config, j?.data, boss);
          logger.info({ job: job.name, id: j?.id, ms: Date.now() - started }, 'job done');
          return output;
        },
      );
    if (job.cron) await retryOnStartupRace(() => boss.schedule(job.name, job.cron as string, {}, { tz: 'UTC' }));
  }
  return {
    boss,
    async send(name, data = {}) {
      const id = await boss.send(name, data);
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    async waitFor(name, id, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById(name, id);
        if (job && ['completed', 'failed', 'cancelled'].includes(job.state))
          return { state: job.state, output: job.output };
        if (Date.now() > deadline) throw new Error(`job ${name} ${id} did not finish in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, wait: true, close: false });
    },
  };
}
