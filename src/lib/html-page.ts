/** Server-rendered pages (no script): HTML escaping and the document around a body. */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof Html ? x.value : escapeHtml(String(x ?? "")))).join("")
      : v instanceof Html
        ? v.value
        : v === null || v === undefined || v === false
          ? ""
          : escapeHtml(String(v));
    out += part + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

export function htmlPage(opts: { title: string; stylesheet: string; body: Html; lang?: string }): string {
  return `<!doctype html>
<html lang="${opts.lang ?? "fr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="${escapeHtml(opts.stylesheet)}">
</head>
<body>
${opts.body.value}
</body>
</html>`;
}
