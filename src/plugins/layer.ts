import type { Element } from 'hast';
import type { FolioPlugin, RenderContext, RouteEnv, RouteFile, SiteConfig } from '../config/types.ts';
import type { Post, Site } from '../site/model.ts';
import { BUILT_IN_PLUGINS, type BuiltInPlugin } from './built-ins.ts';

/** What the built-in routes are told besides the public `RouteEnv`. */
export interface LayerEnv extends RouteEnv {
  /** Every plugin's sections after a post: their data (keys the post page) and their markup. */
  asides: { data(post: Post): unknown[]; render(ctx: RenderContext, data: unknown[]): Element[] };
  /** Site paths of the pages other routes list in the sitemap; complete once every route is listed. */
  sitemap(): readonly string[];
}

/** The site's plugins after the built-in ones: the order their files are listed in. */
export function sitePlugins(config: SiteConfig): readonly BuiltInPlugin[] {
  // A site's plugin sees the read-only view of the site, which the whole value satisfies.
  return [...BUILT_IN_PLUGINS, ...((config.plugins ?? []) as readonly FolioPlugin[] as readonly BuiltInPlugin[])];
}

/** Every route's files, in plugin order, with the environment they were listed in. */
export function routeFiles(site: Site, publicFiles: readonly string[]): RouteFile[] {
  const plugins = sitePlugins(site.config);
  const withAsides = plugins.filter((p) => p.postAsides);
  const listed: string[] = [];
  const env: LayerEnv = {
    publicFiles,
    asides: {
      data: (post) => withAsides.map((p) => p.postAsides!.data(site, post)),
      render: (ctx, data) => withAsides.flatMap((p, i) => p.postAsides!.render(ctx, data[i])),
    },
    sitemap: () => listed,
  };
  const files: RouteFile[] = [];
  for (const plugin of plugins) {
    for (const file of plugin.routes?.(site, env) ?? []) {
      files.push(file);
      if ('render' in file && file.sitemap) listed.push(file.path);
    }
  }
  return files;
}
