import type { Element } from 'hast';
import type { FolioPlugin, RenderContext, RouteEnv, RouteFile, RoutePage, SiteConfig } from '../config/types.ts';
import { ConfigError } from '../config.ts';
import type { Post, Site } from '../site/model.ts';
import { outputFile } from '../site/urls.ts';
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
/** `configFile`: the config as shown in messages, where a site plugin's mistakes are reported. */
export function routeFiles(site: Site, publicFiles: readonly string[], configFile = 'site.config.ts'): RouteFile[] {
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
  const owners = new Map<string, string>();
  plugins.forEach((plugin, i) => {
    const own = i >= BUILT_IN_PLUGINS.length;
    let routes: Iterable<RouteFile>;
    try {
      routes = plugin.routes?.(site, env) ?? [];
      for (const file of routes) {
        const at = outputFile(file.path);
        const owner = owners.get(at);
        if (own && owner !== undefined && !('render' in file && file.fallback)) {
          throw new Error(`${file.path} is a page of the "${owner}" plugin already; give it a path of its own`);
        }
        if (!('render' in file && file.fallback)) owners.set(at, plugin.name);
        files.push(own && 'render' in file ? named(file, (error) => fail(error, `${file.path}: `)) : file);
        if ('render' in file && file.sitemap) listed.push(file.path);
      }
    } catch (error) {
      if (!own) throw error;
      fail(error, '');
    }
    /** A site's plugin is the site's code: its mistake is named, as a config mistake is. */
    function fail(error: unknown, where: string): never {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError([{ file: configFile, message: `plugins[${i - BUILT_IN_PLUGINS.length}] "${plugin.name}": ${where}${error instanceof Error ? error.message : String(error)}` }]);
    }
  });
  return files;
}

/** The page with its `data` and `render` failing through `fail`. */
function named(page: RoutePage, fail: (error: unknown) => never): RoutePage {
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return fn(...args);
      } catch (error) {
        return fail(error);
      }
    };
  return { ...page, data: guard(page.data), render: guard(page.render) };
}
