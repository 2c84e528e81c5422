import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/client";

/**
 * What route modules receive: no globals, so tests build as many apps as they like.
 * The notifications module adds `notifier` (declaration merging), so the platform does not import it.
 */
export interface AppDeps {
  database: Database;
  config: Config;
  /** What time it is: every route reads "now" from here, so tests and faked dates decide the day. */
  clock: Clock;
  /** Where the logs go (standard output by default; tests read them). */
  logStream?: NodeJS.WritableStream;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type RouteModule = (app: App, deps: AppDeps) => Promise<void> | void;
