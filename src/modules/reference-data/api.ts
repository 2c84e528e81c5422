import { z } from "zod";

/** Response shapes of the reference data the screens ask for: the route serializes and documents with them, the web derives its types. */

export const postalCodeAnswer = z.object({
  postalCode: z.string().nullable().describe("Le code postal normalisé ; null s'il est inconnu"),
  communes: z.array(z.object({ name: z.string(), inseeCode: z.string(), routingLabels: z.array(z.string()) })),
});
export type PostalCodeAnswer = z.infer<typeof postalCodeAnswer>;
