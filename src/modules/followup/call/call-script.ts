import { formatParisDateTime } from "../../catalogue/rules/dates";
import { type ProductLine, productLine } from "../../crm/rules/product-lines";
import type { FollowupAggregate } from "../load-followup";
import { MAIN_PATH } from "../rules/call-screen";
import type { GapMatch } from "../rules/gap-engine";
import { buildCallScript, callbackReminderLine, type ScriptStep } from "../rules/script";
import type { FollowupState } from "../rules/workflow";

export type StepStatus = "done" | "current" | "upcoming" | "skipped";

export interface ScriptVariant {
  /** "agent": the caller sold the first contract; "colleague": someone else did and the caller takes over. */
  seller: "agent" | "colleague";
  sellerName: string | null;
  /** "callback": the client asked to be called back, the opening reminds the agreed appointment. */
  availability: "available" | "callback";
  callbackAt: string | null;
}

/** "votre contrat auto": the line's phrase without its determiner ("votre auto" → "auto"). */
export function spokenProduct(line: ProductLine): string {
  return productLine(line)
    .phrase.replace(/^(votre|vos|la|le|les)\s+/, "")
    .replace(/^contrat\s+/, "");
}

function stepStatus(step: ScriptStep, state: FollowupState, hadCallback: boolean): StepStatus {
  if (step.state === state) return "current";
  if (step.state === "scheduled_callback") {
    if (hadCallback) return "done";
    return MAIN_PATH.indexOf(state) > MAIN_PATH.indexOf("contact_attempt") ? "skipped" : "upcoming";
  }
  if (state === "scheduled_callback") return MAIN_PATH.indexOf(step.state) <= MAIN_PATH.indexOf("contact_attempt") ? "done" : "upcoming";
  return MAIN_PATH.indexOf(step.state) < MAIN_PATH.indexOf(state) ? "done" : "upcoming";
}

/**
 * The call script of spec 002 filled with this client's data, in the variant the situation calls
 * for: the caller is the original seller or a colleague taking over, and the client is reached now
 * or called back at the agreed time. Each step says whether it is done, current or still to come.
 */
export function callScriptFor(
  agg: FollowupAggregate,
  input: {
    agent: { id: string | null; firstName: string };
    seller: { id: string; firstName: string } | null;
    agencyName: string | null;
    brand: string | null;
    gaps: readonly GapMatch[];
    now: Date;
  },
) {
  const { followup, client } = agg;
  const ours = agg.contracts.filter((c) => c.isOurs);
  const first = ours.find((c) => c.startDate === followup.firstContractStart) ?? ours[0];
  const sellerIsAgent = !input.seller || input.seller.id === input.agent.id;
  const hadCallback = followup.callbackAt !== null;
  const variant: ScriptVariant = {
    seller: sellerIsAgent ? "agent" : "colleague",
    sellerName: input.seller?.firstName ?? null,
    availability: hadCallback ? "callback" : "available",
    callbackAt: followup.callbackAt?.toISOString() ?? null,
  };
  const steps = buildCallScript({
    client: {
      civility: client.civility,
      firstName: client.firstName ?? "",
      lastName: client.lastName ?? client.companyName ?? "",
      type: client.type,
      isTns: client.isTns,
    },
    agent: { firstName: input.agent.firstName },
    agencyName: input.agencyName ?? "",
    brokerName: input.brand,
    firstContract: {
      productLabel: first ? spokenProduct(first.productLine) : "",
      sellerFirstName: input.seller?.firstName ?? input.agent.firstName,
      sellerIsAgent,
      startDate: followup.firstContractStart,
    },
    ourLines: ours.map((c) => c.productLine),
    now: input.now,
    contractSummaries: ours.flatMap((c) => (c.summary ? [c.summary] : [])),
    gaps: input.gaps.map((g) => ({ productLine: g.productLine, why: g.why })),
  }).map((step) => {
    if (step.id !== "opening" || !followup.callbackAt) return step;
    // Calling back at the agreed time: say so first, the client is expecting the call.
    const reminder = callbackReminderLine(formatParisDateTime(followup.callbackAt));
    return { ...step, lines: [step.lines[0] ?? "", reminder, ...step.lines.slice(1)] };
  });
  return { variant, steps: steps.map((s) => ({ ...s, status: stepStatus(s, followup.state, hadCallback) })) };
}
