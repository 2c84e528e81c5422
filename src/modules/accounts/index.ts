// What other modules may use of accounts; nothing else of this folder is imported from outside it.

export { authPlugin } from "./auth-plugin";
export { createUser } from "./provision-accounts";
export { accountRoutes } from "./routes";
