// What other modules may use of accounts; nothing else of this folder is imported from outside it.

export { authPlugin } from "./auth-plugin";
export { createOrganisation, createUser } from "./provision-accounts";
export { accountRoutes } from "./routes";
export { createSession, SESSION_TTL_MS } from "./sessions";
export { randomToken, sha256 } from "./tokens";
export { assertEmailFree, createUserOnce } from "./user-email";
