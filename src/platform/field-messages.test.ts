import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldMessages, labelAt, leafFields, ofPhrase, withoutArticle } from "./field-messages";

const plan = z.strictObject({
  actions: z
    .array(
      z
        .strictObject({
          dueDate: z.iso.date().meta({ title: "la date d'échéance" }),
          ownerId: z.uuid().meta({ title: "le responsable" }),
          note: z.string().max(5).nullish().meta({ title: "la note" }),
        })
        .meta({ title: "l'action" }),
    )
    .max(2)
    .meta({ title: "les actions" }),
  client: z
    .object({ siret: z.string().min(9).meta({ title: "le SIRET" }) })
    .optional()
    .meta({ title: "le client" }),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .meta({ title: "le mois", examples: ["2026-11"] }),
  kind: z.enum(["quote", "appointment"]).optional().meta({ title: "le type d'action" }),
});

function messagesFor(body: unknown) {
  const parsed = plan.safeParse(body);
  if (parsed.success) throw new Error("expected a failure");
  return fieldMessages(plan, parsed.error.issues, body, "body");
}

describe("field labels", () => {
  it("contracts the articles as French does", () => {
    expect(withoutArticle("la date d'échéance")).toBe("date d'échéance");
    expect(withoutArticle("l'e-mail")).toBe("e-mail");
    expect(ofPhrase("le client")).toBe("du client");
    expect(ofPhrase("les actions")).toBe("des actions");
    expect(ofPhrase("la ligne 2")).toBe("de la ligne 2");
    expect(ofPhrase("l'action 1")).toBe("de l'action 1");
  });

  it("names a nested field with its parents, numbering array elements from 1", () => {
    expect(labelAt(plan, ["actions", 0, "dueDate"])).toBe("date d'échéance de l'action 1");
    expect(labelAt(plan, ["actions", 3])).toBe("action 4");
    expect(labelAt(plan, ["client", "siret"])).toBe("SIRET du client");
    expect(labelAt(plan, ["nope"])).toBe("champ « nope »");
  });
});

describe("fieldMessages", () => {
  it("says a missing field is required, naming it in words, at its path", () => {
    const [first] = messagesFor({ actions: [{ ownerId: "0190a0c4-7a3b-7cc2-9f00-000000000001" }] });
    expect(first).toEqual({
      field: "body.actions.0.dueDate",
      label: "date d'échéance de l'action 1",
      message: "Champ obligatoire : date d'échéance de l'action 1",
    });
  });

  it("explains wrong formats, types, sizes and values in French", () => {
    const messages = [
      ...messagesFor({
        actions: [{ dueDate: "10/03/2026", ownerId: "moi", note: "beaucoup trop long" }],
        client: { siret: 12 },
        month: "novembre",
        kind: "devis",
      }),
      ...messagesFor({ actions: [1, 2, 3].map(() => ({ dueDate: "2026-03-10", ownerId: "0190a0c4-7a3b-7cc2-9f00-000000000001" })) }),
    ].map((m) => m.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Date d'échéance de l'action 1 : date attendue au format AAAA-MM-JJ",
        "Responsable de l'action 1 : identifiant invalide",
        "Note de l'action 1 : 5 caractères au maximum",
        "Actions : 2 au maximum",
        "SIRET du client : texte attendu",
        "Mois : format invalide (exemple : 2026-11)",
        "Type d'action : valeur non autorisée (valeurs possibles : quote, appointment)",
      ]),
    );
    for (const message of messages) expect(message).not.toMatch(/body\.|\.\d+\.|Invalid|expected/);
  });

  it("says a number past the exact integers by the field's own bound, or as too large when it has none", () => {
    const query = z.strictObject({
      page: z.coerce.number().int().min(1).max(10_000).meta({ title: "la page" }),
      count: z.coerce.number().int().meta({ title: "le nombre" }),
    });
    const sent = { page: "99999999999999999999", count: "-99999999999999999999" };
    const parsed = query.safeParse(sent);
    if (parsed.success) throw new Error("expected a failure");
    expect(fieldMessages(query, parsed.error.issues, sent, "querystring").map((m) => m.message)).toEqual([
      "Page : 10000 au maximum",
      "Nombre : nombre trop petit",
    ]);
  });

  it("refuses each unknown key on its own, saying where", () => {
    const messages = messagesFor({
      actions: [{ dueDate: "2026-03-10", ownerId: "0190a0c4-7a3b-7cc2-9f00-000000000001", role: "x" }],
      hack: 1,
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        {
          field: "body.actions.0.role",
          label: "champ « role »",
          message: "Champ non prévu : « role » (de l'action 1). Retirez-le de la requête.",
        },
        { field: "body.hack", label: "champ « hack »", message: "Champ non prévu : « hack ». Retirez-le de la requête." },
      ]),
    );
  });

  it("lists every leaf field of a schema with its path, arrays through their first element", () => {
    expect(leafFields(plan).map((l) => l.path.join("."))).toEqual([
      "actions",
      "actions.0.dueDate",
      "actions.0.ownerId",
      "actions.0.note",
      "client.siret",
      "month",
      "kind",
    ]);
  });
});
