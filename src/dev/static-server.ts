import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServerOptions {
  dir: string;
  /** Serve the site under this path (`/kb/`), as a static host would. */
  base: string;
  port?: number;
  host?: string;
  /** Extra response headers, e.g. a Content-Security-Policy to hold the site to. */
  headers?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** A plain static file server for `dist/`, with the site's 404 page; used by preview and tests. */
export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const serve = sirv(options.dir, { dev: true, etag: true, dotfiles: false });
  const notFound = path.join(options.dir, '404.html');
  const base = options.base;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const url = req.url ?? '/';
    const fail = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    };
    if (base !== '/' && (url === base.slice(0, -1) || url.startsWith(`${base.slice(0, -1)}?`))) {
      res.statusCode = 301;
      res.setHeader('location', base);
      res.end();
      return;
    }
    if (!url.startsWith(base)) return fail();
    req.url = `/${url.slice(base.length)}`;
    serve(req, res, fail);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${base}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
