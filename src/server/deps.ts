import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/client";
import type { Config } from "./config";

/** What route modules receive: no globals, so tests build as many apps as they like. */
export interface AppDeps {
  database: Database;
  config: Config;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export type RouteModule = (app: App, deps: AppDeps) => Promise<void> | void;
