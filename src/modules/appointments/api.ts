import { z } from "zod";
import { APPOINTMENT_STATUSES } from "./schema";

/** Shapes of the broker's calendar routes: the routes validate and document with them, the web derives its types. */

export const appointmentSchema = z.object({
  leadId: z.string(),
  slot: z.date(),
  status: z.enum(APPOINTMENT_STATUSES),
  channel: z.enum(["telephone", "visio"]),
  visioUrl: z.string().nullable(),
  product: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
});

export const weekQuerySchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date aaaa-mm-jj attendue")
    .optional()
    .meta({ title: "la semaine", description: "Un jour de la semaine voulue (aaaa-mm-jj) ; la semaine en cours par défaut" }),
});

export const calendarSchema = z.object({
  /** Monday of the week shown, "yyyy-mm-dd" (Paris). */
  monday: z.string(),
  items: z.array(appointmentSchema),
});

export const outcomeBodySchema = z.object({
  status: z.enum(["honored", "no_show"]).meta({ title: "le statut", description: '"honored" (honoré) ou "no_show" (non honoré)' }),
});
