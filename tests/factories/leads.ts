import { offeredSlots } from "../../src/modules/appointments/rules/slots";
import { SAMPLE_CONSENT, sampleFieldValues } from "../../src/modules/catalogue/rules";
import type { LeadSubmission } from "../../src/modules/intake/rules/lead-submission";
import { systemClock } from "../../src/platform/clock";

const COMMUNES = [
  ["13001", "Marseille"],
  ["69003", "Lyon"],
  ["33000", "Bordeaux"],
  ["06400", "Cannes"],
  ["31000", "Toulouse"],
  ["44000", "Nantes"],
  ["97110", "Pointe-à-Pitre"],
  ["75015", "Paris"],
] as const;

const MAINLAND_MOBILE = ["1", "2", "4", "5", "6"] as const;

/** A counter from a random start: unique within a process, and unlikely to meet another process's leads. */
let n = Math.floor(Math.random() * 5_000_000);
/**
 * A lead every rule accepts, with a phone and e-mail no other call of this function returns, sent at
 * `now` (the app's clock: the system's unless the test handed the app another).
 */
export function validLead(
  textVersion: string,
  overrides: Partial<LeadSubmission> = {},
  product = "assurance-auto",
  now: Date = systemClock(),
): LeadSubmission {
  const i = ++n;
  const [postalCode, city] = COMMUNES[i % COMMUNES.length] ?? COMMUNES[0];
  // 061, 062, 064, 065, 066: mainland mobile blocks where every number is valid (0639 is Mayotte's,
  // partly unassigned: a factory drawing from 063 made about one lead in a hundred invalid, at random).
  const digits = `${MAINLAND_MOBILE[i % MAINLAND_MOBILE.length]}${String(i % 10_000_000).padStart(7, "0")}`;
  return {
    product,
    type: "lead",
    contact: { firstName: "Camille", lastName: `Martin${i}`, phone: `06${digits}`, email: `camille.${i}@example.fr`, postalCode, city },
    consent: { ...SAMPLE_CONSENT, textVersion, collectedAt: new Date(now.getTime() - 60_000).toISOString() },
    fields: sampleFieldValues(product, now),
    externalRef: `ext-${i}`,
    ...overrides,
  };
}

/**
 * A qualified appointment (RDV) every rule accepts at `now`: a valid lead of an RDV product, two slots on
 * the next business days at 10:00 and 14:00 Paris time, by phone, confirmed by e-mail, with its
 * reinforced consent on `rdvTextVersion`.
 */
export function validRdv(
  textVersion: string,
  rdvTextVersion: string,
  now: Date,
  overrides: Partial<LeadSubmission> = {},
  product = "assurance-emprunteur",
): LeadSubmission {
  const days = offeredSlots(now, { days: 2, leadHours: 2 });
  const pick = (i: number, label: string) => days[i]?.slots.find((s) => s.label === label)?.at ?? days[i]?.slots[0]?.at ?? "";
  return validLead(
    textVersion,
    {
      type: "rdv",
      appointment: {
        availabilities: [pick(1, "10:00"), pick(1, "14:00")],
        channel: "telephone",
        confirmation: "email",
        reinforcedConsent: { accepted: true, textVersion: rdvTextVersion, collectedAt: new Date(now.getTime() - 30_000).toISOString() },
      },
      ...overrides,
    },
    product,
    now,
  );
}
