import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { createTestApp, type TestContext } from "../../tests/support/test-app";
import { fieldMessages, leafFields, titleOf, withoutArticle } from "../platform/field-messages";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** A body holding `value` at `path` and nothing else (arrays get the value in their first element). */
function bodyWith(path: readonly PropertyKey[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === "number" ? [bodyWith(rest, value)] : { [String(head)]: bodyWith(rest, value) };
}

// Wrong for every kind of field: an object where a scalar is expected, a scalar where a list or object is.
const WRONG_VALUES: unknown[] = [{ wrong: true }, "pas une liste", true, 12.5];

const ENGLISH = /\b(Invalid|expected|received|Required|Too (big|small)|must|undefined)\b/;

describe("validation messages of every endpoint (issue 9 §2)", () => {
  it("name every body field in French words, never by its raw path", () => {
    const bodies = ctx.app.routeTable.filter((r) => r.schema?.body && typeof (r.schema.body as ZodType).safeParse === "function");
    expect(bodies.length).toBeGreaterThan(25);
    let checked = 0;
    for (const route of bodies) {
      const schema = route.schema?.body as ZodType;
      for (const leaf of leafFields(schema)) {
        if (leaf.path.length === 0) continue;
        const where = `${route.method} ${route.url} ${leaf.path.join(".")}`;
        const title = titleOf(leaf.schema);
        expect(title, `${where} : pas de nom déclaré (.meta({ title }))`).toBeTruthy();
        const field = ["body", ...leaf.path.map(String)].join(".");
        for (const value of WRONG_VALUES) {
          const body = bodyWith(leaf.path, value);
          const parsed = schema.safeParse(body);
          if (parsed.success) continue;
          const message = fieldMessages(schema, parsed.error.issues, body, "body").find((m) => m.field === field);
          if (!message) continue;
          expect(message.message.toLowerCase(), where).toContain(withoutArticle(title as string).toLowerCase());
          expect(message.message, where).not.toMatch(ENGLISH);
          expect(message.message, where).not.toContain("body.");
          if (leaf.path.length > 1) expect(message.message, where).not.toContain(leaf.path.join("."));
          checked++;
          break;
        }
      }
    }
    // Fields that accept anything (a lead's product fields, judged later as rejection reasons) have no wrong value.
    expect(checked).toBeGreaterThan(200);
  });

  it("name every query-string and path parameter too", () => {
    let named = 0;
    for (const route of ctx.app.routeTable) {
      for (const part of ["querystring", "params"] as const) {
        const schema = route.schema?.[part] as ZodType | undefined;
        if (!schema || typeof schema.safeParse !== "function") continue;
        for (const leaf of leafFields(schema)) {
          if (leaf.path.length === 0) continue;
          expect(titleOf(leaf.schema), `${route.method} ${route.url} ${part}.${leaf.path.join(".")}`).toBeTruthy();
          named++;
        }
      }
    }
    expect(named).toBeGreaterThan(30);
  });

  it("publishes the names in the OpenAPI description, as JSON Schema titles", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/docs/json" })).json();
    const body = doc.paths["/api/v1/followups/{id}/action-plan"].put.requestBody.content["application/json"].schema;
    expect(body.properties.actions.items.title).toBe("l'action");
    expect(body.properties.actions.items.properties.dueDate.title).toBe("la date d'échéance");
    expect(body.additionalProperties).toBe(false);
  });

  it("answers a missing field with « Champ obligatoire » and the field in words, through HTTP", async () => {
    const res = await ctx.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { password: "x" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "validation_error",
      field: "body.email",
      message: "Champ obligatoire : e-mail",
      details: [{ field: "body.email", label: "e-mail", message: "Champ obligatoire : e-mail" }],
    });
  });
});
