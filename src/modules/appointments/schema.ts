import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { consentTexts } from "../consent/schema";
import { leads } from "../intake/schema";

export const APPOINTMENT_STATUSES = ["requested", "confirmed", "withdrawn", "honored", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * The RDV part of an accepted `rdv` lead (1:1), written by intake in the statement that stores the lead.
 * The request and its reinforced consent are fingerprinted (intake/appointment-fingerprint.ts) and the
 * fingerprint is in the lead's journal event; what happens afterwards (confirmation when a broker gets
 * it, withdrawal, honoured or not) changes `status` and is journaled as its own events.
 */
export const leadAppointments = pgTable(
  "lead_appointments",
  {
    leadId: uuid("lead_id")
      .primaryKey()
      .references(() => leads.id),
    /** The prospect's availabilities, in the order given: the first is the preferred one. */
    availabilities: timestamp("availabilities", { withTimezone: true, precision: 3 }).array().notNull(),
    channel: text("channel", { enum: ["telephone", "visio"] }).notNull(),
    confirmation: text("confirmation", { enum: ["sms", "email"] }).notNull(),
    consentTextId: uuid("consent_text_id")
      .notNull()
      .references(() => consentTexts.id),
    consentTextVersion: text("consent_text_version").notNull(),
    consentTextSha256: text("consent_text_sha256").notNull(),
    consentCollectedAt: timestamp("consent_collected_at", { withTimezone: true, precision: 3 }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    status: text("status", { enum: APPOINTMENT_STATUSES }).notNull().default("requested"),
    confirmedSlot: timestamp("confirmed_slot", { withTimezone: true }),
    visioUrl: text("visio_url"),
    brokerOrgId: uuid("broker_org_id"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [index("lead_appointments_broker_slot_idx").on(t.brokerOrgId, t.confirmedSlot).where(sql`${t.confirmedSlot} is not null`)],
);
