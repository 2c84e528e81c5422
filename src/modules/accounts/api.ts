import { z } from "zod";
import { ROLES } from "../../platform/auth-context";

/** Response shapes of the accounts API (session, API keys): the routes serialize and document with them, the web derives its types. */

export const profileSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), firstName: z.string(), lastName: z.string(), role: z.enum(ROLES) }),
  organisation: z.object({ id: z.string(), kind: z.string(), name: z.string() }),
  csrfToken: z.string(),
});
export type ProfileView = z.infer<typeof profileSchema>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const createdApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  secret: z.string(),
});
export type CreatedApiKeyView = z.infer<typeof createdApiKeySchema>;
