import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "../../platform/config";
import { type EvidenceKeys, newKeyEntry, parseEvidenceKeys } from "./evidence-keys";

export interface EvidenceSetup {
  keys: EvidenceKeys;
  checkpointDir: string;
  instance: string;
  /** Files or folders made at this start (development's first start). */
  created: string[];
}

/** Where development keeps its key and checkpoints: beside the data folder, as the data folder itself is made. */
export const devEvidenceDir = (dataDir: string) => `${path.resolve(dataDir)}-evidence`;

/**
 * The evidence key and checkpoint folder. Production names them (config.ts refuses to start otherwise);
 * development makes them beside the data folder at first start, so `npm install && npm start` is still
 * all it takes. `create: false` (the verifier) never makes a key: a new key could verify nothing.
 */
export function loadEvidenceSetup(config: Config, opts: { create: boolean }): EvidenceSetup {
  const created: string[] = [];
  const devDir = devEvidenceDir(config.DATA_DIR);
  let keys: EvidenceKeys;
  if (config.AUDIT_KEYS) keys = parseEvidenceKeys(config.AUDIT_KEYS, "AUDIT_KEYS");
  else {
    const file = config.AUDIT_KEYS_FILE ?? path.join(devDir, "audit-keys");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || config.AUDIT_KEYS_FILE || !opts.create)
        throw new Error(`Clé du journal d'audit illisible (${file}) : ${(e as Error).message}`);
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      text = `# Clé de développement du journal d'audit, créée au premier démarrage. Ne pas utiliser en production.\n${newKeyEntry("dev-1")}\n`;
      writeFileSync(file, text, { mode: 0o600, flag: "wx" });
      created.push(file);
    }
    keys = parseEvidenceKeys(text, file);
  }
  const checkpointDir = path.resolve(config.AUDIT_CHECKPOINT_DIR ?? path.join(devDir, "checkpoints"));
  if (opts.create) {
    const made = mkdirSync(checkpointDir, { recursive: true, mode: 0o750 });
    if (made) created.push(checkpointDir);
  }
  return { keys, checkpointDir, instance: config.AUDIT_INSTANCE ?? `${os.hostname()}-${process.pid}`, created };
}
