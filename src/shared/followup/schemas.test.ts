import { describe, expect, it } from "vitest";
import type { ActionPlanRecord, ReboundRecord } from "./model";
import {
  actionPlanSchema,
  callbackSchema,
  checklistReviewsSchema,
  closingCriteriaSchema,
  contractValidationSchema,
  reboundRecordSchema,
  transitionRequestSchema,
} from "./schemas";

describe("wire schemas", () => {
  it("accept what the guards accept", () => {
    const rebound: ReboundRecord = {
      lines: [{ productLine: "habitation", answer: "elsewhere", insurerName: "MAIF" }],
      retainedGaps: ["gav", "per"],
    };
    const plan: ActionPlanRecord = { actions: [{ kind: "quote", productLine: "gav", dueDate: "2026-03-10", ownerId: "u1" }] };
    expect(reboundRecordSchema.parse(rebound)).toEqual(rebound);
    expect(actionPlanSchema.parse(plan)).toEqual(plan);
    expect(checklistReviewsSchema.parse({ siret: "modified", agency: "confirmed" })).toEqual({ siret: "modified", agency: "confirmed" });
    expect(
      contractValidationSchema.parse({
        contractId: "c1",
        status: "missing_document",
        missingItems: [{ kind: "document", key: "carte_grise", label: "Carte grise", recoveryMode: "email" }],
      }).status,
    ).toBe("missing_document");
    expect(closingCriteriaSchema.parse({ contactCardSent: true, contactCardChannel: "sms" })).toBeTruthy();
    expect(callbackSchema.parse({ callbackAt: "2026-03-02T09:00:00+01:00" })).toBeTruthy();
  });

  it("reject unknown slugs and malformed values", () => {
    expect(checklistReviewsSchema.safeParse({ phone: "ok" }).success).toBe(false);
    expect(checklistReviewsSchema.safeParse({ shoe_size: "confirmed" }).success).toBe(false);
    expect(reboundRecordSchema.safeParse({ lines: [{ productLine: "bateau", answer: "elsewhere" }] }).success).toBe(false);
    expect(actionPlanSchema.safeParse({ actions: [{ kind: "quote", dueDate: "10/03/2026" }] }).success).toBe(false);
    expect(callbackSchema.safeParse({ callbackAt: "demain" }).success).toBe(false);
    expect(contractValidationSchema.safeParse({ contractId: "c1", status: "ok" }).success).toBe(false);
  });

  it("takes an event and an optional override reason, never a role", () => {
    expect(transitionRequestSchema.parse({ event: "close", overrideReason: " client parti ", role: "broker_admin" })).toEqual({
      event: "close",
      overrideReason: "client parti",
    });
    expect(transitionRequestSchema.safeParse({ event: "jump" }).success).toBe(false);
    expect(transitionRequestSchema.safeParse({ event: "close", overrideReason: "  " }).success).toBe(false);
  });
});
