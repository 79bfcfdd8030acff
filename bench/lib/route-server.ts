import http from "node:http";
import type { AddressInfo } from "node:net";

type RouteFn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
export interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteFn;
}

/**
 * Serves route modules' loaders/actions over real HTTP, in this process: the same route code the app runs,
 * without the Remix router (which the baseline route skips too, so the comparison is fair).
 */
export async function serveRoutes(routes: Route[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const params = url.pathname.match(route.pattern)?.groups ?? {};
    const request = new Request(`https://amend.example.com${url.pathname}${url.search}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
    });
    let response: Response;
    try {
      response = await route.handler({ request, params, context: {} });
    } catch (thrown) {
      if (!(thrown instanceof Response)) {
        res.writeHead(500).end(String(thrown));
        return;
      }
      response = thrown;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
