// Draws the site's default share image (Open Graph / Twitter card), 1200×630, into
// public/og-image.png with Debian's Chromium. Run by hand when the site title or description
// changes; the PNG is committed. Needs a CJK font: `apt-get install -y fonts-noto-cjk`.
//
//   npx tsx scripts/og-image.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { loadUserConfig, resolveConfig } from '../src/config.ts';
import { PACKAGE_ROOT } from '../src/paths.ts';

const config = resolveConfig(await loadUserConfig(PACKAGE_ROOT));
const css = `
  html, body { margin: 0; width: 1200px; height: 630px; }
  body {
    box-sizing: border-box; padding: 88px 96px; display: flex; flex-direction: column; justify-content: space-between;
    background: #0b5cad; color: #fff;
    font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif;
  }
  h1 { margin: 0; font-size: 96px; font-weight: 700; letter-spacing: 0.04em; }
  p { margin: 28px 0 0; font-size: 40px; line-height: 1.5; color: #ddf4ff; text-wrap: balance; }
  footer { display: flex; align-items: center; gap: 20px; font-size: 30px; color: #ddf4ff; }
  .mark { width: 56px; height: 56px; border-radius: 12px; background: #fff; color: #0b5cad; display: grid; place-items: center; font: 700 34px system-ui, sans-serif; }
`;
const html = `<!doctype html>${toHtml(
  h('html', { lang: config.language }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('style', css)]),
    h('body', [h('div', [h('h1', config.title), h('p', config.description)]), h('footer', [h('span', { className: ['mark'] }, 'F'), 'Folio'])]),
  ]),
)}`;

const browser = await chromium.launch({
  executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(PACKAGE_ROOT, 'public/og-image.png');
  writeFileSync(file, await page.screenshot({ type: 'png' }));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await browser.close();
}
