/*
 * The graph view page: draws the subgraph around the seeds in the URL (?seed=…&seed=…&depth=N)
 * with Cytoscape.js, from GET /export?format=CYTOSCAPE. Click shows a node's or an edge's
 * properties and the quotes behind it; double-click adds a node's neighbours; the search box finds
 * a seed through GraphQL (a JSON POST, which passes the server's CSRF prevention); the download
 * links fetch the same subgraph in every export format. Settings come from the page's JSON block
 * #dg-config (the page's CSP allows no inline script). Data is written with textContent only.
 */
(() => {
  const config = JSON.parse(document.getElementById('dg-config').textContent);
  const $ = (id) => document.getElementById(id);

  /** Colour and Cytoscape shape of each kind; the legend draws the same. */
  const KIND_STYLE = {
    Country: { color: '#2e7d32', shape: 'round-rectangle' },
    Organization: { color: '#6a1b9a', shape: 'round-hexagon' },
    Person: { color: '#1565c0', shape: 'ellipse' },
    Delegation: { color: '#00838f', shape: 'barrel' },
    Place: { color: '#e65100', shape: 'round-pentagon' },
    Meeting: { color: '#c62828', shape: 'round-diamond' },
    Statement: { color: '#795548', shape: 'round-tag' },
    Source: { color: '#546e7a', shape: 'rectangle' },
  };
  const OTHER_KIND = { color: '#9e9e9e', shape: 'ellipse' };
  /** Legend glyphs (SVG, 16×16) resembling each Cytoscape shape. */
  const GLYPH = {
    'round-rectangle': '<rect x="1.5" y="3.5" width="13" height="9" rx="2.5"/>',
    'round-hexagon': '<path d="M4.5 2h7l3.5 6-3.5 6h-7L1 8z" stroke-linejoin="round"/>',
    ellipse: '<circle cx="8" cy="8" r="6.5"/>',
    barrel: '<path d="M3 2.5h10c2 3.5 2 7.5 0 11H3c-2-3.5-2-7.5 0-11z"/>',
    'round-pentagon': '<path d="M8 1.5l6.5 4.7-2.5 7.8H4L1.5 6.2z" stroke-linejoin="round"/>',
    'round-diamond': '<path d="M8 1l7 7-7 7-7-7z" stroke-linejoin="round"/>',
    'round-tag': '<path d="M1.5 3.5h9l4 4.5-4 4.5h-9z" stroke-linejoin="round"/>',
    rectangle: '<rect x="2" y="2" width="12" height="12"/>',
  };
  /**
   * Keys that are drawn or listed separately, not as plain properties; `claims` (every source's
   * values and quotes) among them, whose quotes the evidence list shows. `disputed` is listed.
   */
  const NODE_OWN = new Set(['id', 'label', 'kind', 'evidence', 'claims', 'display']);
  const EDGE_OWN = new Set(['id', 'label', 'type', 'source', 'target', 'evidence', 'claims', 'display']);
  /** Meetings that did not take place, and edges saying so, are drawn dashed: hedged facts. */
  const HEDGED_EDGES = ['PROPOSED', 'DECLINED'];

  const state = { seeds: [], depth: config.defaultDepth, sources: new Map(), loading: 0 };

  // ---------------------------------------------------------------------------------------------
  // Cytoscape

  const styles = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'background-color': OTHER_KIND.color,
        shape: OTHER_KIND.shape,
        width: 28,
        height: 28,
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#1b2535',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1.5,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': s.color, shape: s.shape },
    })),
    { selector: 'node[kind = "Meeting"]', style: { width: 34, height: 34, 'font-weight': 'bold' } },
    {
      selector: 'node[kind = "Meeting"][status][status != "HELD"]',
      style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-color': '#c62828', 'border-width': 2 },
    },
    { selector: 'node.seed', style: { 'border-width': 4, 'border-color': '#ffb300' } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#475467' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#98a2b3',
        'target-arrow-color': '#98a2b3',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(display)',
        'font-size': 8,
        'font-family': 'system-ui, sans-serif',
        color: '#475467',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    ...HEDGED_EDGES.map((type) => ({ selector: `edge[type = "${type}"]`, style: { 'line-style': 'dashed' } })),
    {
      selector: ':selected',
      style: { 'overlay-color': '#ffb300', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
    },
  ];

  const cy = cytoscape({
    container: $('dg-graph'),
    style: styles,
    elements: [],
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  window.diplographGraph = cy;

  function dateText(date) {
    if (!date) return '';
    if (typeof date === 'string') return date;
    return date.value ?? '';
  }

  /** The label drawn: a meeting's date goes under its name. */
  function nodeDisplay(data) {
    const label = data.label ?? data.id;
    const date = data.kind === 'Meeting' ? dateText(data.date) : '';
    return date ? `${label}\n${date}` : label;
  }

  /** The elements of a CYTOSCAPE export that are not drawn yet. */
  function newElements(json) {
    const nodes = (json?.elements?.nodes ?? []).filter((n) => n?.data?.id && cy.getElementById(n.data.id).empty());
    const nodeIds = new Set(nodes.map((n) => n.data.id));
    const edges = (json?.elements?.edges ?? []).filter(
      (e) =>
        e?.data?.id &&
        cy.getElementById(e.data.id).empty() &&
        (nodeIds.has(e.data.source) || cy.getElementById(e.data.source).nonempty()) &&
        (nodeIds.has(e.data.target) || cy.getElementById(e.data.target).nonempty()),
    );
    return [
      ...nodes.map((n) => ({ group: 'nodes', data: { ...n.data, display: nodeDisplay(n.data) } })),
      ...edges.map((e) => ({ group: 'edges', data: { ...e.data, display: e.data.label ?? e.data.type } })),
    ];
  }

  function rememberSources(json) {
    for (const source of json?.data?.sources ?? []) state.sources.set(source.id, source);
  }

  /** A fresh drawing starts from random positions; an extended one from where nodes are. */
  function runLayout(fresh) {
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: fresh,
      fit: true,
      padding: 40,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 90,
      nodeDimensionsIncludeLabels: true,
    }).run();
  }

  // ---------------------------------------------------------------------------------------------
  // Server calls

  function exportUrl(seeds, depth, format, table) {
    const query = new URLSearchParams();
    for (const seed of seeds) query.append('seed', seed);
    query.set('depth', String(depth));
    query.set('format', format);
    if (table) query.set('table', table);
    return `${config.exportPath}?${query}`;
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      const error = body?.errors?.[0];
      if (error?.message) return `${error.message}${error.extensions?.code ? ` (${error.extensions.code})` : ''}`;
    } catch {
      // not JSON: the status says enough
    }
    return `the server answered ${response.status} ${response.statusText}`.trim();
  }

  async function fetchSubgraph(seeds, depth) {
    const response = await fetch(exportUrl(seeds, depth, 'CYTOSCAPE'), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(await errorMessage(response));
    return response.json();
  }

  async function graphql(query, variables) {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json().catch(() => null);
    if (!body || body.errors?.length) {
      throw new Error(body?.errors?.[0]?.message ?? `the server answered ${response.status}`);
    }
    return body.data;
  }

  // ---------------------------------------------------------------------------------------------
  // Status, legend, downloads

  function setStatus(text, isError) {
    const status = $('dg-status');
    status.textContent = text;
    status.classList.toggle('dg-error', Boolean(isError));
  }

  function countsText() {
    return `${cy.nodes().length} nodes, ${cy.edges().length} edges`;
  }

  function renderLegend() {
    const legend = $('dg-legend');
    legend.replaceChildren();
    for (const kind of config.kinds) {
      const style = KIND_STYLE[kind] ?? OTHER_KIND;
      const item = document.createElement('li');
      item.dataset.kind = kind;
      const glyph = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      glyph.setAttribute('viewBox', '0 0 16 16');
      glyph.setAttribute('width', '14');
      glyph.setAttribute('height', '14');
      glyph.setAttribute('aria-hidden', 'true');
      glyph.setAttribute('fill', style.color);
      glyph.setAttribute('stroke', style.color);
      glyph.innerHTML = GLYPH[style.shape] ?? GLYPH.ellipse;
      item.append(glyph, document.createTextNode(kind));
      legend.append(item);
    }
    const hedged = document.createElement('li');
    hedged.className = 'dg-legend-hedged';
    hedged.textContent = 'dashed: proposed, declined or not held';
    legend.append(hedged);
  }

  function renderDownloads() {
    const list = $('dg-downloads');
    list.replaceChildren();
    const scope = $('dg-downloads-scope');
    if (state.seeds.length === 0) {
      scope.textContent = 'Pick a seed first.';
      return;
    }
    scope.textContent = `Seeds ${state.seeds.join(', ')}, depth ${state.depth} (nodes added by double-click are not included).`;
    for (const download of config.downloads) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = exportUrl(state.seeds, state.depth, download.format, download.table);
      link.textContent = download.label;
      link.title = download.title;
      link.setAttribute('download', '');
      link.dataset.format = download.format;
      item.append(link);
      list.append(item);
    }
  }

  function renderDepthPicker() {
    const select = $('dg-depth');
    select.replaceChildren();
    for (let depth = 0; depth <= config.maxDepth; depth += 1) {
      const option = document.createElement('option');
      option.value = String(depth);
      option.textContent = String(depth);
      select.append(option);
    }
    select.value = String(state.depth);
  }

  // ---------------------------------------------------------------------------------------------
  // Details panel

  function valueText(value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(valueText).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function nameOf(id) {
    const node = cy.getElementById(id);
    return node.nonempty() ? (node.data('label') ?? id) : id;
  }

  function showDetails(target) {
    const panel = $('dg-details');
    panel.replaceChildren();
    if (!target) {
      panel.append(
        element(
          'p',
          'Click a node or an edge to see its properties and the quotes behind it. Double-click a node to add its neighbours.',
          'dg-hint',
        ),
      );
      return;
    }
    const data = target.data();
    const isNode = target.isNode();
    panel.append(element('h2', isNode ? (data.label ?? data.id) : (data.label ?? data.type)));
    const kind = element('p', isNode ? data.kind : data.type, 'dg-kind');
    kind.style.setProperty('--dg-kind-color', (KIND_STYLE[data.kind] ?? OTHER_KIND).color);
    panel.append(kind);

    const table = element('table', undefined, 'dg-properties');
    const row = (key, value) => {
      const tr = document.createElement('tr');
      tr.append(element('th', key), element('td', value));
      table.append(tr);
    };
    row('id', data.id);
    if (!isNode) {
      row('from', nameOf(data.source));
      row('to', nameOf(data.target));
    }
    const own = isNode ? NODE_OWN : EDGE_OWN;
    for (const key of Object.keys(data).sort()) {
      const text = valueText(data[key]);
      if (!own.has(key) && text !== '') row(key, text);
    }
    panel.append(table);

    const evidence = Array.isArray(data.evidence) ? data.evidence : [];
    panel.append(element('h3', evidence.length === 1 ? 'Evidence: 1 quote' : `Evidence: ${evidence.length} quotes`));
    if (evidence.length === 0) panel.append(element('p', 'No quote supports this in its sources.', 'dg-hint'));
    for (const item of evidence) {
      const figure = element('figure', undefined, 'dg-evidence');
      figure.append(element('blockquote', item.quote));
      const source = state.sources.get(item.sourceId);
      const cite = source?.title ? `${source.title} (${item.sourceId})` : item.sourceId;
      figure.append(element('figcaption', `${cite}, at character ${item.offset}`));
      panel.append(figure);
    }
    if (isNode) {
      const actions = element('p', undefined, 'dg-actions');
      const expand = element('button', 'Add neighbours');
      expand.type = 'button';
      expand.addEventListener('click', () => expandNode(data.id));
      const reseed = element('button', 'Start from here');
      reseed.type = 'button';
      reseed.addEventListener('click', () => navigate([data.id], state.depth));
      actions.append(expand, reseed);
      panel.append(actions);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  async function load() {
    cy.elements().remove();
    showDetails(null);
    renderDownloads();
    $('dg-empty').hidden = state.seeds.length > 0;
    if (state.seeds.length === 0) {
      setStatus('');
      return;
    }
    setStatus(`Loading ${state.seeds.join(', ')}…`);
    try {
      const json = await fetchSubgraph(state.seeds, state.depth);
      rememberSources(json);
      cy.add(newElements(json));
      for (const seed of state.seeds) cy.getElementById(seed).addClass('seed');
      runLayout(true);
      if (cy.nodes().empty()) setStatus(`Nothing found for ${state.seeds.join(', ')}.`, true);
      else setStatus(`${countsText()}${json?.data?.truncated ? ' (cut short at the node limit)' : ''}`);
    } catch (error) {
      setStatus(`Could not load the subgraph: ${error.message}`, true);
    }
  }

  async function expandNode(id) {
    const node = cy.getElementById(id);
    if (node.empty()) return;
    setStatus(`Adding the neighbours of ${node.data('label') ?? id}…`);
    try {
      const json = await fetchSubgraph([id], 1);
      rememberSources(json);
      const added = cy.add(newElements(json));
      // New nodes start next to the one expanded, so the layout moves the drawing little.
      const { x, y } = node.position();
      added.nodes().forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, added.nodes().length);
        n.position({ x: x + 60 * Math.cos(angle), y: y + 60 * Math.sin(angle) });
      });
      node.addClass('expanded');
      if (added.nodes().nonempty()) runLayout(false);
      setStatus(`${countsText()} (${added.nodes().length} added from ${node.data('label') ?? id})`);
    } catch (error) {
      setStatus(`Could not add the neighbours: ${error.message}`, true);
    }
  }

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    state.seeds = params.getAll('seed').filter((s) => s.trim() !== '');
    const depth = Number(params.get('depth'));
    state.depth =
      params.has('depth') && Number.isInteger(depth) && depth >= 0 && depth <= config.maxDepth
        ? depth
        : config.defaultDepth;
    $('dg-depth').value = String(state.depth);
  }

  function navigate(seeds, depth) {
    const params = new URLSearchParams();
    for (const seed of seeds) params.append('seed', seed);
    params.set('depth', String(depth));
    window.history.pushState(null, '', `${window.location.pathname}?${params}`);
    readUrl();
    load();
  }

  // ---------------------------------------------------------------------------------------------
  // Search

  const SEARCH = `query GraphViewSearch($q: String!) {
  actors(search: $q, first: 10) { edges { node { id name kind } } }
}`;
  let searchTimer;
  let searchGeneration = 0;

  function hideResults() {
    $('dg-search-results').hidden = true;
  }

  function showResults(actors) {
    const list = $('dg-search-results');
    list.replaceChildren();
    if (actors.length === 0) list.append(element('li', 'No actor found', 'dg-search-none'));
    for (const actor of actors) {
      const item = element('li', undefined, 'dg-search-result');
      item.setAttribute('role', 'option');
      item.tabIndex = -1;
      item.dataset.id = actor.id;
      const swatch = element('span', undefined, 'dg-swatch');
      swatch.style.background = (KIND_STYLE[actor.kind] ?? OTHER_KIND).color;
      item.append(swatch, element('span', actor.name), element('span', actor.kind, 'dg-search-kind'));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(actor.id);
      });
      list.append(item);
    }
    list.hidden = false;
  }

  function pick(id) {
    hideResults();
    $('dg-search-input').value = '';
    navigate([id], state.depth);
  }

  async function search(text) {
    const generation = ++searchGeneration;
    if (text.trim() === '') {
      hideResults();
      return;
    }
    try {
      const data = await graphql(SEARCH, { q: text });
      if (generation !== searchGeneration) return;
      showResults(data.actors.edges.map((edge) => edge.node));
    } catch (error) {
      if (generation === searchGeneration) setStatus(`Search failed: ${error.message}`, true);
    }
  }

  $('dg-search-input').addEventListener('input', (event) => {
    clearTimeout(searchTimer);
    const text = event.target.value;
    searchTimer = setTimeout(() => search(text), 200);
  });
  $('dg-search-input').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideResults();
  });
  $('dg-search-input').addEventListener('blur', () => setTimeout(hideResults, 150));
  $('dg-search').addEventListener('submit', async (event) => {
    event.preventDefault();
    const first = $('dg-search-results').querySelector('.dg-search-result');
    if (first) {
      pick(first.dataset.id);
      return;
    }
    await search($('dg-search-input').value);
    const found = $('dg-search-results').querySelector('.dg-search-result');
    if (found) pick(found.dataset.id);
  });

  // ---------------------------------------------------------------------------------------------
  // Wiring

  cy.on('tap', 'node, edge', (event) => showDetails(event.target));
  cy.on('tap', (event) => {
    if (event.target === cy) showDetails(null);
  });
  cy.on('dbltap', 'node', (event) => expandNode(event.target.id()));
  $('dg-depth').addEventListener('change', (event) => {
    const depth = Number(event.target.value);
    if (state.seeds.length > 0) navigate(state.seeds, depth);
    else state.depth = depth;
  });
  window.addEventListener('popstate', () => {
    readUrl();
    load();
  });

  renderLegend();
  renderDepthPicker();
  readUrl();
  load();
})();
