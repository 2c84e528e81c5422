/** An absolute http(s) URL, as a consent's source page must be ("www.site.fr/devis" lacks its scheme). */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
