/**
 * The playground: GraphiQL served from installed packages (Apollo's landing pages load from a CDN
 * and fail offline), at `GET /` and at `GET /graphql` when a browser asks for a page. Any other
 * request to /graphql — POSTs, and GETs carrying a query or asking for JSON — falls through to
 * Apollo, whose CSRF prevention stays on: GraphiQL sends JSON POSTs, which pass it.
 */
import crypto from 'node:crypto';
import { type NextFunction, type Request, type Response, Router } from 'express';
import { EXAMPLE_OPERATIONS } from '../examples/examples';
import { assetRoutes, escapeHtml, jsonForScript, ownAsset, pageHeaders, vendorAsset } from './assets';

export interface PlaygroundOptions {
  /** GRAPHQL_INTROSPECTION: when off, GraphiQL does not ask for the schema (no docs, no completion). */
  introspection: boolean;
}

const assets = () => ({
  react: vendorAsset('react', 'umd/react.production.min.js'),
  reactDom: vendorAsset('react-dom', 'umd/react-dom.production.min.js'),
  graphiql: vendorAsset('graphiql', 'dist/index.umd.js'),
  graphiqlMap: vendorAsset('graphiql', 'dist/index.umd.js.map'),
  graphiqlCss: vendorAsset('graphiql', 'dist/style.css'),
  script: ownAsset('playground.js'),
  css: ownAsset('playground.css'),
});
type Assets = ReturnType<typeof assets>;

/** What the page script needs; read from a JSON block, since the page allows no inline script. */
function pageConfig(options: PlaygroundOptions) {
  const examples = EXAMPLE_OPERATIONS;
  // GraphiQL restores saved tabs over `defaultTabs`; a namespace per version of the examples
  // makes a changed list show up instead of last week's tabs.
  const digest = crypto.createHash('sha256').update(JSON.stringify(examples)).digest('hex').slice(0, 12);
  return {
    endpoint: '/graphql',
    graphView: '/graph',
    introspection: options.introspection,
    storageNamespace: `diplograph-playground-${digest}`,
    examples,
  };
}

function page(options: PlaygroundOptions, files: Assets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>diplograph · GraphQL playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(files.graphiqlCss.url)}">
<link rel="stylesheet" href="${escapeHtml(files.css.url)}">
</head>
<body>
<header class="dg-header">
  <a class="dg-brand" href="/">diplograph</a>
  <span class="dg-subtitle">GraphQL playground</span>
  <nav class="dg-nav">
    <a href="/graph" id="dg-graph-link">Graph view</a>
    <a href="/healthz">Health</a>
  </nav>
</header>
${options.introspection ? '' : '<p class="dg-notice" role="status">Introspection is turned off on this server (GRAPHQL_INTROSPECTION=false): no documentation or completion, queries still run.</p>\n'}<main id="graphiql" class="dg-graphiql"><p class="dg-loading">Loading GraphiQL…</p></main>
<script type="application/json" id="dg-config">${jsonForScript(pageConfig(options))}</script>
<script src="${escapeHtml(files.react.url)}"></script>
<script src="${escapeHtml(files.reactDom.url)}"></script>
<script src="${escapeHtml(files.graphiql.url)}"></script>
<script src="${escapeHtml(files.script.url)}"></script>
</body>
</html>
`;
}

/** A browser navigating to /graphql (not a GraphQL client, not a GET carrying a query). */
function wantsPage(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

export function playgroundRouter(options: PlaygroundOptions): Router {
  const router = Router();
  const files = assets();
  const html = page(options, files);
  const send = (_req: Request, res: Response) => {
    pageHeaders(res);
    res.send(html);
  };
  router.use(assetRoutes(Object.values(files)));
  router.get('/', send);
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    // The same URL answers a page or JSON depending on Accept.
    res.vary('Accept');
    if (wantsPage(req)) send(req, res);
    else next();
  });
  return router;
}
