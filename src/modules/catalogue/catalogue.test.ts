import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../../tests/support/test-app";

type Field = { key: string; minDate?: string; maxDate?: string };
type Catalogue = { groups: { products: { slug: string; fields: Field[] }[] }[] };

let now = new Date("2027-01-31T22:59:00Z");
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => now });
});
afterAll(() => ctx.close());

async function dateFieldOf(slug: string, key: string): Promise<Field | undefined> {
  const res = await ctx.app.inject({ method: "GET", url: "/api/v1/catalogue" });
  const products = (res.json() as Catalogue).groups.flatMap((g) => g.products);
  return products.find((p) => p.slug === slug)?.fields.find((f) => f.key === key);
}

describe("the public catalogue", () => {
  it("moves its date bounds with the Paris day, not with the server's start", async () => {
    // 31 January, 23:59 in Paris: a mise en place may be up to 31 days back.
    expect(await dateFieldOf("mutuelle-entreprise", "dateMiseEnPlace")).toMatchObject({ minDate: "2026-12-31", maxDate: "2029-01-31" });
    now = new Date("2027-01-31T23:00:00Z"); // midnight in Paris: 1 February
    expect(await dateFieldOf("mutuelle-entreprise", "dateMiseEnPlace")).toMatchObject({ minDate: "2027-01-01", maxDate: "2029-02-01" });
  });
});
