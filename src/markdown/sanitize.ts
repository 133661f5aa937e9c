import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * Raw HTML in posts is sanitised, not refused: technical posts need a few tags that Markdown
 * lacks. The allow-list is GitHub's (what README authors already know) plus width/height on
 * images; everything else (script, style, iframe, object, embed, form, base, meta, every on*
 * handler, javascript:/data: URLs, style attributes) is removed.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids are not prefixed: remark-rehype already prefixes footnote ids, and prefixing again
  // breaks their links. Our scripts never look elements up through named globals.
  clobber: [],
  // Removed with their content: the text of a script or a style sheet is not prose.
  strip: ['script', 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    // `name` on an img (or form) would shadow document properties our scripts call, such as
    // document.getElementById (DOM clobbering); only link anchors keep it.
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'name'),
    a: [...(defaultSchema.attributes?.a ?? []), 'name'],
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    img: [...(defaultSchema.attributes?.img ?? []), 'width', 'height', 'loading'],
    abbr: ['title'],
    // GitHub alerts (remarkAlerts); in raw HTML these classes only style a box.
    div: [['className', 'markdown-alert', /^markdown-alert-(note|tip|important|warning|caution)$/]],
    p: [['className', 'markdown-alert-title']],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
};
