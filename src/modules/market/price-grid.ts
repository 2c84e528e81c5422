import { desc, eq, sql } from "drizzle-orm";
import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/sha256";
import type { DbOrTx, Tx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import type { Actor } from "../audit";
import { appendAuditEvent } from "../audit";
import { defaultPriceGrid, gridProblems, type PriceEntry } from "./rules/default-prices";
import type { LeadType, PriceTier, SaleChannel } from "./rules/sale-terms";
import { priceGrids, prices } from "./schema";

/**
 * Publications take turns (an advisory lock rather than LOCK TABLE: the application's role may only read
 * and insert into evidence tables, and LOCK TABLE in this mode needs more).
 */
const GRID_LOCK = sql`select pg_advisory_xact_lock(hashtext('market.price-grid'))`;

export interface PriceGrid {
  version: number;
  publishedAt: Date;
  note: string;
  entries: PriceEntry[];
}

/** The grid in force: the highest version. */
export async function currentPriceGrid(db: DbOrTx): Promise<PriceGrid | null> {
  const [grid] = await db.select().from(priceGrids).orderBy(desc(priceGrids.version)).limit(1);
  if (!grid) return null;
  const entries = await db
    .select({
      product: prices.product,
      leadType: prices.leadType,
      channel: prices.channel,
      tier: prices.tier,
      priceCents: prices.priceCents,
    })
    .from(prices)
    .where(eq(prices.version, grid.version))
    .orderBy(prices.product, prices.leadType, prices.channel, prices.tier);
  return { version: grid.version, publishedAt: grid.publishedAt, note: grid.note, entries };
}

/**
 * Publishes a new version of the whole grid (what the operator saw and saved, not a diff), in the audit
 * chain with the digest of its entries, so a sale's price can be traced to the grid it came from.
 * Versions are numbered by the database: two operators saving at once get two versions, never one.
 */
export async function publishPriceGrid(
  db: DbOrTx,
  actor: Actor & { userId: string | null },
  input: { entries: PriceEntry[]; note: string },
  now: Date,
): Promise<number> {
  const problems = gridProblems(input.entries);
  if (problems.length > 0)
    throw new AppError("validation_error", {
      field: "entries",
      message: `La grille de prix est incomplète ou incohérente : ${problems[0]}`,
      details: problems,
    });
  const run = async (tx: Tx) => {
    await tx.execute(GRID_LOCK);
    const [last] = await tx.select({ version: priceGrids.version }).from(priceGrids).orderBy(desc(priceGrids.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    await tx.insert(priceGrids).values({ version, publishedAt: now, publishedBy: actor.userId, note: input.note });
    await tx.insert(prices).values(input.entries.map((e) => ({ version, ...e })));
    await appendAuditEvent(tx, {
      actor,
      action: "price_grid.published",
      entityType: "price_grid",
      entityId: String(version),
      data: { version, note: input.note, entries: input.entries.length, sha256: sha256Hex(canonicalJson(sortedEntries(input.entries))) },
      occurredAt: now,
    });
    return version;
  };
  return db.transaction(run);
}

function sortedEntries(entries: PriceEntry[]) {
  const key = (e: PriceEntry) => `${e.product}|${e.leadType}|${e.channel}|${e.tier}`;
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Publishes the default grid when none exists (first start). Safe when several instances start at once. */
export async function ensurePriceGrid(db: DbOrTx, now: Date): Promise<void> {
  const [any] = await db.select({ version: priceGrids.version }).from(priceGrids).limit(1);
  if (any) return;
  const run = async (tx: Tx) => {
    await tx.execute(GRID_LOCK);
    const [again] = await tx.select({ version: priceGrids.version }).from(priceGrids).limit(1);
    if (again) return;
    await publishPriceGrid(tx, { orgId: null, userId: null }, { entries: defaultPriceGrid(), note: "Grille initiale" }, now);
  };
  await db.transaction(run);
}

/** The price in force for one sale, read in the sale's transaction. */
export async function priceInForce(
  tx: DbOrTx,
  key: { product: string; leadType: LeadType; channel: SaleChannel; tier: PriceTier },
): Promise<{ priceCents: number; version: number } | null> {
  const [row] = await tx
    .select({ priceCents: prices.priceCents, version: prices.version })
    .from(prices)
    .where(
      sql`${prices.version} = (select max(version) from price_grids) and ${prices.product} = ${key.product}
          and ${prices.leadType} = ${key.leadType} and ${prices.channel} = ${key.channel} and ${prices.tier} = ${key.tier}`,
    );
  return row ?? null;
}
