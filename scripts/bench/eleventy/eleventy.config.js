// The Eleventy baseline of `npm run bench`: the same corpus built by Eleventy 3 with
// markdown-it, @mdit/plugin-katex and the Prism syntax-highlight plugin, into post pages,
// one page per tag and an index. Layouts are virtual templates, so the corpus folder holds
// nothing but the posts.
//
//   FOLIO_BENCH_INPUT=<content dir> npx @11ty/eleventy --config=eleventy.config.js --output=<out>
import syntaxHighlight from '@11ty/eleventy-plugin-syntaxhighlight';
import { katex } from '@mdit/plugin-katex';
import markdownIt from 'markdown-it';

const input = process.env.FOLIO_BENCH_INPUT;
if (!input) throw new Error('FOLIO_BENCH_INPUT must name the corpus content folder');

const page = (title, body) => `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/katex.min.css"><link rel="stylesheet" href="/prism.css"></head>
<body><main>${body}</main></body>
</html>
`;

export default function (eleventyConfig) {
  eleventyConfig.setLibrary('md', markdownIt({ html: true, linkify: true }).use(katex));
  eleventyConfig.addPlugin(syntaxHighlight);
  eleventyConfig.addGlobalData('layout', 'post.njk');
  eleventyConfig.addTemplate(
    '_includes/post.njk',
    page('{{ title }}', '<article><h1>{{ title }}</h1><p><time>{{ page.date.toISOString().slice(0, 10) }}</time> · {{ category }}</p>{{ content | safe }}<p>{% for tag in tags %}<a href="/tags/{{ tag }}/">{{ tag }}</a> {% endfor %}</p></article>'),
  );
  eleventyConfig.addTemplate(
    'index.njk',
    page('Index', '<h1>Index</h1><ul>{% for post in collections.all | reverse %}{% if post.data.title %}<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date.toISOString().slice(0, 10) }}</time></li>{% endif %}{% endfor %}</ul>'),
    { layout: false, eleventyExcludeFromCollections: true },
  );
  eleventyConfig.addTemplate(
    'tags.njk',
    page('{{ tag }}', '<h1>{{ tag }}</h1><ul>{% for post in collections[tag] | reverse %}<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>{% endfor %}</ul>'),
    {
      layout: false,
      eleventyExcludeFromCollections: true,
      pagination: { data: 'collections', size: 1, alias: 'tag', filter: ['all'] },
      permalink: '/tags/{{ tag }}/',
    },
  );
  return {
    dir: { input, output: '_site' },
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
