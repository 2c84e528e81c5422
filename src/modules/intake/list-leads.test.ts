import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { bearer, createOrgWithUser, createTestApp, publishTestConsentText, type TestContext } from "../../../tests/support/test-app";
import { countLeads } from "./list-leads";

let ctx: TestContext;
let key: string;
let orgId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  const s = await createOrgWithUser(ctx, "supplier");
  key = s.apiKey as string;
  orgId = s.org.id;
  const { version } = await publishTestConsentText(ctx);
  for (let i = 0; i < 5; i++)
    await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(key), payload: validLead(version) });
  const rejected = validLead(version, { contact: { ...validLead(version).contact, phone: "01 23 45" } });
  await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(key), payload: rejected });
});
afterAll(() => ctx.close());

const list = async (query: string) => (await ctx.app.inject({ method: "GET", url: `/api/v1/leads?${query}`, headers: bearer(key) })).json();

describe("lead list total", () => {
  it("says how many leads match the filters on the first page, not only how many are shown", async () => {
    const first = await list("limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.total).toEqual({ count: 6, exact: true });
    expect((await list("limit=2&status=rejected")).total).toEqual({ count: 1, exact: true });
    // Later pages do not count again.
    expect((await list(`limit=2&cursor=${first.next}`)).total).toBeNull();
  });

  it("stops counting past the cap and says the figure is a lower bound", async () => {
    expect(await countLeads(ctx.db, orgId, {}, 4)).toEqual({ count: 4, exact: false });
    expect(await countLeads(ctx.db, orgId, {}, 6)).toEqual({ count: 6, exact: true });
  });
});
