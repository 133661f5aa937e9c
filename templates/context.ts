// What every template receives: the types are the package's public ones (a template ejected into
// a site imports them from 'folio-ssg'); the context itself is made by src/plugins/context.ts.
export type { AssetManifest, PageMeta, RenderContext } from '../src/config/types.ts';
