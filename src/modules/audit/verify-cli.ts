// `npm run audit:verify`: seals what is pending, then recomputes the whole chain. Exit 1 on a broken link.
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { loadConfig } from "../../server/config";
import { sealAuditChain } from "./seal-chain";
import { verifyAuditChain } from "./verify-chain";

const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch((e: Error) => {
  console.error(`Vérification impossible : ${e.message}`);
  process.exit(2);
});
try {
  await runMigrations(database);
  const sealed = await sealAuditChain(database.db, { full: true });
  const started = performance.now();
  const verdict = await verifyAuditChain(database.db);
  const ms = Math.round(performance.now() - started);
  if (verdict.ok) {
    console.log(`Journal d'audit intègre : ${verdict.checked} entrées vérifiées en ${ms} ms (${sealed} scellées à l'instant).`);
  } else {
    const b = verdict.brokenAt;
    console.error(
      `Journal d'audit ROMPU à la position ${b.position} (événement n° ${b.eventId}) : ${b.problem}. ${verdict.checked} entrées intègres avant elle.`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
