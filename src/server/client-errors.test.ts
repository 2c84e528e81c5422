import { connect, createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "../../tests/support/test-app";
import { clientError } from "../platform/error-handler";

/**
 * What Node's HTTP parser refuses before Fastify sees a request: headers over Node's 16 KB, bytes that are
 * not HTTP. Sent over a real socket (inject skips the parser); the answer is ours, in French, with a body.
 */

let ctx: TestContext;
let port: number;
beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.app.listen({ host: "127.0.0.1", port: 0 });
  port = (ctx.app.server.address() as { port: number }).port;
});
afterAll(() => ctx.close());

/** Sends raw bytes (none: just connects) and reads the whole answer, until the server closes the connection. */
function exchange(to: number, bytes = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(to, "127.0.0.1", () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** An HTTP answer's status, head (status line and headers) and body. */
function answerOf(text: string) {
  const [head = "", body = ""] = text.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), headers: head, body };
}

const rawRequest = async (bytes: string) => answerOf(await exchange(port, bytes));

describe("requests Node's parser refuses", () => {
  it("headers over 16 KB: a 431 in French naming the headers", async () => {
    const res = await rawRequest(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nCookie: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers.toLowerCase()).toContain("content-type: application/json; charset=utf-8");
    expect(JSON.parse(res.body)).toEqual({
      error: { code: "headers_too_large", message: expect.stringContaining("En-têtes"), field: "headers" },
    });
  });

  it("bytes that are not HTTP: a 400 in French", async () => {
    const res = await rawRequest("GET /api/v1/health HTTP/1.1\r\nHost x\r\n\r\n");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: "validation_error", message: expect.stringContaining("Requête HTTP illisible"), field: "request" },
    });
  });
});

describe("clientError on a socket of its own", () => {
  it("a request that arrived too slowly: a 408 in French, and a reset connection is left alone", async () => {
    const codes = ["ERR_HTTP_REQUEST_TIMEOUT", "ECONNRESET"];
    const server = createServer((socket: Socket) => {
      const code = codes.shift();
      socket.on("error", () => {});
      clientError(Object.assign(new Error(code), { code }), socket);
      // A reset connection is neither answered nor closed by clientError: Node closes it.
      if (code === "ECONNRESET") socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const serverPort = (server.address() as { port: number }).port;
    const timeout = answerOf(await exchange(serverPort));
    expect(timeout.headers.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(JSON.parse(timeout.body)).toEqual({
      error: { code: "request_timeout", message: "La requête est arrivée trop lentement : réessayez" },
    });
    expect(await exchange(serverPort)).toBe("");
    server.close();
  });
});
