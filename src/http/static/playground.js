/*
 * The playground page: GraphiQL with diplograph's example operations as tabs, and a toolbar button
 * that opens the current result in the graph view. Runs after the browser builds of React,
 * ReactDOM and GraphiQL (globals React, ReactDOM, GraphiQL); its settings come from the page's
 * JSON block #dg-config (the page's CSP allows no inline script).
 */
// A block, not a function, since React wants components defined at the top level; only const
// declarations inside, so nothing here becomes a global.
{
  const config = JSON.parse(document.getElementById('dg-config').textContent);
  const h = React.createElement;
  /** diplograph ids: `person:hakan-fidan`, `country:UKR`; relationship ids contain spaces. */
  const NODE_ID = /^[a-z][a-z-]*:\S+$/;

  /** The first node id in a value, depth first, an object's own `id` before its children's. */
  const firstId = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const id = firstId(item);
        if (id) return id;
      }
    } else if (value && typeof value === 'object') {
      if (typeof value.id === 'string' && NODE_ID.test(value.id)) return value.id;
      for (const key of Object.keys(value)) {
        const id = firstId(value[key]);
        if (id) return id;
      }
    } else if (typeof value === 'string' && NODE_ID.test(value)) {
      return value;
    }
    return null;
  };

  const parseJson = (text) => {
    try {
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  };

  const graphIcon = h(
    'svg',
    {
      className: 'graphiql-toolbar-icon',
      viewBox: '0 0 24 24',
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: 1.5,
      'aria-hidden': 'true',
    },
    h('circle', { cx: 5, cy: 6, r: 2.5 }),
    h('circle', { cx: 19, cy: 6, r: 2.5 }),
    h('circle', { cx: 12, cy: 18.5, r: 2.5 }),
    h('path', { d: 'M7.5 6h9M6.3 8.2l4.5 8M17.7 8.2l-4.5 8' }),
  );

  /**
   * Opens /graph seeded with the first node id of the result (of its `data`), or, when the result
   * has none (an export, an empty list), the first id among the variables.
   */
  const OpenInGraphView = () => {
    const { responseEditor, variableEditor } = GraphiQL.React.useEditorContext({ nonNull: true });
    const open = () => {
      const response = parseJson(responseEditor?.getValue());
      const seed = firstId(response?.data) ?? firstId(parseJson(variableEditor?.getValue()));
      if (!seed) throw new Error('No id to open: run a query whose result has an id');
      window.open(`${config.graphView}?seed=${encodeURIComponent(seed)}`, '_blank', 'noopener');
    };
    return h(
      GraphiQL.React.ToolbarButton,
      { onClick: open, label: 'Open the result in the graph view', className: 'dg-open-graph' },
      graphIcon,
    );
  };

  /** A description as comment lines of at most `width` characters. */
  const comment = (text, width = 72) => {
    const lines = [];
    let line = '#';
    for (const word of text.split(/\s+/)) {
      if (line.length > 1 && line.length + 1 + word.length > width) {
        lines.push(line);
        line = '#';
      }
      line += ` ${word}`;
    }
    lines.push(line);
    return lines.join('\n');
  };

  const tabs = config.examples.map((example) => ({
    query: `${comment(example.description)}\n${example.query}\n`,
    variables: Object.keys(example.variables).length > 0 ? JSON.stringify(example.variables, null, 2) : null,
  }));

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    h(
      GraphiQL,
      {
        fetcher: GraphiQL.createFetcher({ url: config.endpoint, enableIncrementalDelivery: false }),
        storage: GraphiQL.createLocalStorage({ namespace: config.storageNamespace }),
        defaultTabs: tabs,
        defaultEditorToolsVisibility: 'variables',
        // null: do not introspect (the server refuses it); queries still run, without docs.
        schema: config.introspection ? undefined : null,
      },
      h(GraphiQL.Logo, null, h('span', null, 'Graph', h('em', null, 'i'), 'QL')),
      h(GraphiQL.Toolbar, null, ({ prettify, merge, copy }) =>
        h(React.Fragment, null, prettify, merge, copy, h(OpenInGraphView)),
      ),
    ),
  );
}
