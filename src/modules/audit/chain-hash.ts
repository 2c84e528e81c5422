import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/**
 * JSON with object keys sorted at every depth: the same data always gives the same bytes. Written as
 * plain loops: it runs for every lead (consent fingerprint) and every sealed audit event.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // Default sort order compares UTF-16 code units, like "<": the order every stored hash was made with.
  const keys = Object.keys(object).sort();
  let out = "{";
  for (const key of keys) {
    const v = object[key];
    if (v === undefined) continue;
    out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

export const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

export interface ChainableEvent {
  id: number;
  occurredAt: Date;
  orgId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

/** A link commits to the previous link and to every column of its event. */
export function linkHash(prevHash: string, e: ChainableEvent): string {
  return sha256Hex(`${prevHash}\n${canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() })}`);
}
