import type { DbOrTx } from "../../platform/db/client";
import { hashPassword } from "./passwords";
import { apiKeys, type OrgKind, organisations, type Role, users } from "./schema";
import { sha256 } from "./tokens";

/** Building blocks shared by the demo seed and the tests, so both create data the same way. */
export async function createOrganisation(
  db: DbOrTx,
  input: { kind: OrgKind; name: string; siren?: string; orias?: string; address?: string; vatNumber?: string },
) {
  const [row] = await db.insert(organisations).values(input).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function createUser(
  db: DbOrTx,
  input: {
    orgId: string;
    role: Role;
    email: string;
    password: string;
    firstName: string;
    lastName: string;
    phone?: string;
    isDemo?: boolean;
  },
) {
  const { password, ...rest } = input;
  const [row] = await db
    .insert(users)
    .values({ ...rest, passwordHash: await hashPassword(password) })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** Stores a key whose secret the caller chose (demo seed, tests); suppliers get random ones. */
export async function createApiKeyWithSecret(db: DbOrTx, input: { orgId: string; name: string; secret: string; createdBy?: string }) {
  const [row] = await db
    .insert(apiKeys)
    .values({
      orgId: input.orgId,
      name: input.name,
      prefix: input.secret.slice(0, 14),
      keyHash: sha256(input.secret),
      createdBy: input.createdBy,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
