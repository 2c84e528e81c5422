/**
 * Which standing order gets an exclusive lead, among those that may take it. Fair rotation weighted by
 * cap: the order that has received the smallest share of its weekly cap so far goes first, so an order
 * with a cap of 40 receives about twice as many leads as one with 20, and orders take turns instead of one
 * filling up before the next starts. Ties go to the order served longest ago (never served first), then
 * to the oldest order: the choice is deterministic, so it can be explained to a broker and tested.
 */
export interface OrderCandidate {
  id: string;
  weeklyCap: number;
  receivedThisWeek: number;
  lastServedAt: Date | null;
  createdAt: Date;
}

export function rankOrders<T extends OrderCandidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => {
    const share = a.receivedThisWeek / a.weeklyCap - b.receivedThisWeek / b.weeklyCap;
    if (share !== 0) return share;
    const served = (a.lastServedAt?.getTime() ?? 0) - (b.lastServedAt?.getTime() ?? 0);
    if (served !== 0) return served;
    return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);
  });
}
