/**
 * GET /graph?seed=ID[&seed=ID…]&depth=N: the graph view, a page that draws the subgraph around
 * seeds with Cytoscape.js (served from its installed package) from GET /export's CYTOSCAPE
 * format, finds seeds through GraphQL `actors(search)`, and links the same subgraph's downloads.
 * The page is static; its script (static/graph-view.js) does the fetching.
 */
import { type Request, type Response, Router } from 'express';
import { ExportFormat } from '../export/format';
import { NodeKind } from '../model/vocabulary';
import { assetRoutes, escapeHtml, jsonForScript, ownAsset, pageHeaders, vendorAsset } from './assets';

export interface GraphViewOptions {
  /** MAX_SUBGRAPH_DEPTH: the deepest the depth picker offers. */
  maxDepth: number;
}

/** Each download the page links, in the order shown; CSV is one table per file. */
const DOWNLOADS: { label: string; format: ExportFormat; table?: 'nodes' | 'edges'; title: string }[] = [
  { label: 'JSON', format: ExportFormat.JSON, title: 'Our JSON, with every property and its evidence' },
  { label: 'GraphML', format: ExportFormat.GRAPHML, title: 'Cytoscape desktop, yEd, networkx' },
  { label: 'GEXF', format: ExportFormat.GEXF, title: 'Gephi, with meetings on its timeline' },
  { label: 'Cytoscape.js', format: ExportFormat.CYTOSCAPE, title: 'Cytoscape.js elements JSON (.cyjs)' },
  { label: 'CSV nodes', format: ExportFormat.CSV, table: 'nodes', title: 'Spreadsheets: one row per node' },
  { label: 'CSV edges', format: ExportFormat.CSV, table: 'edges', title: 'Spreadsheets: one row per edge' },
  { label: 'Cypher', format: ExportFormat.CYPHER, title: 'A script that rebuilds the subgraph in another Neo4j' },
];

const assets = () => ({
  cytoscape: vendorAsset('cytoscape', 'dist/cytoscape.min.js'),
  script: ownAsset('graph-view.js'),
  css: ownAsset('graph-view.css'),
});
type Assets = ReturnType<typeof assets>;

function page(options: GraphViewOptions, files: Assets): string {
  const config = {
    endpoint: '/graphql',
    exportPath: '/export',
    maxDepth: options.maxDepth,
    defaultDepth: Math.min(1, options.maxDepth),
    kinds: Object.values(NodeKind),
    downloads: DOWNLOADS,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>diplograph · graph view</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(files.css.url)}">
</head>
<body>
<header class="dg-header">
  <a class="dg-brand" href="/">diplograph</a>
  <span class="dg-subtitle">Graph view</span>
  <form id="dg-search" class="dg-search" role="search" autocomplete="off">
    <input id="dg-search-input" type="search" placeholder="Find an actor: Fidan, Türkiye, Kremlin…" aria-label="Find an actor to start from" aria-controls="dg-search-results">
    <ul id="dg-search-results" class="dg-search-results" role="listbox" aria-label="Actors found" hidden></ul>
  </form>
  <label class="dg-depth">Depth <select id="dg-depth" aria-label="Depth"></select></label>
  <nav class="dg-nav"><a href="/">Playground</a></nav>
</header>
<div class="dg-body">
  <main class="dg-canvas-wrap">
    <div class="dg-canvas">
      <div id="dg-graph" class="dg-graph" aria-label="Graph"></div>
      <p id="dg-empty" class="dg-empty">Find an actor above to start, or open a result from the playground.</p>
    </div>
    <footer class="dg-footer">
      <ul id="dg-legend" class="dg-legend" aria-label="Legend"></ul>
      <p id="dg-status" class="dg-status" role="status"></p>
    </footer>
  </main>
  <aside class="dg-panel">
    <section id="dg-details" class="dg-details" aria-live="polite">
      <p class="dg-hint">Click a node or an edge to see its properties and the quotes behind it. Double-click a node to add its neighbours.</p>
    </section>
    <section class="dg-downloads">
      <h2>Download this subgraph</h2>
      <p id="dg-downloads-scope" class="dg-hint"></p>
      <ul id="dg-downloads"></ul>
    </section>
  </aside>
</div>
<script type="application/json" id="dg-config">${jsonForScript(config)}</script>
<script src="${escapeHtml(files.cytoscape.url)}"></script>
<script src="${escapeHtml(files.script.url)}"></script>
</body>
</html>
`;
}

export function graphViewRouter(options: GraphViewOptions): Router {
  const router = Router();
  const files = assets();
  const html = page(options, files);
  router.use(assetRoutes(Object.values(files)));
  router.get('/graph', (_req: Request, res: Response) => {
    pageHeaders(res);
    res.send(html);
  });
  return router;
}
