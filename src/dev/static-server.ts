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

/** Host names a local server answers to; any other Host header is a DNS-rebinding attempt. */
export function allowedHost(hostHeader: string | undefined, listening: string): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  // An IP literal cannot be rebound to another origin.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) return true;
  return host === listening.toLowerCase();
}

/** A dot-named segment (`.git`, `.folio-output`) is never served; `.well-known/` is. */
const DOTTED = /(^|\/)\.(?!well-known(\/|$))/;

export interface RunningServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** A plain static file server for `dist/`, with the site's 404 page; used by preview and tests. */
export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const serve = sirv(options.dir, {
    dev: true,
    etag: true,
    dotfiles: false,
  });
  const host = options.host ?? '127.0.0.1';
  const notFound = path.join(options.dir, '404.html');
  const base = options.base;
  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    if (!allowedHost(req.headers.host, host)) {
      res.statusCode = 403;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`Blocked: this server answers to localhost and ${host}, not "${req.headers.host ?? ''}"\n`);
      return;
    }
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
    let pathname = req.url.split(/[?#]/)[0]!;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      return fail();
    }
    if (DOTTED.test(pathname)) return fail();
    // A type the browser must not guess: sirv leaves Content-Type empty for a file of unknown
    // type (it names the file it found, `/search/` → index.html), so that one is a download.
    const writeHead = res.writeHead.bind(res) as (code: number, headers?: Record<string, unknown>) => typeof res;
    res.writeHead = ((code: number, headers?: Record<string, unknown>) => {
      if (headers && headers['Content-Type'] === '') headers['Content-Type'] = 'application/octet-stream';
      return writeHead(code, headers);
    }) as typeof res.writeHead;
    serve(req, res, fail);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${base}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
