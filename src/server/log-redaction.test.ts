import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../tests/factories/leads";
import { asUser, bearer, createOrgWithUser, login, publishTestConsentText, type TestContext } from "../../tests/support/test-app";
import { openTestDatabase } from "../../tests/support/test-db";
import { systemClock } from "../platform/clock";
import { loadConfig } from "../platform/config";
import { redactError, redactMessage } from "../platform/log-redaction";
import { buildApp } from "./app";

// The app as it runs in production (info level), its log written where the test can read it.
let ctx: TestContext;
let logged = "";
beforeAll(async () => {
  const database = await openTestDatabase();
  const stream = new PassThrough();
  stream.on("data", (chunk) => {
    logged += chunk.toString();
  });
  const app = await buildApp({
    database,
    config: loadConfig({ NODE_ENV: "development", LOG_LEVEL: "info" }),
    clock: systemClock,
    logStream: stream,
  });
  await app.ready();
  const close = async () => {
    await app.close();
    await database.close();
  };
  ctx = { app, database, db: database.db, owner: database.owner, clock: systemClock, close };
});
afterAll(() => ctx.close());

const PERSON = {
  firstName: "Audrey",
  lastName: "Pélissier",
  phone: "06 71 23 45 89",
  phoneE164: "+33671234589",
  email: "audrey.pelissier@example.fr",
  birthDate: "1984-03-17",
  ip: "82.64.123.45",
};
const personalData = [PERSON.lastName, "71 23 45 89", PERSON.phoneE164, "671234589", PERSON.email, PERSON.birthDate, PERSON.ip];

describe("logs", () => {
  it("keep no personal data from a database error, yet say what failed", async () => {
    // A constraint the rows of this person break (added by the tables' owner): PostgreSQL then quotes the whole row, Drizzle every parameter.
    await ctx.owner.execute(sql.raw(`alter table clients add constraint test_refuses_her check (last_name <> '${PERSON.lastName}')`));
    await ctx.owner.execute(sql.raw(`alter table lead_consents add constraint test_refuses_ip check (ip::text <> '${PERSON.ip}')`));
    const broker = await createOrgWithUser(ctx, "broker_admin");
    const session = await login(ctx.app, broker.email);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/crm/clients?q=Pélissier",
      headers: asUser(session),
      payload: {
        client: {
          type: "particulier",
          firstName: PERSON.firstName,
          lastName: PERSON.lastName,
          birthDate: PERSON.birthDate,
          phone: PERSON.phone,
          email: PERSON.email,
        },
        contract: { productLine: "auto", startDate: "2026-01-15" },
      },
    });
    expect(created.statusCode).toBe(500);

    const supplier = await createOrgWithUser(ctx, "supplier");
    const { version } = await publishTestConsentText(ctx);
    const lead = validLead(version);
    lead.contact = { ...lead.contact, lastName: PERSON.lastName, email: PERSON.email, phone: PERSON.phone };
    lead.consent = { ...lead.consent, ip: PERSON.ip };
    const sent = await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(supplier.apiKey as string), payload: lead });
    expect(sent.statusCode).toBe(500);

    const errors = logged
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const data of personalData) expect(logged, data).not.toContain(data);
    // What an engineer needs is still there: the statement, the constraint broken, PostgreSQL's code.
    const text = JSON.stringify(errors);
    expect(text).toContain("test_refuses_her");
    expect(text).toContain("test_refuses_ip");
    expect(text).toContain("23514");
    expect(text).toContain('insert into \\"clients\\"');
    // Requests are logged without the client's address nor the values of the query string.
    expect(logged).toContain('"url":"/api/v1/crm/clients?q=[masqué]"');
    expect(logged).not.toContain("remoteAddress");
  });

  it("mask the values PostgreSQL and Drizzle put in their messages", () => {
    expect(redactMessage('invalid input syntax for type uuid: "audrey.pelissier@example.fr"')).toBe(
      "invalid input syntax for type uuid: [masqué]",
    );
    expect(redactMessage('Failed query: insert into "leads" ("phone") values ($1)\nparams: +33671234589,Pélissier')).toBe(
      'Failed query: insert into "leads" ("phone") values ($1)\nparams: [masqué]',
    );
    expect(redactMessage('relation "leads" does not exist')).toBe('relation "leads" does not exist');
    const pg = Object.assign(new Error('duplicate key value violates unique constraint "users_email_lower_idx"'), {
      code: "23505",
      detail: `Key (lower(email))=(${PERSON.email}) already exists.`,
      constraint: "users_email_lower_idx",
    });
    const logged = JSON.stringify(redactError(new Error("wrapped", { cause: pg })));
    expect(logged).not.toContain(PERSON.email);
    expect(logged).toContain("users_email_lower_idx");
  });
});
