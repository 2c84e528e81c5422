import type { FastifyReply } from "fastify";

/** Content-Disposition for a file name in any script: an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Marks the answer as a CSV file to save under `filename` (UTF-8: the writer starts it with the BOM Excel reads). */
export function asCsvDownload(reply: FastifyReply, filename: string): FastifyReply {
  return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", attachment(filename));
}
