import { describe, expect, it } from "vitest";
import { submittedRows } from "./submitted-rows";

describe("submittedRows", () => {
  it("names what was sent in French, flattens nested objects and formats catalogue fields", () => {
    const rows = submittedRows(
      {
        product: "credit-immobilier",
        type: "lead",
        contact: { firstName: "Camille", phone: "06 12 34 56 78" },
        consent: { method: "checkbox", prechecked: false, ip: "82.64.123.45" },
        fields: { montantProjet: 285000, apport: true, typeProjet: "residence-principale" },
        tracking: { source: "google", tags: ["a", "b"], visits: [{ page: "/devis" }, { page: "/merci" }] },
        externalRef: null,
      },
      "credit-immobilier",
    );
    const byPath = Object.fromEntries(rows.map((r) => [r.path, [r.label, r.value]]));
    expect(byPath).toMatchObject({
      product: ["Produit", "Crédit immobilier (credit-immobilier)"],
      type: ["Type", "Lead"],
      "contact.firstName": ["Contact › Prénom", "Camille"],
      "contact.phone": ["Contact › Téléphone", "06 12 34 56 78"],
      "consent.prechecked": ["Consentement › Case pré-cochée", "Non"],
      "consent.ip": ["Consentement › Adresse IP", "82.64.123.45"],
      "fields.montantProjet": ["Projet › Montant du projet", "285\u202f000\u00a0€"],
      "fields.apport": ["Projet › Apport", "Oui"],
      "fields.typeProjet": ["Projet › Type de projet", "Résidence principale"],
      // Unknown keys keep their path: nothing the supplier sent is hidden or renamed away.
      "tracking.source": ["tracking.source", "google"],
      "tracking.tags": ["tracking.tags", "a, b"],
      "tracking.visits[1].page": ["tracking.visits[1].page", "/merci"],
      externalRef: ["Référence externe", "(vide)"],
    });
  });

  it("lists rows in the form's order whatever the order of the stored keys, unknown keys last", () => {
    const rows = submittedRows(
      {
        zeta: 1,
        consent: { collectedAt: "2026-07-14T08:05:00Z", method: "oral" },
        fields: { apport: false, typeProjet: "residence-principale" },
        contact: { city: "Marseille", firstName: "Camille" },
        product: "credit-immobilier",
      },
      "credit-immobilier",
    );
    expect(rows.map((r) => r.path)).toEqual([
      "product",
      "contact.firstName",
      "contact.city",
      "fields.typeProjet",
      "fields.apport",
      "consent.method",
      "consent.collectedAt",
      "zeta",
    ]);
    expect(rows.find((r) => r.path === "consent.method")?.value).toBe("Consentement oral (oral)");
    expect(rows.find((r) => r.path === "consent.collectedAt")?.value).toBe("2026-07-14T08:05:00Z (14/07/2026 10:05:00, heure de Paris)");
  });

  it("shows a value of the wrong type as it came rather than dropping it", () => {
    const rows = submittedRows({ fields: { montantProjet: "beaucoup" }, contact: "n'importe quoi" }, "credit-immobilier");
    expect(rows).toEqual([
      { path: "contact", label: "Contact", value: "n'importe quoi" },
      { path: "fields.montantProjet", label: "Projet › Montant du projet", value: "beaucoup" },
    ]);
  });
});
