import { describe, expect, it } from "vitest";
import { checklistFor } from "../../crm/rules/checklist";
import { CLOSING_CRITERIA } from "./closing";
import { buildPocketGuide, GUIDE_AUDIENCES, type GuideAudience, type GuideBlock, type PocketGuide } from "./pocket-guide";

const now = new Date("2026-11-30T10:00:00Z");
const blocks = (g: PocketGuide) => g.sections.flatMap((s) => s.blocks);
const said = (g: PocketGuide, label: string) =>
  blocks(g).find((b): b is Extract<GuideBlock, { kind: "say" }> => b.kind === "say" && b.label === label)?.lines ?? [];
const labels = (g: PocketGuide) => blocks(g).flatMap((b) => ("label" in b && b.label ? [b.label] : []));

describe("buildPocketGuide", () => {
  it.each(GUIDE_AUDIENCES)("%s: the record checklist of that kind of client and the four victory criteria", (audience) => {
    const guide = buildPocketGuide({ audience, now });
    const checklists = blocks(guide).filter((b) => b.kind === "checklist");
    const [type, isTns] = audience === "tns" ? (["professionnel", true] as const) : ([audience, false] as const);
    expect(checklists[0]?.items).toEqual(checklistFor(type, isTns).map((i) => i.label));
    expect(checklists.at(-1)?.items).toEqual(CLOSING_CRITERIA.map((c) => c.label));
    expect(labels(guide)).toEqual(expect.arrayContaining(["La question d'autorisation", "La question magique"]));
  });

  it("offers the rebound lines of the profiles that fit the kind of client", () => {
    const profiles = (audience: GuideAudience) =>
      labels(buildPocketGuide({ audience, now })).filter((l) => ["Manque évident", "Pro / TNS", "Patrimonial"].includes(l));
    expect(profiles("particulier")).toEqual(["Manque évident", "Patrimonial"]);
    expect(profiles("tns")).toEqual(["Manque évident", "Pro / TNS", "Patrimonial"]);
    expect(profiles("professionnel")).toEqual(["Manque évident", "Pro / TNS", "Patrimonial"]);
    // A company has no private pension nor personal accident cover to raise.
    expect(profiles("entreprise")).toEqual(["Manque évident", "Pro / TNS"]);
    expect(said(buildPocketGuide({ audience: "entreprise", now }), "Manque évident")[0]).not.toContain("accidents de la vie");
  });

  it("has the opening in both variants (seller or colleague) and the agreed callback", () => {
    const guide = buildPocketGuide({ audience: "particulier", now });
    expect(said(guide, "Vous avez vendu le premier contrat")[0]).toMatch(/^C'est moi qui ai assuré votre contrat \[produit\]/);
    expect(said(guide, "Un collègue l'a vendu")[0]).toMatch(/^C'est \[collègue\] qui a assuré/);
    expect(said(guide, "Rappel convenu")[0]).toContain("rendez-vous téléphonique");
  });

  it("leaves agency and advisor as placeholders when generic, and fills them from a call", () => {
    const generic = buildPocketGuide({ audience: "particulier", now });
    expect([generic.agency, generic.advisor]).toEqual([null, null]);
    expect(said(generic, "L'accroche")[0]).toBe("Bonjour [Prénom] [Nom], c'est [votre prénom] de votre agence [agence].");

    const filled = buildPocketGuide({
      audience: "particulier",
      now,
      agency: { name: "Corniche", brand: "Allianz" },
      advisor: { firstName: "Jocelyne", lastName: "Martin" },
    });
    expect([filled.agency, filled.advisor]).toEqual(["Allianz Corniche", "Jocelyne Martin"]);
    expect(said(filled, "L'accroche")[0]).toBe("Bonjour [Prénom] [Nom], c'est Jocelyne de votre agence Allianz Corniche.");
    expect(said(filled, "L'accroche")[1]).toContain("souscrit chez nous en [mois de souscription]");
  });
});
