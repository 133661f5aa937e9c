import { defineConfig } from 'folio-ssg';

export default defineConfig({
  title: '机器学习笔记',
  description: '自监督学习、目标检测与深度学习框架的中文技术笔记。',
  url: 'https://example.org',
  base: '/',
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  author: { name: 'Folio 编辑部' },
  perPage: 12,
  // Shown by link previews; redraw with `npx tsx scripts/og-image.ts` when the title changes.
  image: { path: '/og-image.png', alt: '机器学习笔记：自监督学习、目标检测与深度学习框架的中文技术笔记', width: 1200, height: 630 },
  nav: [
    { title: '首页', path: '/' },
    { title: '分类', path: '/categories/' },
    { title: '标签', path: '/tags/' },
    { title: '归档', path: '/archives/' },
    { title: '搜索', path: '/search/' },
    { title: '关于', path: '/about/' },
  ],
});
