import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
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
