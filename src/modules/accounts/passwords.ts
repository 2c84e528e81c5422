import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum), ~50 ms here.
export const hashPassword = (password: string) => hash(password);

// Verified against a real hash even for unknown accounts, so timing does not reveal which e-mails exist.
const DUMMY_HASH = hash("leadsassurance-dummy-password");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await DUMMY_HASH);
  const ok = await verify(target, password).catch(() => false);
  return passwordHash !== null && ok;
}
