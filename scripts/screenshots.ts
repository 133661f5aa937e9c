// Screenshots of the built site for the README: the home page, a post with math and a diagram
// (MAE) and search results, on a 390×844 phone and a 1280×800 desktop, light and dark. Run by
// hand when the look changes; the PNGs under docs/screenshots/ are committed. Needs a CJK font:
// `apt-get install -y fonts-noto-cjk`.
//
//   npx tsx scripts/screenshots.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startStaticServer } from '../src/dev/static-server.ts';
import { PACKAGE_ROOT } from '../src/paths.ts';

const OUT = path.join(PACKAGE_ROOT, 'docs/screenshots');
const work = mkdtempSync(path.join(tmpdir(), 'folio-screenshots-'));
const dist = path.join(work, 'dist');

const built = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin/folio.js'), 'build', '--out', dist, '--quiet'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('folio build failed');

interface Shot {
  name: string;
  path: string;
  /** Scrolls the page to what the picture should show, at each size. */
  frame?: (page: Page, size: Size) => Promise<void>;
}

interface Size {
  name: 'phone' | 'desktop';
  width: number;
  height: number;
}

const sizes: Size[] = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];

const shots: Shot[] = [
  { name: 'home', path: '' },
  {
    name: 'post',
    path: 'posts/mae/',
    // On a phone, the top of the post (header, title, folded contents, first paragraph); on a
    // desktop, the architecture diagram with the formulas of the section after it.
    frame: async (page, size) => {
      if (size.name === 'phone') return;
      await page.locator('.post-body figure').first().evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 24));
    },
  },
  {
    name: 'search',
    path: `search/?q=${encodeURIComponent('掩码')}`,
    frame: async (page) => {
      await page.waitForSelector('#search-results[data-state="done"]');
    },
  },
];

const server = await startStaticServer({ dir: dist, base: '/' });
const browser = await chromium.launch({
  executablePath: process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const size of sizes) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1, colorScheme });
      const page = await context.newPage();
      for (const shot of shots) {
        await page.goto(new URL(shot.path, server.url).href, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        await shot.frame?.(page, size);
        const file = path.join(OUT, `${shot.name}-${size.name}-${colorScheme}.png`);
        writeFileSync(file, await page.screenshot({ type: 'png' }));
        console.log(`${path.relative(process.cwd(), file)} ${Math.round(statSync(file).size / 1024)} KB`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
