import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupBody, validSiren } from "../../../tests/factories/brokerages";
import { freshIp } from "../../../tests/support/brokers";
import { hostileText, wrongType } from "../../../tests/support/hostile-input";
import { createTestApp, json, type TestContext } from "../../../tests/support/test-app";
import { frenchVatNumber } from "../reference-data";
import type { SignupBody } from "./api";
import { ORIAS_CATEGORY_CODES } from "./rules/orias-categories";

/**
 * Property: whatever a sign-up form sends, the answer is a 201 or a 4xx with a stable code, the field at
 * fault and a French message — never a 5xx; and a 201 stores exactly a well-formed brokerage.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const FIELDS: (keyof SignupBody)[] = [
  "companyName",
  "siren",
  "addressLine",
  "postalCode",
  "city",
  "vatNumber",
  "oriasNumber",
  "oriasCategories",
  "email",
  "firstName",
  "lastName",
  "password",
];

/** Plausible mistakes people make, per field. */
const plausible: Partial<Record<keyof SignupBody, fc.Arbitrary<unknown>>> = {
  siren: fc.oneof(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{3} \d{3} \d{3}$/), fc.stringMatching(/^\d{1,14}$/)),
  vatNumber: fc.oneof(fc.stringMatching(/^FR\d{11}$/), fc.stringMatching(/^[A-Z]{2}[0-9A-Z]{2,12}$/)),
  oriasNumber: fc.stringMatching(/^\d{6,10}$/),
  postalCode: fc.stringMatching(/^\d{4,6}$/),
  oriasCategories: fc.array(fc.oneof(fc.constantFrom(...ORIAS_CATEGORY_CODES), fc.string({ maxLength: 6 })), { maxLength: 12 }),
  email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })),
  password: fc.string({ maxLength: 14 }),
};

const mutation = fc
  .constantFrom(...FIELDS)
  .chain((field) =>
    fc.tuple(fc.constant(field), fc.oneof(hostileText, wrongType, plausible[field] ?? hostileText, fc.constant(undefined))),
  );

describe("sign-up input (property)", () => {
  it("never answers 5xx; a refusal names a field in French; an acceptance stores a valid brokerage", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const body: Record<string, unknown> = { ...signupBody() };
        for (const [field, value] of mutations) {
          if (value === undefined) delete body[field];
          else body[field] = value;
        }
        const res = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerages", payload: body, remoteAddress: freshIp() });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode === 201) {
          expect(json(res).organisation.kind).toBe("courtier");
          return;
        }
        expect([400, 409, 413]).toContain(res.statusCode);
        const { error } = json(res);
        expect(error.code).toMatch(/^[a-z_]+$/);
        expect(error.message).toMatch(/[a-zàâçéèêëîïôûù]/i);
        if (res.statusCode === 400) expect(error.field, res.body).toBeTruthy();
      }),
      { numRuns: 60 },
    );
  });

  it("accepts any valid SIREN with its VAT number and categories", async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray([...ORIAS_CATEGORY_CODES], { minLength: 1 }), async (categories) => {
        const siren = validSiren();
        const res = await ctx.app.inject({
          method: "POST",
          url: "/api/v1/brokerages",
          payload: signupBody({ siren, vatNumber: frenchVatNumber(siren), oriasCategories: categories as SignupBody["oriasCategories"] }),
          remoteAddress: freshIp(),
        });
        expect(res.statusCode, res.body).toBe(201);
      }),
      { numRuns: 8 },
    );
  });
});
