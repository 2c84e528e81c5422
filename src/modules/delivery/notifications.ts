import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { brokerNotifications, notificationReads } from "./schema";

/** The brokerage's latest notices and how many this user has not seen. */
export async function listNotifications(db: Db, orgId: string, userId: string, limit = 30) {
  const [cursor] = await db.select().from(notificationReads).where(eq(notificationReads.userId, userId));
  const readUntil = cursor?.readUntil ?? null;
  const items = await db
    .select()
    .from(brokerNotifications)
    .where(eq(brokerNotifications.orgId, orgId))
    .orderBy(desc(brokerNotifications.createdAt), desc(brokerNotifications.id))
    .limit(limit);
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${brokerNotifications}
        where ${and(eq(brokerNotifications.orgId, orgId), readUntil ? gt(brokerNotifications.createdAt, readUntil) : undefined)}`,
  );
  return {
    unread: count?.n ?? 0,
    items: items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt,
      unread: readUntil === null || n.createdAt > readUntil,
    })),
  };
}

/** "Tout marquer comme lu": everything received until now. */
export async function markNotificationsRead(db: Db, userId: string, now: Date) {
  await db
    .insert(notificationReads)
    .values({ userId, readUntil: now })
    .onConflictDoUpdate({
      target: notificationReads.userId,
      set: { readUntil: sql`greatest(${notificationReads.readUntil}, excluded.read_until)` },
    });
}
