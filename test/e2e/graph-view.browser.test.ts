/**
 * The graph view in a real browser, over the seeded article: it draws the subgraph around a seed
 * from GET /export with no request leaving the server, shows a node's properties and quotes on
 * click, adds neighbours on double-click, finds a seed by search, and links every download.
 */
import type { Page } from 'playwright-core';
import { NodeKind } from '../../src/model/vocabulary';
import { seededBrowserForFile } from '../support/browser';

const TALKS = 'meeting:2025-05-16-istanbul-talks';
const FIDAN = 'person:hakan-fidan';

/** The page's `document`, in functions that run in the browser (the project's lib has no DOM). */
declare const document: any;

/** A seeded server and a browser for this file; nothing may leave the server (checked after each test). */
const env = seededBrowserForFile();

/** Opens /graph with these query parameters and waits until the page has drawn or reported. */
async function openGraph(query = ''): Promise<Page> {
  const page = await env.session.newPage();
  const response = await page.goto(`${env.server.url}/graph${query}`);
  expect(response?.status()).toBe(200);
  await page.waitForFunction(() => {
    const status = document.getElementById('dg-status')?.textContent ?? '';
    return !status.startsWith('Loading');
  });
  return page;
}

/** Evaluates in the page with the Cytoscape instance. */
function graph<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(cy => ${fn})(window.diplographGraph)`) as Promise<T>;
}

/** Where a node is drawn, in page coordinates. */
async function positionOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#dg-graph').boundingBox())!;
  const at = await graph<{ x: number; y: number }>(page, `cy.getElementById(${JSON.stringify(id)}).renderedPosition()`);
  return { x: box.x + at.x, y: box.y + at.y };
}

describe('the graph view', () => {
  it('loads with no seed: a legend of every kind and a prompt to search', async () => {
    const page = await openGraph();
    const kinds = await page.locator('#dg-legend li[data-kind]').allTextContents();
    expect(kinds).toEqual(Object.values(NodeKind));
    expect(await page.locator('#dg-empty').isVisible()).toBe(true);
    expect(await graph<number>(page, 'cy.elements().length')).toBe(0);
    await env.session.screenshot(page, 'graph-view-empty');
    await page.close();
  });

  it('draws the subgraph around a seed, meetings with their date, edges with type and role', async () => {
    const page = await openGraph(`?seed=${encodeURIComponent(TALKS)}&depth=1`);
    expect(await page.locator('#dg-empty').isVisible()).toBe(false);
    const nodes = await graph<{ id: string; kind: string; display: string }[]>(
      page,
      'cy.nodes().map(n => ({ id: n.id(), kind: n.data("kind"), display: n.data("display") }))',
    );
    expect(nodes.length).toBeGreaterThan(5);
    expect(nodes.find((n) => n.id === TALKS)?.display).toContain('2025-05-16');
    expect(nodes.map((n) => n.id)).toContain(FIDAN);
    expect(await graph<boolean>(page, `cy.getElementById(${JSON.stringify(TALKS)}).hasClass('seed')`)).toBe(true);
    const labels = await graph<string[]>(page, 'cy.edges().map(e => e.data("display"))');
    expect(labels).toContain('PARTICIPATED_IN (CHAIR)');
    expect(await page.locator('#dg-status').textContent()).toMatch(/^\d+ nodes, \d+ edges/);
    await env.session.screenshot(page, 'graph-view-talks');
    await page.close();
  });

  it('shows a node’s properties and the quotes behind it on click', async () => {
    const page = await openGraph(`?seed=${encodeURIComponent(TALKS)}&depth=1`);
    const at = await positionOf(page, TALKS);
    await page.mouse.click(at.x, at.y);
    const details = page.locator('#dg-details');
    await details.locator('h2').waitFor();
    expect(await details.locator('h2').textContent()).toBe('Russia–Ukraine direct talks in Istanbul');
    expect(await details.locator('.dg-properties').textContent()).toContain('HELD');
    const quotes = await details.locator('blockquote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    const sourceText = await (
      await fetch(`${env.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ meeting(id: "${TALKS}") { evidence { source { text } } } }` }),
      })
    ).json();
    const text: string = (sourceText as any).data.meeting.evidence[0].source.text;
    for (const quote of quotes) expect(text).toContain(quote);
    await env.session.screenshot(page, 'graph-view-details');
    await page.close();
  });

  it('adds a node’s neighbours on double-click', async () => {
    const page = await openGraph(`?seed=${encodeURIComponent(TALKS)}&depth=1`);
    const neighbours = `cy.getElementById(${JSON.stringify(FIDAN)}).neighborhood('node').length`;
    const before = await graph<number>(page, neighbours);
    const at = await positionOf(page, FIDAN);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction(() => /added from/.test(document.getElementById('dg-status')?.textContent ?? ''));
    expect(await graph<number>(page, neighbours)).toBeGreaterThan(before);
    await env.session.screenshot(page, 'graph-view-expanded');
    await page.close();
  });

  it('finds a seed by search, accents ignored, and draws it', async () => {
    const page = await openGraph();
    await page.locator('#dg-search-input').fill('turkiye');
    const result = page.locator('.dg-search-result').first();
    await result.waitFor();
    expect(await result.textContent()).toContain('Türkiye');
    await env.session.screenshot(page, 'graph-view-search');
    await result.click();
    await page.waitForFunction(() => /nodes/.test(document.getElementById('dg-status')?.textContent ?? ''));
    expect(new URL(page.url()).searchParams.getAll('seed')).toEqual(['country:TUR']);
    expect(await graph<boolean>(page, `cy.getElementById('country:TUR').nonempty()`)).toBe(true);
    await page.close();
  });

  it('links the same subgraph in every export format, and the links download', async () => {
    const page = await openGraph(`?seed=${encodeURIComponent(TALKS)}&depth=2`);
    const links = await page.locator('#dg-downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const formats = links.map((href) => {
      const params = new URL(href, env.server.url).searchParams;
      expect(params.getAll('seed')).toEqual([TALKS]);
      expect(params.get('depth')).toBe('2');
      return [params.get('format'), params.get('table')].filter(Boolean).join(':');
    });
    expect(formats).toEqual(['JSON', 'GRAPHML', 'GEXF', 'CYTOSCAPE', 'CSV:nodes', 'CSV:edges', 'CYPHER']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#dg-downloads a[data-format="GRAPHML"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.graphml$/);
    expect(await download.failure()).toBeNull();
    await page.close();
  });

  it('says so when a seed does not exist', async () => {
    const page = await openGraph('?seed=person%3Anobody');
    expect(await page.locator('#dg-status').textContent()).toContain('No node has the id "person:nobody"');
    await page.close();
    // The page's own 404 from /export, expected here, is the only problem.
    const problems = env.session.problems.splice(0);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/404/);
  });
});
