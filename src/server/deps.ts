import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/client";
import type { Notifier } from "../modules/notifications/notifier";
import type { Clock } from "../shared/clock";
import type { Config } from "./config";

/** What route modules receive: no globals, so tests build as many apps as they like. */
export interface AppDeps {
  database: Database;
  config: Config;
  /** What time it is: every route reads "now" from here, so tests and faked dates decide the day. */
  clock: Clock;
  /** Outgoing e-mail and SMS; buildApp creates (and closes) one when the caller does not pass its own. */
  notifier?: Notifier;
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
