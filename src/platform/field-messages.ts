import { z } from "zod";

/**
 * French messages for schema violations, naming the field in words: "Champ obligatoire : date
 * d'échéance de l'action 1" rather than "valeur invalide" at `body.actions.0.dueDate`.
 *
 * Each field says its own name where it is declared, as the JSON Schema title of its zod schema
 * (`.meta({ title: "la date d'échéance" })`), so the name also shows in the OpenAPI page. The title
 * carries its article ("le", "la", "l'", "les"): messages drop it for the field itself and contract
 * it for the parents ("de l'action 1", "du client"). An array's element is titled like any field
 * ("l'action") and numbered from 1 in messages.
 */

export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  keys?: unknown;
  values?: unknown;
  divisor?: unknown;
  message?: string;
}

export interface FieldMessage {
  /** Dotted path as sent, prefixed by the request part: "body.actions.0.dueDate". */
  field: string;
  /** The field in words: "date d'échéance de l'action 1". */
  label: string;
  /** A whole French sentence naming the field. */
  message: string;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: readonly z.ZodType[];
};

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"]);

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema and every wrapper around it (optional, nullable, default, pipe input…), outermost first. */
function layers(schema: z.ZodType | undefined): z.ZodType[] {
  const out: z.ZodType[] = [];
  let current = schema;
  while (current && out.length < 20) {
    out.push(current);
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else if (def.type === "lazy") current = def.getter?.();
    else break;
  }
  return out;
}

/** The title declared on the schema or on one of its wrappers. */
export function titleOf(schema: z.ZodType | undefined): string | undefined {
  for (const layer of layers(schema)) {
    const title = z.globalRegistry.get(layer)?.title;
    if (title) return title;
  }
  return undefined;
}

/** The schemas reached by one path segment (several when a union's options all have the key). */
function childrenOf(schema: z.ZodType | undefined, segment: PropertyKey): z.ZodType[] {
  const core = layers(schema).at(-1);
  if (!core) return [];
  const def = defOf(core);
  switch (def.type) {
    case "object":
      return def.shape?.[String(segment)] ? [def.shape[String(segment)] as z.ZodType] : [];
    case "array":
      return def.element ? [def.element] : [];
    case "tuple":
      return typeof segment === "number" && def.items?.[segment] ? [def.items[segment] as z.ZodType] : [];
    case "record":
      return def.valueType ? [def.valueType] : [];
    case "union":
      return (def.options ?? []).flatMap((o) => childrenOf(o, segment));
    case "intersection":
      return [...childrenOf(def.left, segment), ...childrenOf(def.right, segment)];
    default:
      return [];
  }
}

function kindOf(schema: z.ZodType | undefined): string | undefined {
  const core = layers(schema).at(-1);
  return core ? defOf(core).type : undefined;
}

const ARTICLE = /^(les |le |la |l')/i;

/** "la date d'échéance" → "date d'échéance". */
export function withoutArticle(title: string): string {
  return title.replace(ARTICLE, "");
}

/** "le client" → "du client", "les actions" → "des actions", "l'action 1" → "de l'action 1". */
export function ofPhrase(title: string): string {
  if (/^le /i.test(title)) return `du ${title.slice(3)}`;
  if (/^les /i.test(title)) return `des ${title.slice(4)}`;
  return `de ${title}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The field at `path` in words. Each titled step names itself; an array index names the element
 * ("l'action 1") instead of the array; untitled steps (the body itself, wrappers) are skipped.
 */
export function labelAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string {
  const named: string[] = [];
  let nodes: z.ZodType[] = schema ? [schema] : [];
  for (const segment of path) {
    const parentKind = kindOf(nodes[0]);
    nodes = nodes.flatMap((n) => childrenOf(n, segment));
    const title = nodes.map(titleOf).find(Boolean);
    if (parentKind === "array" || parentKind === "tuple") {
      named.pop();
      const index = typeof segment === "number" ? segment : Number(segment);
      named.push(`${title ?? "l'élément"} ${Number.isFinite(index) ? index + 1 : String(segment)}`);
    } else if (parentKind === "record") {
      named.push(`${title ?? "la valeur"} « ${String(segment)} »`);
    } else {
      named.push(title ?? `le champ « ${String(segment)} »`);
    }
  }
  const leaf = named.pop();
  if (!leaf) return titleOf(schema) ? withoutArticle(titleOf(schema) as string) : "corps de la requête";
  return [withoutArticle(leaf), ...named.reverse().map(ofPhrase)].join(" ");
}

/** labelAt, to start a sentence: "Département : …". */
export const sentenceLabel = (schema: z.ZodType | undefined, path: readonly PropertyKey[]): string => capitalize(labelAt(schema, path));

/** The value the client sent at `path` (undefined when absent). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const EXPECTED: Record<string, string> = {
  string: "texte attendu",
  number: "nombre attendu",
  int: "nombre entier attendu",
  bigint: "nombre entier attendu",
  boolean: "oui ou non attendu (true ou false)",
  object: "objet attendu",
  array: "liste attendue",
  date: "date attendue",
  null: "valeur vide attendue",
};

const FORMATS: Record<string, string> = {
  date: "date attendue au format AAAA-MM-JJ",
  datetime: "date et heure attendues au format ISO 8601 (ex. 2026-06-15T14:30:00+02:00)",
  time: "heure attendue au format HH:MM",
  uuid: "identifiant invalide",
  guid: "identifiant invalide",
  email: "adresse e-mail invalide",
  url: "adresse web (URL) invalide",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? "s" : ""}`;
}

/** zod's own bound on integers (`.int()`), beside a field's declared one: a number too large to be exact. */
const isSafeIntegerBound = (issue: IssueLike) =>
  (issue.code === "too_big" || issue.code === "too_small") && Math.abs(Number(issue.maximum ?? issue.minimum)) === Number.MAX_SAFE_INTEGER;

function sizeMessage(issue: IssueLike, bound: number, min: boolean): string {
  if (isSafeIntegerBound(issue)) return min ? "nombre trop petit" : "nombre trop grand";
  const origin = String(issue.origin ?? "");
  if (origin === "string") return `${plural(bound, "caractère")} au ${min ? "minimum" : "maximum"}`;
  if (origin === "array" || origin === "set") return min ? `au moins ${plural(bound, "élément")}` : `${bound} au maximum`;
  if (issue.inclusive === false) return min ? `supérieur à ${bound} attendu` : `inférieur à ${bound} attendu`;
  return `${bound} au ${min ? "minimum" : "maximum"}`;
}

function nodesAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType[] {
  let nodes: z.ZodType[] = schema ? [schema] : [];
  for (const segment of path) nodes = nodes.flatMap((n) => childrenOf(n, segment));
  return nodes;
}

/**
 * What a valid value looks like, from the field's declaration: its description ("lettres, chiffres…")
 * or its first example ("2026-11"). Said after "format invalide", where a pattern alone would not help.
 */
function formatHint(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string {
  for (const node of nodesAt(schema, path)) {
    for (const layer of layers(node)) {
      const meta = z.globalRegistry.get(layer);
      if (meta?.description) return ` (${meta.description})`;
      if (Array.isArray(meta?.examples) && meta.examples.length > 0) return ` (exemple : ${String(meta.examples[0])})`;
    }
  }
  return "";
}

function messageFor(schema: z.ZodType | undefined, issue: IssueLike, label: string, sent: unknown): string {
  const Label = capitalize(label);
  switch (issue.code) {
    case "invalid_type":
      if (sent === undefined || sent === null) return `Champ obligatoire : ${label}`;
      return `${Label} : ${EXPECTED[String(issue.expected)] ?? "type de valeur invalide"}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string" && min <= 1) return `Champ obligatoire : ${label}`;
      return `${Label} : ${sizeMessage(issue, min, true)}`;
    }
    case "too_big":
      return `${Label} : ${sizeMessage(issue, Number(issue.maximum), false)}`;
    case "invalid_format": {
      const known = FORMATS[String(issue.format)];
      if (known) return `${Label} : ${known}`;
      return `${Label} : format invalide${formatHint(schema, issue.path)}`;
    }
    case "invalid_value": {
      const values = Array.isArray(issue.values) ? issue.values.map(String) : [];
      if (values.length === 0) return `${Label} : valeur non autorisée`;
      const shown = values.slice(0, 12).join(", ");
      return `${Label} : valeur non autorisée (valeurs possibles : ${shown}${values.length > 12 ? "…" : ""})`;
    }
    case "not_multiple_of":
      return `${Label} : multiple de ${String(issue.divisor)} attendu`;
    case "custom":
      return issue.message ? `${Label} : ${issue.message}` : `${Label} : valeur invalide`;
    default:
      return `${Label} : valeur invalide`;
  }
}

const joinPath = (prefix: string, path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join(".");

/**
 * One message per issue, and one per unknown key (each is its own field at fault). `input` is what
 * was sent, to tell a missing field from a wrong one; `prefix` is the request part ("body").
 */
export function fieldMessages(schema: z.ZodType | undefined, issues: readonly IssueLike[], input: unknown, prefix = ""): FieldMessage[] {
  // "Page : 9007199254740991 au maximum" beside "Page : 10000 au maximum" says nothing more: the field's own bound speaks.
  const samePath = (a: IssueLike, b: IssueLike) => a.path.length === b.path.length && a.path.every((k, i) => k === b.path[i]);
  const said = issues.filter((issue) => !isSafeIntegerBound(issue) || !issues.some((o) => o !== issue && samePath(o, issue)));
  return said.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      const keys = Array.isArray(issue.keys) ? issue.keys.map(String) : [];
      const within = issue.path.length > 0 ? ` (${ofPhrase(labelAtWithArticle(schema, issue.path))})` : "";
      return keys.map((key) => ({
        field: joinPath(prefix, [...issue.path, key]),
        label: `champ « ${key} »`,
        message: `Champ non prévu : « ${key} »${within}. Retirez-le de la requête.`,
      }));
    }
    const label = labelAt(schema, issue.path);
    return [{ field: joinPath(prefix, issue.path), label, message: messageFor(schema, issue, label, valueAt(input, issue.path)) }];
  });
}

/** The label with its article kept, for "de …" phrases ("l'action 1", "le client"). */
function labelAtWithArticle(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string {
  const bare = labelAt(schema, path);
  const title = nodesAt(schema, path).map(titleOf).find(Boolean);
  const article = title ? ARTICLE.exec(title)?.[1] : undefined;
  return article ? `${article}${bare}` : bare;
}

/**
 * Every leaf field of an object schema, as paths (arrays through their first element), with the
 * title each one declares: what the route-table test walks to prove every field has a name.
 */
export function leafFields(
  schema: z.ZodType | undefined,
  path: PropertyKey[] = [],
  depth = 0,
): { path: PropertyKey[]; schema: z.ZodType }[] {
  if (!schema || depth > 8) return [];
  const core = layers(schema).at(-1);
  if (!core) return [];
  const def = defOf(core);
  if (def.type === "object" && def.shape) {
    return Object.entries(def.shape).flatMap(([key, child]) => leafFields(child, [...path, key], depth + 1));
  }
  if (def.type === "array" && def.element) {
    const inner = leafFields(def.element, [...path, 0], depth + 1);
    return [{ path, schema }, ...inner];
  }
  if (def.type === "union" && def.options) {
    const objects = def.options.filter((o) => kindOf(o) === "object");
    const seen = new Set<string>();
    const leaves = objects
      .flatMap((o) => leafFields(o, path, depth + 1))
      .filter((l) => !seen.has(l.path.join(".")) && seen.add(l.path.join(".")));
    return [{ path, schema }, ...leaves];
  }
  return [{ path, schema }];
}
