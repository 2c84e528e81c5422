import { createReadStream } from "node:fs";
import { mkdir, open, readdir } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { type EvidenceKeys, hmac, sameMac } from "./evidence-keys";

/**
 * A checkpoint: the head of the chain (its position and hash) at a moment, signed by the application.
 * Written outside the database each time the sealer advances the head, at start-up and at shutdown: the
 * database can be rewritten, a checkpoint kept elsewhere cannot be matched without the key. `chain` names
 * the chain (the id its first event carries), so that checkpoints of another database in the same folder
 * (a development database recreated, a benchmark) are told apart from a truncated chain.
 */
export interface Checkpoint {
  chain: string;
  position: number;
  hash: string;
  at: Date;
  /** `keyId.tag` */
  mac: string;
}

const message = (c: Omit<Checkpoint, "mac">) => `checkpoint\n${c.chain}\n${c.position}\n${c.hash}\n${c.at.toISOString()}`;

export function signCheckpoint(keys: EvidenceKeys, c: Omit<Checkpoint, "mac">): Checkpoint {
  return { ...c, mac: `${keys.signing.id}.${hmac(keys.signing.checkpointKey, message(c))}` };
}

export function checkpointSigned(keys: EvidenceKeys, c: Checkpoint): boolean {
  const [keyId = "", tag = ""] = c.mac.split(".");
  const key = keys.byId.get(keyId);
  return !!key && sameMac(tag, hmac(key.checkpointKey, message(c)));
}

/** One JSON line per checkpoint: the format of the files, and of the daily e-mail. */
export const checkpointLine = (c: Checkpoint, instance: string) =>
  JSON.stringify({ chain: c.chain, position: c.position, hash: c.hash, at: c.at.toISOString(), instance, mac: c.mac });

export interface CheckpointLog {
  dir: string;
  append(c: Checkpoint): Promise<void>;
}

/**
 * Appends checkpoints to `<dir>/<day>.<instance>.jsonl` (UTC day of the checkpoint), flushed to disk
 * before returning. One file per instance: several instances sharing the folder never write to the same
 * file, so no locking is needed and a network file system cannot interleave their lines.
 */
export function checkpointLog(dir: string, instance: string): CheckpointLog {
  const name = instance.replace(/[^A-Za-z0-9_-]/g, "_");
  return {
    dir,
    async append(c) {
      await mkdir(dir, { recursive: true });
      const file = await open(path.join(dir, `${c.at.toISOString().slice(0, 10)}.${name}.jsonl`), "a", 0o640);
      try {
        await file.appendFile(`${checkpointLine(c, instance)}\n`);
        await file.datasync();
      } finally {
        await file.close();
      }
    },
  };
}

export interface ReadCheckpoints {
  checkpoints: (Checkpoint & { source: string })[];
  /** Lines that are not checkpoints at all (a damaged or edited file). */
  unreadable: { source: string; reason: string }[];
}

/** Every checkpoint of every `.jsonl` file in these folders (a missing folder holds none). */
export async function readCheckpoints(dirs: string[]): Promise<ReadCheckpoints> {
  const out: ReadCheckpoints = { checkpoints: [], unreadable: [] };
  for (const dir of dirs) {
    const files = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? [] : Promise.reject(e)));
    for (const file of files.filter((f) => f.endsWith(".jsonl")).sort()) {
      let n = 0;
      for await (const line of createInterface({ input: createReadStream(path.join(dir, file)), crlfDelay: Number.POSITIVE_INFINITY })) {
        n++;
        if (!line.trim()) continue;
        const source = `${path.join(dir, file)}:${n}`;
        const c = parseLine(line);
        if (c) out.checkpoints.push({ ...c, source });
        else out.unreadable.push({ source, reason: "ligne illisible" });
      }
    }
  }
  return out;
}

function parseLine(line: string): Checkpoint | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    const at = new Date(String(v.at));
    const ok =
      typeof v.chain === "string" &&
      Number.isSafeInteger(v.position) &&
      typeof v.hash === "string" &&
      typeof v.mac === "string" &&
      !Number.isNaN(at.getTime());
    return ok ? { chain: v.chain as string, position: v.position as number, hash: v.hash as string, at, mac: v.mac as string } : null;
  } catch {
    return null;
  }
}
