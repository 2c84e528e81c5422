import { count, eq } from "drizzle-orm";
import { users } from "../modules/accounts/schema";
import { appointmentJobHandlers } from "../modules/appointments";
import { checkpointHead, checkpointLog, installEvidenceKeys, loadEvidenceSetup, sealAuditChain, startAuditSealer } from "../modules/audit";
import { paymentProviderOf, paymentReconciliationJob } from "../modules/billing";
import { deliveryJobHandlers, purgeWebhookBodiesSchedule } from "../modules/delivery";
import { checkpointMailHandler, checkpointMailSchedule } from "../modules/evidence";
import { followupJobHandlers, followupSchedule } from "../modules/followup";
import { purgeFormTokensHandler, purgeFormTokensSchedule } from "../modules/hosted-forms";
import { startJobRunner } from "../modules/jobs";
import { ensurePriceGrid, startMarketWorker } from "../modules/market";
import { createNotifier } from "../modules/notifications";
import { preloadPostalCodes } from "../modules/reference-data";
import type { Clock } from "../platform/clock";
import type { Config } from "../platform/config";
import { ADVISORY_LOCKS, withAdvisoryLock } from "../platform/db/advisory-lock";
import { appRoleProblems, migrateAsOwner } from "../platform/db/app-role";
import { type Database, openDatabase } from "../platform/db/client";
import { startStatisticsMaintenance } from "../platform/db/statistics-maintenance";
import type { App } from "../platform/deps";
import { redactError } from "../platform/log-redaction";
import { seedDemo } from "../seed/demo";
import { buildApp } from "./app";
import { startImportWatchdog } from "./import-watchdog";

export interface Running {
  app: App;
  database: Database;
  url: string;
  demo: Awaited<ReturnType<typeof seedDemo>> | null;
  /** Address of the in-process SMTP capture server, when no real SMTP is configured. */
  mailCapture: string | null;
  /** Where the signed checkpoints of the audit chain go. */
  checkpointDir: string;
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates, seeds the demo (outside production), starts background work and HTTP.
 * `clock` is the process's "now": main passes the system's, tests the day they need.
 */
export async function start(config: Config, clock: Clock): Promise<Running> {
  // The key first: nothing may be journaled unsigned.
  const evidence = loadEvidenceSetup(config, { create: !config.isProduction });
  installEvidenceKeys(evidence.keys);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    marketPoolSize: config.DATABASE_MARKET_POOL_SIZE,
  });
  const { db } = database;
  // Migrations run as the tables' owner when one is configured, under the startup lock either way.
  await migrateAsOwner(database, config.DATABASE_OWNER_URL);
  const roleProblems = await appRoleProblems(database);
  if (config.isProduction && roleProblems.length > 0) {
    await database.close();
    throw new Error(
      `${roleProblems.join(" ; ")}. En production l'application se connecte avec un rôle qui ne possède aucune table ; les migrations passent par DATABASE_OWNER_URL (voir README).`,
    );
  }
  // Instances started together take turns: the first seeds the demo, the others find it done.
  const demo = await withAdvisoryLock(database, ADVISORY_LOCKS.startup, async (locked) => {
    // A marketplace without prices cannot sell: the first start publishes the default grid (decision 014).
    await ensurePriceGrid(locked, clock());
    if (!config.isProduction) return seedDemo(locked, clock());
    const [row] = await locked.select({ n: count() }).from(users).where(eq(users.isDemo, true));
    if ((row?.n ?? 0) > 0) return "refused" as const;
    return null;
  });
  if (demo === "refused") {
    await database.close();
    throw new Error("Des comptes de démonstration existent dans cette base : refus de démarrer en production.");
  }
  const checkpoints = checkpointLog(evidence.checkpointDir, evidence.instance);
  // The commune list takes a few hundred ms to index: pay it now, not on the first lead.
  preloadPostalCodes();
  const notifier = await createNotifier({ config, db, onError: (e) => console.error("mail capture", redactError(e)) });
  const app = await buildApp({ database, config, clock, notifier });
  const onForgery = (eventId: number, problem: string) =>
    app.log.error({ eventId }, `journal d'audit : événement n° ${eventId}, ${problem}`);
  await sealAuditChain(db, { full: true, checkpoints, now: clock, onForgery });
  await checkpointHead(db, checkpoints, clock());
  const stopSealer = startAuditSealer(db, { checkpoints, now: clock, onForgery, onError: (e) => app.log.error(e, "audit sealer") });
  const stopWatchdog = await startImportWatchdog(database, (e) => app.log.error(e, "import watchdog"));
  const stopStatistics = await startStatisticsMaintenance(database, 15_000, (e) => app.log.error(e, "statistics maintenance"));
  const mailTo = config.AUDIT_CHECKPOINT_MAIL_TO;
  const checkpointMail = mailTo ? checkpointMailHandler({ notifier, to: mailTo, checkpoints, instance: evidence.instance }) : null;
  const stopMarket = startMarketWorker(db, { clock, onError: (e) => app.log.error(e, "market worker") });
  const reconcile = paymentReconciliationJob(paymentProviderOf(config));
  // Links in messages: the configured public address, else the address the server listens on, known once it does.
  let publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const appointments = appointmentJobHandlers({ notifier, secret: config.sessionSecret, appUrl: () => publicUrl });
  const stopJobs = startJobRunner(db, {
    clock,
    handlers: [
      ...followupJobHandlers({ notifier }),
      ...deliveryJobHandlers({ notifier, appUrl: config.PUBLIC_URL ?? null, production: config.isProduction }),
      ...appointments,
      reconcile.handler,
      purgeFormTokensHandler,
      ...(checkpointMail ? [checkpointMail] : []),
    ],
    schedule: (at) => [
      ...followupSchedule(at),
      ...reconcile.schedule(at),
      ...purgeWebhookBodiesSchedule(at),
      ...purgeFormTokensSchedule(at),
      ...(checkpointMail ? checkpointMailSchedule(at) : []),
    ],
    onError: (e) => app.log.error(e, "jobs"),
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  const url = address.replace("127.0.0.1", "localhost");
  if (!config.PUBLIC_URL) publicUrl = url;
  return {
    app,
    database,
    url,
    demo,
    mailCapture: notifier.mail.captureAddress,
    checkpointDir: evidence.checkpointDir,
    async stop() {
      await stopJobs();
      await stopMarket();
      await stopWatchdog();
      await app.close();
      await notifier.close();
      await stopSealer();
      await stopStatistics();
      await database.close();
    },
  };
}
