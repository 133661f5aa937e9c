import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/dev/static-server.ts';
import { payloads, xssSite } from '../fixtures/xss.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { folio, listFiles, makeProject, removeProject } from '../helpers/fixture.ts';

/**
 * The injection corpus in a real browser. Served without a CSP, any payload that survived would
 * run: a trap replaces alert/confirm/prompt before any script of the page, every element gets
 * the events that fire handlers, and nothing may reach the trap or open a dialog. Served again
 * with a strict CSP (script-src 'self', no inline script or handlers), the site must work without
 * a single violation.
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  'img-src * data:',
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const TRAP = () => {
  const w = window as unknown as { __xss: string[]; __csp: string[] };
  w.__xss = [];
  w.__csp = [];
  const trap = (...args: unknown[]) => {
    w.__xss.push(args.map(String).join(' '));
    return '';
  };
  Object.assign(window, { alert: trap, confirm: trap, prompt: trap, print: trap });
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
};

/** Fires every event a handler attribute in the corpus listens to, on every element. */
const POKE = () => {
  const events = ['mouseover', 'mouseenter', 'focus', 'blur', 'click', 'toggle', 'error', 'load', 'animationstart', 'pointerover', 'input', 'change'];
  for (const el of document.querySelectorAll('body *')) {
    // A click on a link would navigate away; its href is checked instead.
    for (const type of events) if (!(type === 'click' && el.closest('a, button, summary, input'))) el.dispatchEvent(new Event(type));
  }
  const hrefs = [...document.querySelectorAll<HTMLElement>('[href], [src], [action], [formaction]')].flatMap((e) =>
    ['href', 'src', 'action', 'formaction'].map((a) => e.getAttribute(a) ?? '').filter((v) => /^\s*(javascript|vbscript|data:text\/html)/i.test(v.replace(/[\u0000-\u001f]/g, ''))),
  );
  const handlers = [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`));
  return { hrefs, handlers, frames: document.querySelectorAll('iframe, frame, object, embed').length };
};

let dir: string;
let out: string;
let pages: string[];
let browser: TestBrowser;

beforeAll(async () => {
  dir = makeProject(xssSite());
  out = path.join(dir, 'out');
  const r = folio(dir, 'build', '--out', 'out', '--quiet');
  expect(r.code, r.stderr).toBe(0);
  pages = listFiles(out)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/index\.html$/, ''));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  removeProject(dir);
});

async function visitAll(server: RunningServer, context: BrowserContext, onPage: (page: Page, sitePath: string) => Promise<void>) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`${page.url()}: dialog ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  for (const sitePath of pages) {
    await page.goto(new URL(sitePath, server.url).href, { waitUntil: 'load' });
    await onPage(page, sitePath);
  }
  await page.close();
  return problems;
}

describe(`the ${payloads.length}-payload site in Chromium`, () => {
  it('without a CSP to hide behind, no payload runs, on any page', async () => {
    const server = await startStaticServer({ dir: out, base: '/' });
    const context = await browser.context();
    await context.addInitScript(TRAP);
    try {
      const found: string[] = [];
      const problems = await visitAll(server, context, async (page, sitePath) => {
        const poked = await page.evaluate(POKE);
        await page.waitForTimeout(20);
        const trapped = await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss);
        for (const t of trapped) found.push(`${sitePath}: alert(${t})`);
        for (const h of [...poked.hrefs, ...poked.handlers]) found.push(`${sitePath}: ${h}`);
        if (poked.frames > 0 || page.frames().length > 1) found.push(`${sitePath}: ${poked.frames} frames`);
      });
      expect(pages.length).toBeGreaterThan(payloads.length);
      expect([...found, ...problems]).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('search results for the payload words run nothing either', async () => {
    const server = await startStaticServer({ dir: out, base: '/' });
    const context = await browser.context();
    await context.addInitScript(TRAP);
    const page = await context.newPage();
    try {
      for (const q of ['alert', 'script', 'onerror', 'javascript']) {
        await page.goto(new URL(`search/?q=${q}`, server.url).href, { waitUntil: 'load' });
        await page.waitForSelector('.search-result', { timeout: 15_000 });
        expect(await page.locator('.search-result').count(), q).toBeGreaterThan(0);
        const poked = await page.evaluate(POKE);
        expect([...poked.hrefs, ...poked.handlers], q).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss), q).toEqual([]);
      }
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('feed entries rendered as HTML, as a feed reader without a sanitizer would, run nothing', async () => {
    const server = await startStaticServer({ dir: out, base: '/' });
    const context = await browser.context();
    await context.addInitScript(TRAP);
    const page = await context.newPage();
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      // Chromium's XML parser (libxml2) is strict: any well-formedness error is a <parsererror>.
      const feeds = await page.evaluate(async () => {
        const parse = async (url: string) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        const rss = await parse('feed.xml');
        const atom = await parse('atom.xml');
        const json = (await (await fetch('feed.json')).json()) as { items: { content_html: string }[] };
        const errors = [rss, atom].map((d) => d.querySelector('parsererror')?.textContent ?? '').filter(Boolean);
        const ns = 'http://purl.org/rss/1.0/modules/content/';
        const entries = [
          ...[...rss.getElementsByTagName('item')].flatMap((i) => [i.getElementsByTagNameNS(ns, 'encoded')[0]?.textContent ?? '', i.querySelector('title')?.textContent ?? '', i.querySelector('description')?.textContent ?? '']),
          ...[...atom.getElementsByTagName('entry')].map((e) => e.querySelector('content')?.textContent ?? ''),
          ...json.items.map((i) => i.content_html),
        ];
        return { errors, entries };
      });
      expect(feeds.errors).toEqual([]);
      expect(feeds.entries.length).toBeGreaterThanOrEqual(payloads.length * 5);
      const found: string[] = [];
      for (const [i, html] of feeds.entries.entries()) {
        await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`, { waitUntil: 'load' });
        const poked = await page.evaluate(POKE);
        await page.waitForTimeout(5);
        for (const t of await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)) found.push(`entry ${i}: alert(${t})`);
        for (const h of [...poked.hrefs, ...poked.handlers]) found.push(`entry ${i}: ${h}`);
      }
      expect(found).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  it('under a strict CSP (script-src self, no inline script or handlers) every page works without a violation', async () => {
    const server = await startStaticServer({ dir: out, base: '/', headers: { 'content-security-policy': STRICT_CSP } });
    const context = await browser.context();
    await context.addInitScript(TRAP);
    try {
      const violations: string[] = [];
      const problems = await visitAll(server, context, async (page, sitePath) => {
        const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        for (const v of csp) violations.push(`${sitePath}: ${v}`);
        // Our own scripts ran: the theme toggle is shown only by main.ts.
        if (sitePath === '') expect(await page.locator('.theme-toggle').isVisible()).toBe(true);
      });
      expect([...violations, ...problems]).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
