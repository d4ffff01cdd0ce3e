/**
 * Text that XML writers get wrong, through both XML formats and back through networkx: literal
 * character references must come back as typed, and characters XML 1.0 cannot carry become
 * U+FFFD one for one, leaving their neighbours alone.
 */
import { ExportFormat, exportSubgraph } from '../../../src/export/index';
import type { GraphNode } from '../../../src/model/elements';
import { EXPORT_META, exportFixture, readWithNetworkx } from '../../support/export-fixture';

/** Character references written out as text: they must come back as typed, not as the characters they name. */
const LITERAL_REFERENCES = 'AT&amp;T &#10; &lt;x&gt; &#x9;';
/** Lone surrogates (low after a letter, two lows in a row, high), U+FFFE, U+FFFF and C0 controls; then an emoji. */
const NOT_XML_TEXT = 'a\uDC00b\uDC00\uDC00c\uD800d\uFFFEe\uFFFFf\u0000g\u001Fh 🇺🇦';
const AS_XML_TEXT = 'a\uFFFDb\uFFFD\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh 🇺🇦';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe.each([
  ['graphml', ExportFormat.GRAPHML],
  ['gexf', ExportFormat.GEXF],
] as const)('%s export of hostile text, read by networkx', (reader, format) => {
  const template = exportFixture().nodes[1]!;
  /** A one-node export whose id, name and a property all hold `text`. */
  const exportOf = (text: string) => {
    const node: GraphNode = { ...template, id: `org:${text}`, name: text, properties: { iso3: text } };
    return exportSubgraph({ nodes: [node], edges: [], truncated: false }, format, EXPORT_META);
  };

  it('keeps literal character references such as "&amp;" and "&#10;" in ids, names and properties unchanged', () => {
    const out = readWithNetworkx(reader, exportOf(LITERAL_REFERENCES));
    expect(out.nodes[`org:${LITERAL_REFERENCES}`]).toMatchObject({
      label: LITERAL_REFERENCES,
      iso3: LITERAL_REFERENCES,
    });
  });

  it('replaces each character XML 1.0 cannot carry, and nothing next to it, in attributes and text', () => {
    const xml = exportOf(NOT_XML_TEXT);
    // Checked on the string: writing it out as UTF-8 would hide lone surrogates.
    expect(xml).not.toMatch(LONE_SURROGATE);
    const out = readWithNetworkx(reader, xml);
    expect(out.nodes[`org:${AS_XML_TEXT}`]).toMatchObject({ label: AS_XML_TEXT, iso3: AS_XML_TEXT });
  });
});
