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

  it("shows a value of the wrong type as it came rather than dropping it", () => {
    const rows = submittedRows({ fields: { montantProjet: "beaucoup" }, contact: "n'importe quoi" }, "credit-immobilier");
    expect(rows).toEqual([
      { path: "fields.montantProjet", label: "Projet › Montant du projet", value: "beaucoup" },
      { path: "contact", label: "Contact", value: "n'importe quoi" },
    ]);
  });
});
