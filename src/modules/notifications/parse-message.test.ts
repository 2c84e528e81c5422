import { describe, expect, it } from "vitest";
import { parseMessage, parseParams } from "./parse-message";

const crlf = (lines: string[]) => Buffer.from(lines.join("\r\n"), "latin1");

describe("minimal MIME parsing", () => {
  it("decodes encoded words, joining a character split across two of them", () => {
    // "é" is C3 A9: its two bytes sit in two adjacent encoded words.
    const msg = parseMessage(crlf(["Subject: =?UTF-8?Q?Caf=C3?=", " =?UTF-8?Q?=A9_cr=C3=A8me?=", "To: a@b.fr", "", "corps"]));
    expect(msg.subject).toBe("Café crème");
    expect(msg.text).toBe("corps");
  });

  it("applies the part's charset after the transfer decoding", () => {
    const msg = parseMessage(
      crlf([
        "Content-Type: text/plain; charset=iso-8859-1",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Soci=E9t=E9 g=",
        "=E9n=E9rale",
      ]),
    );
    expect(msg.text).toBe("Société générale");
  });

  it("falls back to the HTML part's text when there is no text/plain", () => {
    const msg = parseMessage(
      crlf([
        'Content-Type: multipart/alternative; boundary="b"',
        "",
        "--b",
        "Content-Type: text/html",
        "",
        "<p>Bonjour &amp; merci</p>",
        "--b--",
      ]),
    );
    expect(msg.text).toBe("Bonjour & merci");
    expect(msg.attachments).toEqual([]);
  });

  it("reads RFC 2231 continuations and quoted parameters", () => {
    const { value, params } = parseParams(`attachment; filename*0*=utf-8''Devis%20n%C2%B0; filename*1*=%2012.pdf; note="a;b"`);
    expect(value).toBe("attachment");
    expect(params).toEqual({ filename: "Devis n° 12.pdf", note: "a;b" });
  });
});
