import { createEvent, type EventAttributes } from "ics";
import { SLOT_MINUTES } from "./rules/slots";

export interface InvitationInput {
  uid: string;
  /** When the invitation is made (DTSTAMP). */
  now: Date;
  start: Date;
  title: string;
  description: string;
  /** The visio room, when the appointment is by visio. */
  url: string | null;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/**
 * The broker's calendar invitation (RFC 5545, METHOD:REQUEST). Times are written in UTC ("…Z"): every
 * calendar shows them in its own zone, so 10:00 in Paris stays 10:00 in Paris whatever the season; the
 * Paris time is also spelt out in the description for whoever reads the file itself.
 */
export function buildInvitation(i: InvitationInput): string {
  const attributes: EventAttributes = {
    uid: i.uid,
    productId: "leadsassurance/rdv",
    method: "REQUEST",
    start: i.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: SLOT_MINUTES },
    title: i.title,
    description: i.description,
    ...(i.url ? { url: i.url, location: i.url } : { location: "Téléphone" }),
    status: "CONFIRMED",
    organizer: i.organizer,
    attendees: i.attendees.map((a) => ({ ...a, rsvp: true, partstat: "NEEDS-ACTION", role: "REQ-PARTICIPANT" })),
  };
  // DTSTAMP from the caller's clock: the package defaults to the wall clock, and its types omit the attribute.
  const { error, value } = createEvent(Object.assign(attributes, { timestamp: i.now.getTime() }));
  if (error || !value) throw error ?? new Error("ics: no value");
  return value;
}
