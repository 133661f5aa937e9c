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
  descriptions: {
    categories: {
      自监督学习: '不靠人工标注、从数据自身构造监督信号的预训练方法：对比学习、掩码建模及其来龙去脉。',
      目标检测: '在图像中找出物体并框出位置的方法，以及让卷积适应物体形变的结构。',
      Python: '用 PyTorch 与 TensorFlow 写训练代码时的工程细节：自动求导、分布式训练、模型导出。',
    },
  },
  // The browser's own colours around the page (tab bar, status bar) follow the site's background.
  head: [
    { tag: 'meta', attrs: { name: 'theme-color', content: '#ffffff', media: '(prefers-color-scheme: light)' } },
    { tag: 'meta', attrs: { name: 'theme-color', content: '#0d1117', media: '(prefers-color-scheme: dark)' } },
  ],
  // Above the generated line (author, feeds): how to correct a post.
  footer: [['文章有误或代码跑不通？欢迎', { text: '提 issue 或提交修改', href: '/about/' }, '。']],
  nav: [
    { title: '首页', path: '/' },
    { title: '分类', path: '/categories/' },
    { title: '标签', path: '/tags/' },
    { title: '归档', path: '/archives/' },
    { title: '搜索', path: '/search/' },
    { title: '关于', path: '/about/' },
  ],
});
