import { describe, expect, it } from "vitest";
import { buildCallScript, type CallScriptInput, type ScriptStep, subscribedWhenPhrase } from "./script";
import { FOLLOWUP_EVENTS, findTransition } from "./workflow";

const NOW = new Date("2026-03-02T09:00:00Z");

function input(patch: Partial<CallScriptInput> = {}): CallScriptInput {
  return {
    client: { civility: "M.", firstName: "Paul", lastName: "Durand", type: "particulier", isTns: false },
    agent: { firstName: "Jocelyne" },
    agencyName: "Corniche",
    brokerName: "Allianz",
    firstContract: { productLabel: "auto", sellerFirstName: "Julien", sellerIsAgent: false, startDate: "2025-12-01" },
    ourLines: ["auto"],
    now: NOW,
    ...patch,
  };
}

function step(steps: ScriptStep[], id: string): ScriptStep {
  const found = steps.find((s) => s.id === id);
  if (!found) throw new Error(`step ${id} missing`);
  return found;
}

const text = (s: ScriptStep) => s.lines.join("\n");
const labels = (s: ScriptStep) => s.buttons.map((b) => b.label);

describe("buildCallScript", () => {
  it("walks the method in order: contact, admin, then commercial", () => {
    const steps = buildCallScript(input());
    expect(steps.map((s) => s.id)).toEqual([
      "opening",
      "authorisation",
      "callback",
      "profile_update",
      "contract_validation",
      "pivot",
      "rebound",
      "action_plan",
    ]);
    expect(steps.map((s) => s.block)).toEqual(["conduite", "conduite", "conduite", "conduite", "conduite", "rebond", "rebond", "plan"]);
  });

  it("colleague variant: names the seller and takes over the file", () => {
    const opening = step(buildCallScript(input()), "opening");
    expect(opening.lines[0]).toBe("Bonjour Monsieur Durand, c'est Jocelyne de votre agence Allianz Corniche.");
    expect(opening.lines[1]).toBe(
      "Je vous appelle au sujet de votre contrat auto, souscrit chez nous en décembre. Vous vous en souvenez ?",
    );
    expect(opening.lines[2]).toBe("C'est Julien qui a assuré votre contrat auto et c'est moi qui vais vous suivre et gérer votre dossier.");
    expect(opening.hints.join(" ")).toMatch(/resituer/);
  });

  it("seller variant: the agent sold the contract herself", () => {
    const firstContract = { productLabel: "habitation", sellerFirstName: "Jocelyne", sellerIsAgent: true, startDate: "2025-12-01" };
    const opening = step(buildCallScript(input({ firstContract })), "opening");
    expect(text(opening)).toContain("C'est moi qui ai assuré votre contrat habitation");
    expect(text(opening)).not.toContain("Jocelyne qui a assuré");
  });

  it("greets by first and last name without civility, and without a broker brand", () => {
    const client = { firstName: "Léa", lastName: "Martin", type: "particulier" as const, isTns: false };
    const opening = step(buildCallScript(input({ client, brokerName: null })), "opening");
    expect(opening.lines[0]).toBe("Bonjour Léa Martin, c'est Jocelyne de votre agence Corniche.");
  });

  it("asks for authorisation with the available-now and callback branches", () => {
    const steps = buildCallScript(input());
    const auth = step(steps, "authorisation");
    expect(text(auth)).toContain("Est-ce que vous avez 5 minutes pour moi, j'ai besoin de mettre à jour votre dossier client ?");
    expect(auth.buttons).toEqual([
      { label: "Client disponible", event: "client_available" },
      { label: "Rappeler plus tard", event: "client_unavailable" },
    ]);
    const callback = step(steps, "callback");
    expect(callback.state).toBe("scheduled_callback");
    expect(callback.buttons.map((b) => b.event)).toEqual(["callback_due"]);
  });

  it("admin steps carry the review and contract buttons and the reformulation", () => {
    const steps = buildCallScript(input({ contractSummaries: ["une auto tous risques en zone urbaine"] }));
    const profile = step(steps, "profile_update");
    expect(labels(profile)).toEqual(["Confirmé", "Modifié", "Non communiqué", "Fiche client validée"]);
    expect(text(profile)).toContain("Votre adresse d'envoi est-elle toujours la même ?");
    expect(text(profile)).not.toContain("SIRET");
    const contracts = step(steps, "contract_validation");
    expect(labels(contracts)).toEqual(["Signé", "Pièce manquante", "À relancer", "Contrats validés"]);
    expect(text(contracts)).toContain("vous avez souscrit une auto tous risques en zone urbaine");
    expect(contracts.hints.join(" ")).toContain("e-mail, courrier, passage en agence, signature électronique");
  });

  it("a TNS filed as particulier gets the pro questions and the requalification hint", () => {
    const client = { civility: "Mme" as const, firstName: "Ana", lastName: "Roux", type: "particulier" as const, isTns: true };
    const profile = step(buildCallScript(input({ client })), "profile_update");
    expect(text(profile)).toContain("SIRET");
    expect(profile.hints[0]).toMatch(/pro \/ TNS/);
  });

  it("pivot question names our lines and reminds to keep silent", () => {
    const pivot = step(buildCallScript(input({ ourLines: ["auto", "habitation"] })), "pivot");
    expect(text(pivot)).toContain(
      "Nous sommes à présent votre assureur pour votre auto et votre habitation. " +
        "Pour les contrats que vous n'avez pas chez nous, qui sont vos autres assureurs ?",
    );
    expect(pivot.hints.join(" ")).toMatch(/Taisez-vous, laissez le silence/);
  });

  it("rebound asks about structural protections we do not hold, and the given gaps", () => {
    const gaps = [{ productLine: "prevoyance" as const, why: "Avec 2 enfant(s) à charge, un décès priverait votre famille." }];
    const rebound = step(buildCallScript(input({ gaps })), "rebound");
    expect(labels(rebound)).toEqual(["Contrat ailleurs", "Pas couvert", "À approfondir", "Bilan terminé"]);
    expect(rebound.lines[0]).toMatch(/^Avec 2 enfant/);
    expect(text(rebound)).toContain("de protection juridique ni de garantie des accidents de la vie");
    expect(text(rebound)).toContain("retraite");
    expect(text(rebound)).not.toContain("arrêt de travail");
    const tns = step(
      buildCallScript(
        input({ client: { firstName: "A", lastName: "B", type: "professionnel", isTns: true }, ourLines: ["protection_juridique"] }),
      ),
      "rebound",
    );
    expect(text(tns)).toContain("En cas d'arrêt de travail");
    expect(text(tns)).toContain("pas de garantie des accidents de la vie chez nous");
    const withGap = step(
      buildCallScript(input({ gaps: [{ productLine: "protection_juridique", why: "Litiges à vos frais." }] })),
      "rebound",
    );
    expect(text(withGap)).toContain("pas de garantie des accidents de la vie chez nous");
    expect(text(withGap)).not.toContain("de protection juridique");
  });

  it("closing offers quote, appointment and follow-up, then the close event", () => {
    const plan = step(buildCallScript(input()), "action_plan");
    expect(labels(plan)).toEqual(["Créer devis", "Planifier RDV", "Programmer relance", "Clôturer le suivi"]);
    expect(text(plan)).toContain("interlocuteur dédié");
  });

  it("every event button fires a transition of the table from the step's state", () => {
    for (const s of buildCallScript(input())) {
      for (const b of s.buttons.filter((x) => x.event)) {
        expect(FOLLOWUP_EVENTS).toContain(b.event);
        expect(findTransition(s.state, b.event as string), `${s.id}:${b.event}`).toBeDefined();
      }
    }
  });
});

describe("subscribedWhenPhrase", () => {
  it.each([
    // An M+3 call: three months on, in any month of the year.
    ["2025-12-01", NOW, "en décembre"],
    ["2025-12-31", NOW, "en décembre"],
    ["2026-08-10", new Date("2026-11-30T09:30:00+01:00"), "en août"],
    // Start of the month in Paris while it is still the month before in UTC: the campaign's month.
    ["2026-10-31", new Date("2027-01-31T23:30:00+01:00"), "en octobre"],
    ["2026-11-01", new Date("2027-01-31T23:30:00Z"), "en novembre"],
    // Across the new year, the month alone still names the last one of that name.
    ["2026-01-15", new Date("2026-12-31T23:59:00+01:00"), "en janvier"],
    ["2025-12-15", new Date("2026-03-28T01:59:00+01:00"), "en décembre"],
    ["2026-02-01", NOW, "en février"],
    ["2026-03-01", NOW, "ce mois-ci"],
    // Twelve months back or more, or a date ahead: the year is said.
    ["2025-03-01", NOW, "en mars 2025"],
    ["2025-02-15", NOW, "en février 2025"],
    ["2023-01-01", NOW, "en janvier 2023"],
    ["2026-05-01", NOW, "en mai 2026"],
    ["pas une date", NOW, "il y a quelques mois"],
    ["2025-13-01", NOW, "il y a quelques mois"],
  ])("%s, said on %s → %s", (start, now, expected) => {
    expect(subscribedWhenPhrase(start, now)).toBe(expected);
  });

  it("reads an instant in Paris: 31 October 23:30 UTC is already November there", () => {
    expect(subscribedWhenPhrase(new Date("2025-10-31T23:30:00Z"), NOW)).toBe("en novembre");
    expect(subscribedWhenPhrase(new Date("2025-10-31T22:30:00Z"), NOW)).toBe("en octobre");
  });
});
