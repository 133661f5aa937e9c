import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { contentType } from './content-type.ts';
import type { DevSite } from './dev-site.ts';
import { errorPage } from './error-page.ts';

export interface FolioDevPluginOptions {
  site: DevSite;
  /** Client code and CSS (templates/client/): Vite itself serves and hot-updates these. */
  clientDir: string;
  /** Files and folders whose change reloads the open page: content, templates, config, code. */
  watch: string[];
  /** Told of each change before the page reloads (to invalidate what depends on the file). */
  onChange?: (file: string) => void;
  /** Called after each page is served. */
  onServed?: () => void;
}

/**
 * The Vite plugin behind `folio dev`: answers page requests by rendering them on demand, and
 * reloads the open page when content, a template, site.config.ts (or a module it imports, such as
 * the site's own plugins) or Folio's code changes.
 */
export function folioDevPlugin(options: FolioDevPluginOptions): Plugin {
  const inside = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
  let dev: ViteDevServer | undefined;
  // A module the server side has loaded: site.config.ts and what it imports (the site's own plugins).
  const loaded = (file: string) => (dev?.environments.ssr?.moduleGraph.getModulesByFile(file)?.size ?? 0) > 0;
  return {
    name: 'folio-dev',
    configureServer(server) {
      dev = server;
      server.watcher.add(options.watch);
      // Returned: runs after Vite's own middlewares, so client files and /@vite/ are Vite's.
      return () => {
        server.middlewares.use((req, res, next) => {
          if (req.method !== 'GET' && req.method !== 'HEAD') return next();
          handle(server, options.site, req, res).then(options.onServed, next);
        });
      };
    },
    hotUpdate({ file, type }) {
      if (this.environment.name !== 'client') return;
      if (inside(file, options.clientDir)) return;
      if (!options.watch.some((w) => inside(file, w)) && !loaded(file)) return;
      // Editors' temporary and backup files (.x.swp, .x.tmp, x~) are not content.
      if (path.basename(file).startsWith('.') || file.endsWith('~')) return [];
      // Vite has already invalidated changed modules (templates, code); content is re-read on
      // the next request. Reload whatever page is open.
      options.onChange?.(file);
      this.environment.logger.info(`${type === 'update' ? 'changed' : type === 'create' ? 'added' : 'removed'} ${path.relative(process.cwd(), file)}: reloading`, { timestamp: true });
      this.environment.hot.send({ type: 'full-reload', path: '*' });
      return [];
    },
  };
}

/**
 * Adds Vite's client (the reload websocket) as the first script in <head>. Not through
 * `transformIndexHtml`: that would prefix the base to URLs that already carry it.
 */
function withViteClient(html: string, base: string): string {
  const tag = `<script type="module" src="${base}@vite/client"></script>`;
  return html.includes('<head>') ? html.replace('<head>', `<head>${tag}`) : tag + html;
}

async function handle(server: ViteDevServer, site: DevSite, req: Connect.IncomingMessage, res: ServerResponse): Promise<void> {
  // Vite has removed the base from req.url already.
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  let sitePath: string;
  try {
    sitePath = decodeURIComponent(pathname).normalize('NFC');
  } catch {
    sitePath = pathname;
  }
  const r = await site.respond(sitePath);
  const base = server.config.base;
  switch (r.kind) {
    case 'redirect':
      res.writeHead(301, { location: r.location }).end();
      return;
    case 'file':
      res.writeHead(200, { 'content-type': contentType(r.file), 'cache-control': 'no-cache' });
      if (req.method === 'HEAD') res.end();
      else createReadStream(r.file).on('error', () => res.end()).pipe(res);
      return;
    case 'error': {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(withViteClient(errorPage(r), base));
      return;
    }
    case 'page': {
      const body = r.type.startsWith('text/html') ? withViteClient(String(r.body), base) : r.body;
      res.writeHead(r.status, { 'content-type': r.type, 'cache-control': 'no-cache' }).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
  }
}
