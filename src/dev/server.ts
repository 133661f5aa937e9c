export interface DevServerOptions {
  port?: number;
  strictPort?: boolean;
  host?: string;
  root?: string;
}

/** Placeholder until the Vite dev server lands: builds once and serves the result. */
export async function startDevServer(options: DevServerOptions): Promise<void> {
  const { build } = await import('../build.ts');
  const { startStaticServer } = await import('./static-server.ts');
  const result = await build({ ...(options.root ? { root: options.root } : {}), outDir: '.cache/folio/dev-dist', search: false });
  if (!result.ok) process.stderr.write('build failed\n');
  const server = await startStaticServer({ dir: result.outDir, base: result.config.base, port: options.port ?? 5173, host: options.host ?? '127.0.0.1' });
  process.stdout.write(`dev server at ${server.url}\n`);
}
