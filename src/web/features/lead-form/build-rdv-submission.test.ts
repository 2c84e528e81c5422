import { describe, expect, it } from "vitest";
import { offeredSlots } from "../../../modules/appointments/rules/slots";
import { checkPostalCode } from "../../../modules/reference-data/postal-codes";
import { buildSubmission } from "./build-submission";
import { emptyForm, type LeadFormState } from "./form-state";

const postal = checkPostalCode;
// A Tuesday morning in Paris: the slots offered are a fixed, worked week whatever day the suite runs.
const now = new Date("2026-12-01T09:00:00+01:00");

function rdvForm(): LeadFormState {
  const form = emptyForm("assurance-emprunteur");
  form.contact = {
    firstName: "Léa",
    lastName: "Martin",
    phone: "06 12 34 56 78",
    email: "lea@example.fr",
    postalCode: "13001",
    city: "Marseille",
  };
  form.fields = { typeDemande: "changement", dateSignaturePret: "17/05/2021", montantPret: "185 000", age: "41", fumeur: "non" };
  form.consent = {
    ...form.consent,
    confirmed: true,
    collectedAt: "2026-11-30T10:00",
    ip: "82.64.1.2",
    userAgent: "Mozilla",
    sourceUrl: "https://exemple.fr/devis",
  };
  return form;
}

describe("manual lead form, RDV part", () => {
  it("names every missing RDV value before sending", () => {
    const form = rdvForm();
    form.rdv = { ...form.rdv, enabled: true };
    const built = buildSubmission(form, "LA-1", postal, "RDV-1");
    expect(built.submission).toBeNull();
    expect(Object.keys(built.errors).sort()).toEqual(
      ["appointment.availabilities", "appointment.channel", "appointment.confirmation", "appointment.reinforcedConsent.accepted"].sort(),
    );
  });

  it("sends an RDV with its slots, channel, confirmation and reinforced consent on its own text", () => {
    const form = rdvForm();
    const slot = offeredSlots(now, { days: 2 })[1]?.slots[0]?.at as string;
    form.rdv = { enabled: true, slots: [slot], channel: "visio", confirmation: "email", consentConfirmed: true };
    const built = buildSubmission(form, "LA-1", postal, "RDV-1");
    expect(built.errors).toEqual({});
    expect(built.submission).toMatchObject({
      type: "rdv",
      appointment: {
        availabilities: [slot],
        channel: "visio",
        confirmation: "email",
        reinforcedConsent: { accepted: true, textVersion: "RDV-1" },
      },
    });
    expect(built.submission?.appointment?.reinforcedConsent?.collectedAt).toBe(built.submission?.consent?.collectedAt);
  });

  it("stays a plain lead when the RDV box is not ticked", () => {
    expect(buildSubmission(rdvForm(), "LA-1", postal, "RDV-1").submission).toMatchObject({ type: "lead" });
  });
});
