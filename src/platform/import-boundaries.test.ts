import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layers point one way (docs/decisions/011-module-layout.md):
 * server -> modules -> platform / lib; a module reaches another only through its index.ts (plus its
 * schema.ts, for foreign keys and joins, and its rules/, pure logic shared with the web); the web imports a module's api.ts and rules/ only, and src/lib.
 */
const SRC = path.resolve(import.meta.dirname, "..");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** "modules/crm/routes/index.ts" -> { layer: "modules", module: "crm", inner: "routes/index.ts" } */
function place(rel: string) {
  const [layer = "", module = "", ...rest] = rel.split("/");
  return layer === "modules" ? { layer, module, inner: rest.join("/") } : { layer, module: "", inner: [module, ...rest].join("/") };
}

/** Why an import from `from` (relative to src, resolved without extension) to `to` is refused, or null. */
function refusal(from: string, to: string): string | null {
  const a = place(from);
  const b = place(to);
  // rules/ and api.ts are what the web imports too (pure logic, request/response shapes): importing another
  // module's index from there would pull the server into the browser.
  const targetIsEntry = (inner: string) =>
    /^(index|schema|api)(\.tsx?)?$/.test(inner) || inner === "" || inner === "rules" || inner.startsWith("rules/");
  if (a.layer === "modules") {
    if (b.layer === "server") return "a module imports src/server (use src/platform)";
    if (b.layer === "web") return "a module imports the web";
    if (b.layer === "modules" && b.module !== a.module && !targetIsEntry(b.inner))
      return `a module reaches into modules/${b.module}: import its index.ts`;
  }
  if (a.layer === "server" && b.layer === "modules" && !targetIsEntry(b.inner))
    return `the server reaches into modules/${b.module}: import its index.ts`;
  if (a.layer === "platform" || a.layer === "lib") {
    if (b.layer === "modules" || b.layer === "server" || b.layer === "web" || b.layer === "seed")
      return `${a.layer} imports ${b.layer} (it stands below every feature)`;
    if (a.layer === "lib" && b.layer === "platform") return "lib imports platform (lib is product-agnostic)";
  }
  // The web's own tests run in Node and may check against the server's data.
  if (a.layer === "web" && !/\.test\.tsx?$/.test(a.inner)) {
    if (b.layer === "modules" && !/^(api(\.ts)?|rules(\/.*)?)$/.test(b.inner))
      return `the web imports modules/${b.module}/${b.inner}: only api.ts and rules/`;
    if (b.layer === "server" || b.layer === "platform" || b.layer === "seed") return `the web imports src/${b.layer}`;
  }
  return null;
}

function offendingImports(): string[] {
  return sources(SRC).flatMap((file) => {
    const from = path.relative(SRC, file).split(path.sep).join("/");
    return [...readFileSync(file, "utf8").matchAll(IMPORT)].flatMap((m) => {
      const spec = m[1] as string;
      const to = path
        .relative(SRC, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join("/");
      if (to.startsWith("..")) return [];
      const why = refusal(from, to);
      return why ? [`${from} imports "${spec}": ${why}`] : [];
    });
  });
}

// An import that runs code when the file loads: type-only imports and `import(…)` are left out.
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gm;

/** Files of src (tests aside) and the files each imports at load time. */
function runtimeImports(): Map<string, string[]> {
  const files = sources(SRC).filter((f) => !/\.test\.tsx?$/.test(f));
  const known = new Set(files);
  const resolve = (file: string, spec: string) => {
    const base = path.resolve(path.dirname(file), spec);
    return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base].find((f) => known.has(f));
  };
  return new Map(
    files.map((file) => [
      file,
      [...readFileSync(file, "utf8").matchAll(RUNTIME_IMPORT)].flatMap((m) => resolve(file, m[1] as string) ?? []),
    ]),
  );
}

/** Groups of files that import one another, directly or round a loop (Tarjan's strongly connected components). */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
      onStack.delete(w);
      group.push(path.relative(SRC, w));
    }
    if (group.length > 1 || graph.get(v)?.includes(v)) cycles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe("import boundaries", () => {
  it("no file imports itself back round a loop: modules depend on one another one way", () => {
    const cycles = importCycles(runtimeImports());
    if (cycles.length) console.error(cycles.map((c) => c.join(" <-> ")).join("\n"));
    expect(cycles).toEqual([]);
    // The check can fail: a loop of two files is one group.
    expect(
      importCycles(
        new Map([
          [`${SRC}/a.ts`, [`${SRC}/b.ts`]],
          [`${SRC}/b.ts`, [`${SRC}/a.ts`]],
        ]),
      ),
    ).toEqual([["a.ts", "b.ts"]]);
  });

  it("no import crosses a layer or reaches into another module", () => {
    const offenders = offendingImports();
    if (offenders.length) console.error(offenders.join("\n"));
    expect(offenders).toEqual([]);
  });

  it("only the audit module writes the audit journal (others compose its auditEventsInsertSql or call appendAuditEvent)", () => {
    const writers = sources(SRC)
      .map((file) => path.relative(SRC, file).split(path.sep).join("/"))
      .filter((rel) => !rel.startsWith("modules/audit/") && !/\.test\.tsx?$/.test(rel))
      .filter((rel) => /insert\s+into\s+audit_events|insert\(auditEvents\)/i.test(readFileSync(path.join(SRC, rel), "utf8")));
    expect(writers).toEqual([]);
  });

  it("the check refuses each kind of crossing (it can fail)", () => {
    expect(refusal("modules/crm/list-clients.ts", "server/app")).toMatch(/src\/server/);
    expect(refusal("modules/followup/call/get-followup.ts", "modules/crm/load-client-record")).toMatch(/modules\/crm/);
    expect(refusal("modules/followup/call/get-followup.ts", "modules/crm")).toBeNull();
    expect(refusal("modules/followup/schema.ts", "modules/crm/schema")).toBeNull();
    expect(refusal("modules/broker-leads/api.ts", "modules/intake/api")).toBeNull();
    expect(refusal("server/route-modules.ts", "modules/crm/routes")).toMatch(/modules\/crm/);
    expect(refusal("platform/auth.ts", "modules/accounts/sessions")).toMatch(/platform imports modules/);
    expect(refusal("lib/csv.ts", "platform/errors")).toMatch(/lib imports platform/);
    expect(refusal("web/features/crm/ClientPage.tsx", "modules/crm/list-clients")).toMatch(/only api.ts and rules/);
    expect(refusal("web/features/crm/ClientPage.tsx", "modules/crm/rules/tns")).toBeNull();
    expect(refusal("web/features/crm/ClientPage.tsx", "lib/french-format")).toBeNull();
  });
});
