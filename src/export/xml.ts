/**
 * xmlbuilder's callback mode for streamed documents (GraphML, GEXF): each element is written as
 * it is built and only the stack of open elements is kept, so memory stays flat however large
 * the export. All markup and escaping is xmlbuilder's. This module configures it, lays its
 * output out in lines, and hands the sink one chunk per writer call rather than one per tag
 * (the HTTP sink is a socket write).
 *
 * xmlbuilder 15, not xmlbuilder2: xmlbuilder2 takes ~80 µs per element built through its DOM
 * and ~1 ms through its callback API (oozcitak/xmlbuilder2#70); its writer also left `&amp;`
 * in the data unescaped. xmlbuilder 15 escapes every `&`, and `\r`, `\n`, `\t` in attributes.
 */
import {
  begin,
  nodeType,
  stringWriter,
  type WriterOptions,
  writerState,
  type XMLDocumentCB,
  type XMLNode,
  type XMLStringifier,
} from 'xmlbuilder';
import type { ExportSink } from './format';

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage
 * return; lone surrogates; U+FFFE, U+FFFF) become U+FFFD. JSON-valued attributes keep them,
 * since JSON escapes them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Hooks into xmlbuilder's stringifier (its `stringify` option puts these in place of its own
 * methods, called on the stringifier); values are still escaped by xmlbuilder.
 * - `assertLegalChar` checks every value after escaping. Its `invalidCharReplacement` mode
 *   would replace instead of throwing, but gets lone low surrogates wrong (it replaces the
 *   character before one too, and only every other one of a run), and its regex is the
 *   slower one; so the replacement is `NOT_XML`, applied to every value the library writes.
 * - `name`: element and attribute names are this project's constants, never data; checking
 *   each one per element costs a fifth of the writing time.
 * - `attEscape`, `textEscape`: the library's own, but only for values that hold a character
 *   they escape. Most values (keys, ids, kinds, dates) hold none, and the library's six (four)
 *   replace passes over each were the largest cost of a GraphML export.
 */
const ATTRIBUTE_ESCAPED = /[&<"\t\n\r]/;
const TEXT_ESCAPED = /[&<>\r]/;
/** What `NOT_XML` finds but lone surrogates, which `isWellFormed` finds faster. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NOT_XML_BMP = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

type Escape = (this: object, text: string) => string;
const library = (stringifier: object, method: 'attEscape' | 'textEscape'): Escape =>
  (Object.getPrototypeOf(stringifier) as Record<typeof method, Escape>)[method];

const STRINGIFY: XMLStringifier & { assertLegalChar: (text: string) => string } = {
  assertLegalChar: (text) => (text.isWellFormed() && !NOT_XML_BMP.test(text) ? text : text.replace(NOT_XML, '\uFFFD')),
  name: (name: string) => name,
  attEscape(this: object, text: string) {
    return ATTRIBUTE_ESCAPED.test(text) ? library(this, 'attEscape').call(this, text) : text;
  },
  textEscape(this: object, text: string) {
    return TEXT_ESCAPED.test(text) ? library(this, 'textEscape').call(this, text) : text;
  },
};

export interface XmlStream {
  /** The document: `ele`, `up`, `end`. Everything it writes waits for `flush`. */
  readonly doc: XMLDocumentCB;
  /** Hands the sink everything written since the last flush, as one chunk. */
  flush(): void;
}

/**
 * A document written to `sink`: the skeleton indented, every element at `lineDepth` (0 is the
 * root: GraphML's node is 2, GEXF's 3) on one line with all it contains.
 */
export function xmlStream(sink: ExportSink, lineDepth: number): XmlStream {
  let buffered = '';
  const doc = begin({ stringify: STRINGIFY, writer: lineWriter(lineDepth) }, (chunk: string) => {
    buffered += chunk;
  });
  doc.dec('1.0', 'UTF-8');
  return {
    doc,
    flush() {
      if (buffered === '') return;
      const chunk = buffered;
      buffered = '';
      sink(chunk);
    },
  };
}

const INDENT = '  ';

/** Kept in the writer's `user` object, which starts empty. */
interface LineState {
  /** An open tag was written; its line break waits to see whether text comes next. */
  lineOpen?: boolean;
  /** The last thing written was an element's text: its closing tag goes on the same line. */
  afterText?: boolean;
}

/**
 * xmlbuilder's pretty printing in callback mode puts text on lines of its own, which would
 * change every value; so the writer's indent and newline hooks are ours: an element whose
 * content is text stays on one line, and so does every element at `lineDepth` with all inside it.
 */
function lineWriter(lineDepth: number) {
  const state = (options: WriterOptions): LineState => options.user as LineState;
  return stringWriter({
    writer: {
      indent(node: XMLNode, options: WriterOptions, level: number): string {
        const s = state(options);
        if (node.type === nodeType.Text) {
          s.lineOpen = false;
          s.afterText = true;
          return '';
        }
        if (level > lineDepth) {
          s.lineOpen = false;
          return '';
        }
        const closingOnItsLine = options.state === writerState.CloseTag && (s.afterText || level === lineDepth);
        const newline = s.lineOpen && !closingOnItsLine ? '\n' : '';
        s.lineOpen = false;
        s.afterText = false;
        return closingOnItsLine ? '' : newline + INDENT.repeat(level);
      },
      endline(node: XMLNode, options: WriterOptions, level: number): string {
        if (node.type === nodeType.Text || level > lineDepth) return '';
        if (options.state === writerState.OpenTag) {
          state(options).lineOpen = true;
          return '';
        }
        return '\n';
      },
    },
  });
}
