/**
 * xmlbuilder2 for streamed documents (GraphML, GEXF). A document's skeleton is built whole, with
 * a placeholder comment where elements go, and split there; each node or edge is built as one
 * element, serialised and dropped. All markup and escaping is xmlbuilder2's; this module only
 * prepares text for it (see `xmlText`).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage
 * return; lone surrogates; U+FFFE, U+FFFF) become U+FFFD. JSON-valued attributes keep them,
 * since JSON escapes them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text ready for xmlbuilder2. Its writer leaves `&name;` and `&#123;` untouched, taking them
 * for references someone escaped already, so a literal "&amp;" in the data would be read back
 * as "&": those ampersands are escaped here first. Carriage returns become `&#13;` (a parser
 * would turn them into newlines).
 */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&(?=[A-Za-z]+;|#\d+;)/g, '&amp;')
    .replace(/\r/g, '&#13;');
}

/**
 * An attribute value ready for xmlbuilder2: as `xmlText`, and tabs and newlines as character
 * references too (a parser would turn them into spaces).
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Serialises one element at a time from a scratch document, so memory stays flat. */
export class ElementSerializer {
  private readonly scratch: XMLBuilder = create().ele('scratch');

  /** `build` adds one element to the parent it is given; its XML comes back on one line (but for newlines in text). */
  serialize(build: (parent: XMLBuilder) => XMLBuilder): string {
    const element = build(this.scratch);
    const xml = element.toString();
    element.remove();
    return xml;
  }
}

/** The marker that `splitSkeleton` cuts at; `placeholder(parent)` puts one in. */
const MARK = 'diplograph-elements';

export function placeholder(parent: XMLBuilder): XMLBuilder {
  return parent.com(MARK);
}

/** The document's text around its placeholders: n placeholders give n + 1 parts. */
export function splitSkeleton(document: XMLBuilder): string[] {
  const text = document.end({ prettyPrint: true, indent: '  ' });
  return text.split(new RegExp(`[ \\t]*<!--${MARK}-->\\n?`));
}
