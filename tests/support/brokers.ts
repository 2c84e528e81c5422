import { eq } from "drizzle-orm";
import type { SignupBody } from "../../src/modules/brokers/api";
import { brokerages } from "../../src/modules/brokers/schema";
import { signupBody } from "../factories/brokerages";
import { createOrgWithUser, login, type Session, type TestContext } from "./test-app";

let ipSeq = 0;
/** Each sign-up from its own address, so the per-address limit only bites where a test means it to. */
export const freshIp = () => `198.51.100.${(++ipSeq % 250) + 1}`;

export async function signUp(ctx: TestContext, body: Partial<SignupBody> = {}, ip = freshIp()) {
  const payload = signupBody(body);
  const res = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerages", payload, remoteAddress: ip });
  return { res, payload };
}

/** A brokerage signed up through the API, with its admin's session. */
export async function signedUpBroker(ctx: TestContext, body: Partial<SignupBody> = {}) {
  const { res, payload } = await signUp(ctx, body);
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const profile = res.json() as { organisation: { id: string }; user: { id: string } };
  const session: Session = await login(ctx.app, payload.email, payload.password);
  return { orgId: profile.organisation.id, userId: profile.user.id, payload, session };
}

/** The operator's session. */
export async function operatorSession(ctx: TestContext) {
  const op = await createOrgWithUser(ctx, "platform_admin");
  return { ...op, session: await login(ctx.app, op.email) };
}

/** Straight in the table, for tests of the buyer check that need a given state. */
export async function setBrokerageState(
  ctx: TestContext,
  orgId: string,
  state: { verifiedBy?: string | null; oriasCategories?: string[]; partnerCategories?: string[] },
) {
  await ctx.db
    .update(brokerages)
    .set({
      ...(state.verifiedBy !== undefined ? { verifiedBy: state.verifiedBy, verifiedAt: state.verifiedBy ? ctx.clock() : null } : {}),
      ...(state.oriasCategories ? { oriasCategories: state.oriasCategories } : {}),
      ...(state.partnerCategories ? { partnerCategories: state.partnerCategories } : {}),
    })
    .where(eq(brokerages.orgId, orgId));
}
