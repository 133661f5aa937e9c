// The package's second entry, `folio-ssg/templates`: what the built-in templates use from other
// modules, for a site's own templates (`folio eject` writes files that import from here, from
// 'folio-ssg' for types and from 'hastscript'). Each is the built-in itself.
export { clientStrings, searchStrings } from '../config/strings.ts';
export { layout } from '../../templates/layout.ts';
export { optional } from '../../templates/home.ts';
export { pagination, postList, postMeta, postSummary, raw, termLinks, time } from '../../templates/partials.ts';
export { termDescription, termTitle } from '../../templates/terms.ts';
export { backlinksSection, postAsides, relatedSection, seriesBox } from '../../templates/knowledge.ts';
export { isoDateTime, isoDay } from '../content/dates.ts';
export { byDateDesc } from '../site/collect.ts';

