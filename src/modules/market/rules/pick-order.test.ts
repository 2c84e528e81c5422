import { describe, expect, it } from "vitest";
import { type OrderCandidate, rankOrders } from "./pick-order";

const order = (id: string, weeklyCap: number, receivedThisWeek = 0, lastServedAt: Date | null = null): OrderCandidate => ({
  id,
  weeklyCap,
  receivedThisWeek,
  lastServedAt,
  createdAt: new Date("2026-11-01T00:00:00Z"),
});

/** Plays the rotation: each lead goes to the first ranked order, which then counts it. */
function distribute(orders: OrderCandidate[], leads: number): Record<string, number> {
  const state = orders.map((o) => ({ ...o }));
  for (let i = 0; i < leads; i++) {
    const open = state.filter((o) => o.receivedThisWeek < o.weeklyCap);
    const first = rankOrders(open)[0];
    if (!first) break;
    first.receivedThisWeek++;
    first.lastServedAt = new Date(Date.UTC(2026, 10, 30, 0, 0, i));
  }
  return Object.fromEntries(state.map((o) => [o.id, o.receivedThisWeek]));
}

describe("order rotation", () => {
  it("shares leads in proportion to the weekly caps", () => {
    expect(distribute([order("a", 20), order("b", 40)], 30)).toEqual({ a: 10, b: 20 });
  });

  it("takes turns between equal orders instead of filling one first", () => {
    expect(distribute([order("a", 10), order("b", 10), order("c", 10)], 6)).toEqual({ a: 2, b: 2, c: 2 });
  });

  it("never exceeds a cap, and stops when every cap is reached", () => {
    expect(distribute([order("a", 3), order("b", 5)], 100)).toEqual({ a: 3, b: 5 });
  });

  it("serves first the order that received the smallest share, then the one served longest ago", () => {
    const ranked = rankOrders([
      order("recent", 10, 1, new Date("2026-11-30T10:00:00Z")),
      order("behind", 10, 0, new Date("2026-11-30T11:00:00Z")),
      order("older", 10, 1, new Date("2026-11-30T09:00:00Z")),
    ]);
    expect(ranked.map((o) => o.id)).toEqual(["behind", "older", "recent"]);
  });
});
