import { describe, expect, it } from "vitest";
import { checkPostalCode } from "../../../modules/reference-data/postal-codes";
import { buildSubmission } from "./build-submission";
import { emptyForm, type LeadFormState } from "./form-state";

// The server's own postal code check stands in for the browser's fetched entry (routes.test.ts proves they agree).
const build = (state: LeadFormState) => buildSubmission(state, "LA-TEST-v1", checkPostalCode);

function filled(): LeadFormState {
  const form = emptyForm("assurance-animaux");
  return {
    ...form,
    contact: {
      firstName: "Camille",
      lastName: "Martin",
      phone: "06 12 34 56 78",
      email: "camille@example.fr",
      postalCode: "13001",
      city: "Marseille",
    },
    fields: { typeAnimal: "chien", race: "Labrador", age: "3", identifie: "oui" },
    consent: {
      ...form.consent,
      confirmed: true,
      collectedAt: "2026-11-20T10:15",
      ip: "82.64.123.45",
      userAgent: "Mozilla/5.0",
      sourceUrl: "https://www.exemple.fr/devis",
    },
  };
}

describe("buildSubmission", () => {
  it("names every missing field of an empty form at once, not only the product", () => {
    const { submission, errors } = build(emptyForm());
    expect(submission).toBeNull();
    expect(Object.keys(errors)).toEqual([
      "product",
      "contact.firstName",
      "contact.lastName",
      "contact.phone",
      "contact.email",
      "contact.postalCode",
      "contact.city",
      "consent.prechecked",
      "consent.ip",
      "consent.userAgent",
      "consent.sourceUrl",
      "consent.collectedAt",
    ]);
  });

  it("holds back a lead whose phone, e-mail, commune or source page is mistyped, with the server's messages", () => {
    const form = filled();
    const { submission, errors } = build({
      ...form,
      contact: { ...form.contact, phone: "01 23 45", email: "camille@", city: "Lyon" },
      consent: { ...form.consent, sourceUrl: "www.exemple.fr/devis" },
    });
    expect(submission).toBeNull();
    expect(errors).toEqual({
      "contact.phone": "Numéro de téléphone invalide (France métropolitaine ou outre-mer attendu) : 01 23 45",
      "contact.email": "Adresse e-mail invalide : camille@",
      "contact.city": "La ville ne correspond pas au code postal",
      "consent.sourceUrl": "URL source manquante ou invalide : adresse complète attendue (https://…)",
    });
    expect(build({ ...form, contact: { ...form.contact, postalCode: "99999" } }).errors).toEqual({
      "contact.postalCode": "Code postal inconnu : 99999",
    });
  });

  it("sends a clean lead as typed, the server normalising it", () => {
    const { submission, errors } = build(filled());
    expect(errors).toEqual({});
    expect(submission?.contact).toEqual(filled().contact);
  });
});
