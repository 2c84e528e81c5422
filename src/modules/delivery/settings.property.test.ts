import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedUpBroker } from "../../../tests/support/brokers";
import { hostileText, wrongType } from "../../../tests/support/hostile-input";
import { asUser, createTestApp, type TestContext } from "../../../tests/support/test-app";
import { AppError } from "../../platform/errors";
import { saveWebhook } from "./manage-webhook";

let ctx: TestContext;
let session: Awaited<ReturnType<typeof signedUpBroker>>["session"];
let orgId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const broker = await signedUpBroker(ctx);
  session = broker.session;
  orgId = broker.orgId;
});
afterAll(() => ctx.close());

const urlish = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  hostileText,
  wrongType,
  fc.constantFrom("http://127.0.0.1:1/x", "https://[::1]/", "https://10.0.0.1/", "https://u:p@h.fr/", "javascript:alert(1)", ""),
  fc.string({ maxLength: 40 }).map((s) => `https://${s}`),
);
const body = fc.oneof(
  fc.record({ url: urlish, enabled: fc.oneof(fc.boolean(), wrongType) }, { requiredKeys: [] }),
  fc.record({ url: urlish, enabled: fc.boolean(), extra: fc.string() }),
  wrongType,
);

async function put(c: TestContext, s: typeof session, payload: unknown) {
  return c.app.inject({
    method: "PUT",
    url: "/api/v1/brokerage/webhook",
    headers: { ...asUser(s), "content-type": "application/json" },
    payload: JSON.stringify(payload),
  });
}

describe("webhook settings input (property)", () => {
  it("answers 200 or 400 with a stable code and a French message naming the field, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await put(ctx, session, payload);
        expect([200, 400], res.body).toContain(res.statusCode);
        if (res.statusCode === 400) {
          expect(res.json().error.code).toBe("validation_error");
          expect(res.json().error.message).toMatch(/[a-zé]/);
        } else {
          // What is stored is what the URL parser wrote: no raw control character survives.
          expect([...(res.json().webhook.url as string)].some((c) => c.charCodeAt(0) < 32)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("in production, every accepted URL is https to a named public host; the others are refused as validation errors", async () => {
    await fc.assert(
      fc.asyncProperty(
        urlish.filter((u) => typeof u === "string" && u.length > 0 && u.length <= 2000),
        async (url) => {
          try {
            const { settings } = await saveWebhook(ctx.db, orgId, { url: url as string, enabled: true }, new Date("2026-12-01T09:00:00Z"), {
              production: true,
            });
            expect(settings.url).toMatch(/^https:\/\/[^/]*\./);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).code).toBe("validation_error");
            expect((e as AppError).field).toBe("url");
          }
        },
      ),
      { numRuns: 200 },
    );
    await expect(
      saveWebhook(ctx.db, orgId, { url: "https://127.0.0.1/hook", enabled: true }, new Date(0), { production: true }),
    ).rejects.toMatchObject({
      code: "validation_error",
      message: "L'URL du webhook doit désigner un serveur public (pas une adresse locale ou privée)",
    });
  });
});
