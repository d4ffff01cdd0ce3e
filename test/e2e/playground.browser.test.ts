/**
 * The playground in a real browser: GraphiQL served by us loads with no request leaving the server,
 * opens the example operations as tabs, runs them against the seeded article, shows the schema's
 * documentation, and opens a result in the graph view. Also with introspection turned off.
 */
import type { Page } from 'playwright-core';
import { EXAMPLE_OPERATIONS } from '../../src/examples/examples';
import type { RunningServer } from '../../src/server';
import { type BrowserSession, openBrowser, seededBrowserForFile } from '../support/browser';
import { startTestServer } from '../support/server';

/** The page's `document`, in functions that run in the browser (the project's lib has no DOM). */
declare const document: any;

/** A seeded server and a browser for this file; nothing may leave the server (checked after each test). */
const env = seededBrowserForFile();

async function openPlayground(path = '/graphql'): Promise<Page> {
  const page = await env.session.newPage();
  const response = await page.goto(`${env.server.url}${path}`);
  expect(response?.status()).toBe(200);
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ state: 'visible' });
  return page;
}

function tabIndex(name: string): number {
  const index = EXAMPLE_OPERATIONS.findIndex((example) => example.name === name);
  if (index < 0) throw new Error(`no example ${name}`);
  return index;
}

/**
 * Opens an example's tab, runs it, and returns the result once the response pane shows it (the
 * pane may still hold the tab's previous result until then).
 */
async function runExample(page: Page, name: string): Promise<any> {
  await page.locator(`#graphiql-session-tab-${tabIndex(name)}`).click();
  // The editors take the tab's text a moment after the click; run only once they have it.
  await page.waitForFunction(
    (operation) =>
      (document.querySelector('.graphiql-query-editor .CodeMirror') as any)?.CodeMirror?.getValue().includes(operation),
    `query ${name}`,
  );
  // GraphiQL derives the operation name from the editor after a debounce; executing before it has
  // would send the new query under the previous tab's operation name (Apollo answers 400).
  await page.waitForTimeout(800);
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') &&
        r.request().method() === 'POST' &&
        r.request().postDataJSON()?.operationName === name,
    ),
    page.locator('.graphiql-execute-button').click(),
  ]);
  const result = await response.json();
  await page.waitForFunction((expected) => {
    const value: string =
      (document.querySelector('.graphiql-response .CodeMirror') as any)?.CodeMirror?.getValue() ?? '';
    try {
      return JSON.stringify(JSON.parse(value)) === expected;
    } catch {
      return false;
    }
  }, JSON.stringify(result));
  return result;
}

describe('the playground', () => {
  it('loads GraphiQL from our own server at GET /graphql, with the example operations as tabs', async () => {
    const page = await openPlayground('/graphql');
    expect(await page.title()).toContain('diplograph');
    const titles = await page.locator('.graphiql-session-header [id^="graphiql-session-tab-"]').allTextContents();
    expect(titles).toEqual(EXAMPLE_OPERATIONS.map((example) => example.name));
    // The first tab holds the first example, its description as a comment above it.
    const query = await page.evaluate(
      () => (document.querySelector('.graphiql-query-editor .CodeMirror') as any).CodeMirror.getValue() as string,
    );
    const comments = query
      .split('\n')
      .filter((line) => line.startsWith('# '))
      .map((line) => line.slice(2));
    expect(comments.join(' ')).toBe(EXAMPLE_OPERATIONS[0]!.description);
    expect(query).toContain(EXAMPLE_OPERATIONS[0]!.query);
    expect(await page.locator('header a[href="/graph"]').textContent()).toBe('Graph view');
    await page.close();
  });

  it('is also at GET /', async () => {
    const page = await openPlayground('/');
    await page.close();
  });

  it('runs the About example and shows Neo4j 5.26 in the result pane', async () => {
    const page = await openPlayground();
    const result = await runExample(page, 'About');
    expect(result).toMatchObject({ data: { about: { neo4jVersion: expect.stringMatching(/^5\.26\./) } } });
    expect(result.errors).toBeUndefined();
    expect(result.data.about.nodeCount).toBeGreaterThan(0);
    expect(await page.locator('.graphiql-response').textContent()).toContain('"neo4jVersion": "5.26.');
    await env.session.screenshot(page, 'playground-about');
    await page.close();
  });

  it('opens the documentation explorer on the schema', async () => {
    const page = await openPlayground();
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.waitFor({ state: 'visible' });
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('whoMetWhom', { exact: true }).first().waitFor({ state: 'visible' });
    expect(await docs.textContent()).toContain('actors');
    await env.session.screenshot(page, 'playground-docs');
    await page.close();
  });

  it('opens the first id of a result in the graph view', async () => {
    const page = await openPlayground();
    const result = await runExample(page, 'SearchActors');
    const first = result.data.actors.edges[0].node;
    expect(first.id).toBe('country:TUR');
    const [popup] = await Promise.all([
      env.session.context.waitForEvent('page'),
      page.locator('.dg-open-graph').click(),
    ]);
    await popup.waitForURL(/\/graph\?/);
    expect(new URL(popup.url()).searchParams.getAll('seed')).toEqual([first.id]);
    await popup.waitForFunction(() => /nodes/.test(document.getElementById('dg-status')?.textContent ?? ''));
    await popup.close();
    await page.close();
  });
});

describe('the playground with introspection turned off', () => {
  let closed: RunningServer;
  let closedSession: BrowserSession;
  beforeAll(async () => {
    closed = await startTestServer({ GRAPHQL_INTROSPECTION: 'false' });
    closedSession = await openBrowser(closed.url);
  });
  afterAll(async () => {
    await closedSession?.close();
    await closed?.stop();
  });

  it('still loads, says why there are no docs, and runs queries', async () => {
    const page = await closedSession.newPage();
    await page.goto(`${closed.url}/graphql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ state: 'visible' });
    expect(await page.locator('.dg-notice').textContent()).toContain('GRAPHQL_INTROSPECTION=false');
    const result = await runExample(page, 'About');
    expect(result).toMatchObject({ data: { about: { neo4jVersion: expect.stringMatching(/^5\.26\./) } } });
    await closedSession.screenshot(page, 'playground-no-introspection');
    await page.close();
    expect(closedSession.blocked).toEqual([]);
    expect(closedSession.problems).toEqual([]);
  });
});

describe('GET /graphql for clients that are not browsers', () => {
  it('still reaches Apollo, whose CSRF prevention refuses a simple GET', async () => {
    const res = await fetch(`${env.server.url}/graphql?query=${encodeURIComponent('{ about { version } }')}`, {
      headers: { accept: 'text/html' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const plain = await fetch(`${env.server.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(plain.headers.get('content-type')).toContain('application/json');
  });

  it('serves the page with a CSP that keeps it on this server', async () => {
    const res = await fetch(`${env.server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('vary')).toContain('Accept');
  });
});
