/**
 * The decoded text of a captured e-mail's first MIME part of `contentType` (e.g. the .ics invitation),
 * as the recipient's client reads it: base64 and quoted-printable undone.
 */
export function mimePartText(raw: string, contentType: string): string | null {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const head = part.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
    if (!new RegExp(`^content-type:\\s*${contentType.replace("/", "\\/")}`, "im").test(head)) continue;
    const body = part
      .slice(split)
      .replace(/^\r?\n\r?\n/, "")
      .replace(/\r?\n--[^\r\n]*--\s*$/, "");
    const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(head)?.[1]?.toLowerCase();
    if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    if (encoding === "quoted-printable")
      return Buffer.from(
        body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
        "latin1",
      ).toString("utf8");
    return body;
  }
  return null;
}
