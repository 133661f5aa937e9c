import { PACKAGE_NAME } from '../paths.ts';

/**
 * The files `folio init` writes, by path: a site that builds and passes `folio check` as it is.
 * Site text is Simplified Chinese, like the interface.
 */
export function scaffoldFiles(options: { today: string; favicon: string }): Record<string, string> {
  return {
    'site.config.ts': SITE_CONFIG,
    'content/posts/hello-world.md': firstPost(options.today),
    'content/pages/about.md': ABOUT,
    'public/favicon.svg': options.favicon,
    '.github/workflows/pages.yml': PAGES_WORKFLOW,
  };
}

/** The npm scripts a site gets; `npm run new -- "标题"` passes the title on. */
export const SCRIPTS: Record<string, string> = {
  dev: 'folio dev',
  build: 'folio build',
  preview: 'folio preview',
  new: 'folio new',
  check: 'folio check',
};

const SITE_CONFIG = `import { defineConfig } from '${PACKAGE_NAME}';

// Every setting is described in the README of ${PACKAGE_NAME} ("Config reference").
export default defineConfig({
  title: '我的博客',
  description: '记录学习与工作的笔记。',
  // Where the site is published: feeds and link previews need absolute URLs. The GitHub Pages
  // workflow passes the real address with --url and --base, so this is for other hosts.
  url: 'https://example.com',
  base: '/',
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  author: { name: '我的名字' },
  perPage: 10,
  nav: [
    { title: '首页', path: '/' },
    { title: '分类', path: '/categories/' },
    { title: '标签', path: '/tags/' },
    { title: '归档', path: '/archives/' },
    { title: '搜索', path: '/search/' },
    { title: '关于', path: '/about/' },
  ],
});
`;

const firstPost = (today: string) => `---
title: 你好，世界
date: ${today}
tags: [随笔]
category: 站务
---

这是用 Folio 生成的第一篇文章。开头这一段是摘要，显示在首页的文章列表里。

<!-- more -->

## 写一篇新文章

运行 \`npm run new -- "文章标题"\`，Folio 会在 \`content/posts/\` 下创建一篇草稿；删掉其中的 \`draft: true\` 就会发布。写作时运行 \`npm run dev\`，保存后页面会自动刷新。

## 公式与代码

行内公式写成 $E = mc^2$，独立公式写成：

$$
\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
$$

代码块会在构建时高亮：

\`\`\`python
def greet(name: str) -> str:
    return f"你好，{name}"
\`\`\`

## 链接

指向站内其他文章时，直接链接到 Markdown 文件，例如[关于本站](../pages/about.md)；构建时会检查每一个链接。
`;

const ABOUT = `---
title: 关于
---

在这里介绍你自己和这个网站：写些什么、为谁而写、怎样联系你。

这个页面的源文件是 \`content/pages/about.md\`，它出现在导航栏的“关于”里（见 \`site.config.ts\` 中的 \`nav\`）。
`;

/** What a site's .gitignore needs: added to an existing one, line by line. */
export const GITIGNORE = ['node_modules/', 'dist/', '.cache/'];

const PAGES_WORKFLOW = `# Builds the site and publishes it to GitHub Pages on every push to main.
# In the repository settings, set Pages → Build and deployment → Source to "GitHub Actions".
name: Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

# One deployment at a time; a newer push waits instead of cancelling one half-way.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7

      - uses: actions/setup-node@v7
        with:
          node-version: 24
          cache: npm

      - run: npm ci

      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v6

      # Rendered posts are kept between runs; each entry is checked against its inputs, so an
      # older cache from restore-keys only saves work.
      - name: Restore the render cache
        uses: actions/cache@v6
        with:
          path: .cache/folio
          key: folio-\${{ runner.os }}-\${{ hashFiles('content/**', 'package-lock.json', 'site.config.ts') }}
          restore-keys: |
            folio-\${{ runner.os }}-

      # base_path is "" for a user or organisation site and "/repo" for a project site, so the
      # trailing slash gives "/" or "/repo/".
      - name: Build
        run: npx folio build --url "\${{ steps.pages.outputs.origin }}" --base "\${{ steps.pages.outputs.base_path }}/"

      - uses: actions/upload-pages-artifact@v5
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v5
`;
