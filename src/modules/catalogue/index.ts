// What other modules may use of catalogue; nothing else of this folder is imported from outside it.
export { catalogueRoutes } from "./routes";
