/**
 * A real browser for end-to-end tests: the system's Chromium (Debian's `chromium`) driven by
 * playwright-core. Every request to another origin than the server under test is blocked and
 * recorded, so a test can prove a page works offline (no CDN, no web fonts); console errors,
 * uncaught exceptions and failed same-origin requests are collected too. Screenshots go to
 * test/artifacts/ (git-ignored) for people to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/server';
import { startSeededServer } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  /** URLs of requests to other origins, each blocked before it left the browser. */
  blocked: string[];
  /** Console errors, uncaught exceptions, failed or 4xx/5xx same-origin requests, in order. */
  problems: string[];
  /** A new tab whose problems are recorded. */
  newPage(): Promise<Page>;
  /** Writes test/artifacts/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Launches Chromium for pages of the server at `origin` (e.g. http://127.0.0.1:41234). */
export async function openBrowser(origin: string): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH`);
  }
  const allowed = new URL(origin).origin;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  const blocked: string[] = [];
  const problems: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === allowed) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });

  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).origin === allowed) {
        problems.push(`request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
      }
    });
    page.on('response', (response) => {
      if (new URL(response.url()).origin === allowed && response.status() >= 400) {
        problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
  };
  // Pages the app opens itself (window.open) are watched as well.
  context.on('page', watch);

  return {
    browser,
    context,
    blocked,
    problems,
    newPage: () => context.newPage(),
    async screenshot(page, name) {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close: () => browser.close(),
  };
}

/**
 * For a test file: a server seeded with the article and a browser on it (opened once), and after
 * every test the check that no request left the server and nothing went wrong in the page.
 */
export function seededBrowserForFile(): { readonly server: RunningServer; readonly session: BrowserSession } {
  const env = {} as { server: RunningServer; session: BrowserSession };
  beforeAll(async () => {
    env.server = await startSeededServer();
    env.session = await openBrowser(env.server.url);
  });
  afterAll(async () => {
    await env.session?.close();
    await env.server?.stop();
  });
  afterEach(() => {
    expect(env.session.blocked.splice(0)).toEqual([]);
    expect(env.session.problems.splice(0)).toEqual([]);
  });
  return env;
}
