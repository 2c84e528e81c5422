import { describe, expect, it } from "vitest";
import { buildVCard, escapeVCardText, foldVCardLine, type VCardInput, vcardAttachment, vcardFilename } from "./vcard";

interface Prop {
  name: string;
  params: Record<string, string>;
  /** Components split on unescaped `;`, each unescaped. */
  components: string[];
}

/** Just enough of RFC 6350 to read our output back: unfold, split name/params/value, unescape. */
function parseVCard(text: string): Prop[] {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  return unfolded
    .split("\r\n")
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(":");
      const [name = "", ...params] = line.slice(0, colon).split(";");
      const components = line
        .slice(colon + 1)
        .split(/(?<!\\);/)
        .map((c) => c.replace(/\\([\\,;nN])/g, (_, ch: string) => (ch === "n" || ch === "N" ? "\n" : ch)));
      return { name: name.toUpperCase(), params: Object.fromEntries(params.map((p) => p.split("=") as [string, string])), components };
    });
}

const card: VCardInput = {
  firstName: "Éloïse",
  lastName: "Martin-Durand",
  organisation: "Cabinet Durand; Associés, Courtage",
  title: "Chargée de clientèle",
  phone: "+33 1 23 45 67 89",
  mobile: "+33612345678",
  email: "eloise@cabinet-durand.fr",
  address: { street: "12, rue de la Paix", postalCode: "75002", locality: "Paris", country: "France" },
  url: "https://cabinet-durand.fr/equipe?a=1,2",
  note: "Disponible du lundi au vendredi\nde 9 h à 18 h. Chemin : C:\\Clients",
};

const get = (props: Prop[], name: string) => props.filter((p) => p.name === name);

describe("escaping", () => {
  it("escapes backslash, comma, semicolon and newlines (RFC 6350 §3.4)", () => {
    expect(escapeVCardText("a\\b,c;d\ne\r\nf")).toBe("a\\\\b\\,c\\;d\\ne\\nf");
  });

  it("round-trips awkward values through a parser", () => {
    const props = parseVCard(buildVCard(card));
    expect(get(props, "ORG")[0]?.components).toEqual(["Cabinet Durand; Associés, Courtage"]);
    expect(get(props, "NOTE")[0]?.components).toEqual([card.note]);
    expect(get(props, "ADR")[0]?.components).toEqual(["", "", "12, rue de la Paix", "Paris", "", "75002", "France"]);
    // A URI keeps its commas as they are.
    expect(buildVCard(card)).toContain("URL:https://cabinet-durand.fr/equipe?a=1,2");
  });
});

describe("folding", () => {
  it("keeps every physical line within 75 octets and uses CRLF only", () => {
    const text = buildVCard({ ...card, note: "Très long commentaire accentué — ".repeat(20) });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("never splits a multi-byte UTF-8 character", () => {
    // 2-, 3- and 4-byte characters, so cuts land on every kind of boundary.
    for (const unit of ["é", "€", "😀", "aé€😀"]) {
      const line = `NOTE:${unit.repeat(60)}`;
      const folded = foldVCardLine(line);
      const physical = folded.split("\r\n");
      expect(physical.length).toBeGreaterThan(1);
      for (const [i, part] of physical.entries()) {
        const bytes = Buffer.from(part, "utf8");
        expect(bytes.length).toBeLessThanOrEqual(75);
        // Decoding each physical line alone would show U+FFFD if a character had been cut.
        expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(part);
        if (i > 0) expect(part.startsWith(" ")).toBe(true);
      }
      expect(folded.replace(/\r\n /g, "")).toBe(line);
    }
  });

  it("does not cut an escape sequence in two", () => {
    const line = `NOTE:${"x".repeat(73)}\\,suite`;
    expect(foldVCardLine(line).split("\r\n")[0]).toBe(`NOTE:${"x".repeat(70)}`);
  });

  it("leaves short lines alone", () => {
    expect(foldVCardLine("FN:Jean Dupont")).toBe("FN:Jean Dupont");
  });
});

describe("vCard 4.0", () => {
  it("has the required VERSION, FN and N, and tel: URIs for E.164 numbers", () => {
    const text = buildVCard(card);
    const props = parseVCard(text);
    expect(props[0]?.name).toBe("BEGIN");
    expect(props[1]).toMatchObject({ name: "VERSION", components: ["4.0"] });
    expect(props.at(-1)?.name).toBe("END");
    expect(get(props, "FN")[0]?.components).toEqual(["Éloïse Martin-Durand"]);
    expect(get(props, "N")[0]?.components).toEqual(["Martin-Durand", "Éloïse", "", "", ""]);
    const tels = get(props, "TEL");
    expect(tels.map((t) => t.components[0])).toEqual(["tel:+33123456789", "tel:+33612345678"]);
    expect(tels[1]?.params).toMatchObject({ VALUE: "uri", TYPE: "cell,voice" });
    expect(get(props, "EMAIL")[0]?.params.TYPE).toBe("work");
  });

  it("keeps a number it cannot make E.164 as text", () => {
    const text = buildVCard({ ...card, phone: "01 23 45 67 89 poste 12" });
    expect(text).toContain("TEL;TYPE=work,voice:01 23 45 67 89 poste 12");
  });

  it("refuses a card without a name", () => {
    expect(() => buildVCard({ ...card, firstName: " ", lastName: "" })).toThrow(/obligatoire/);
  });
});

describe("vCard 3.0", () => {
  it("uses upper-case TYPE parameters and plain phone values, and parses back", () => {
    const props = parseVCard(buildVCard({ ...card, version: "3.0" }));
    expect(get(props, "VERSION")[0]?.components).toEqual(["3.0"]);
    expect(get(props, "FN")[0]?.components).toEqual(["Éloïse Martin-Durand"]);
    expect(get(props, "N")[0]?.components).toEqual(["Martin-Durand", "Éloïse", "", "", ""]);
    expect(get(props, "TEL").map((t) => [t.params.TYPE, t.components[0]])).toEqual([
      ["WORK,VOICE", "+33123456789"],
      ["CELL,VOICE", "+33612345678"],
    ]);
    expect(get(props, "EMAIL")[0]?.params.TYPE).toBe("INTERNET,WORK");
    expect(get(props, "KIND")).toHaveLength(0);
    expect(get(props, "NOTE")[0]?.components).toEqual([card.note]);
  });
});

describe("file name and attachment", () => {
  it("is ASCII, readable, and falls back when the name has no letters", () => {
    expect(vcardFilename(card)).toBe("Eloise-Martin-Durand.vcf");
    expect(vcardFilename({ firstName: "王", lastName: "芳", organisation: "Cabinet Ünal" })).toBe("Cabinet-Unal.vcf");
    expect(vcardFilename({ firstName: "", lastName: "" })).toBe("contact.vcf");
  });

  it("labels 4.0 and 3.0 with the content type their readers expect", () => {
    expect(vcardAttachment(card)).toMatchObject({ filename: "Eloise-Martin-Durand.vcf", contentType: "text/vcard; charset=utf-8" });
    expect(vcardAttachment({ ...card, version: "3.0" }).contentType).toBe("text/x-vcard; charset=utf-8");
  });
});
