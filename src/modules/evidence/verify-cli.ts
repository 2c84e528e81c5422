// `npm run audit:verify [-- other checkpoint folders…]`: seals what is pending, then checks every piece of
// evidence (verify-evidence.ts). Exit 0 when everything holds, 1 when something was altered, 2 when the
// check could not run.
import path from "node:path";
import { loadConfig } from "../../platform/config";
import { openDatabase } from "../../platform/db/client";
import { checkpointLog, installEvidenceKeys, loadEvidenceSetup, readCheckpoints, sealAuditChain } from "../audit";
import { formatReport } from "./format-report";
import { verifyEvidence } from "./verify-evidence";

const fail = (e: unknown) => {
  console.error(`Vérification impossible : ${(e as Error).message}`);
  process.exit(2);
};

const config = (() => {
  try {
    return loadConfig();
  } catch (e) {
    return fail(e);
  }
})();
const evidence = (() => {
  try {
    return loadEvidenceSetup(config, { create: false });
  } catch (e) {
    return fail(e);
  }
})();
installEvidenceKeys(evidence.keys);
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch(fail);
try {
  const started = performance.now();
  const sealed = await sealAuditChain(database.db, { full: true, checkpoints: checkpointLog(evidence.checkpointDir, evidence.instance) });
  const folders = [evidence.checkpointDir, ...process.argv.slice(2).map((d) => path.resolve(d))];
  const report = await verifyEvidence(database.db, { checkpoints: await readCheckpoints(folders) });
  const seconds = (performance.now() - started) / 1000;
  const { text, ok } = formatReport(report, { sealedNow: sealed, seconds, folders });
  if (ok) console.log(text);
  else {
    console.error(text);
    process.exitCode = 1;
  }
} catch (e) {
  fail(e);
} finally {
  await database.close();
}
