/**
 * xmlbuilder's callback mode for streamed documents (GraphML, GEXF): each element is written as
 * it is built and only the stack of open elements is kept, so memory stays flat however large
 * the export. This module configures it, lays its output out in lines, and hands the sink one
 * chunk per writer call rather than one per tag (the HTTP sink is a socket write).
 *
 * The document (declaration, root, key declarations, meta, closing tags) is built by xmlbuilder
 * call by call. The lines repeated once per node and edge are not: xmlbuilder makes an element
 * object, an attribute object per attribute and a text object per value, and that cost 8 µs per
 * graph element (three quarters of the writing time; GraphML over HTTP stayed near 41k elements
 * per second against the 50k goal). `ElementLine` writes those lines' markup — element and
 * attribute names are this module's callers' constants, and the markup around each value is
 * made once per attribute (`ValueTemplate`) — and every value that holds a character to escape
 * or replace goes through xmlbuilder's stringifier (`attValue`, `text`: its escaping, and our
 * `assertLegalChar` below), the same calls its own writer makes; the line goes into the
 * document with xmlbuilder's `raw`. A test checks that lines equal what xmlbuilder writes for
 * the same element, for every UTF-16 code unit.
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
  /** Builds the markup of the lines `element` adds. */
  readonly line: ElementLine;
  /** Adds the line `line` holds (one element and its content) to the document, as one line. */
  element(): void;
  /** Hands the sink everything written since the last flush, as one chunk. */
  flush(): void;
}

/** The stringifier's two conversions `ElementLine` uses (the document's own instance). */
interface Stringifier {
  attValue(value: string): string;
  text(value: string): string;
}

type Attributes = Readonly<Record<string, string | undefined>>;

/**
 * Text holding none of these comes out of the stringifier unchanged (neither escaped nor
 * replaced), so it is written as it is: one test instead of the stringifier's three. `"` needs
 * no escaping in text, and JSON-valued text (evidence, lists) is full of them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const TEXT_CHANGES = /[&<>\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * The same for attribute values, but for `"`: a value holding none of these and some `"` only
 * has its `"` escaped by the stringifier, which `replaceAll` does in one pass (JSON-valued
 * attributes are full of them; the stringifier's chain of six replaces was a fifth of a GEXF
 * export's writing). Both tested in xml-line.test.ts against the stringifier itself.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const ATTRIBUTE_CHANGES = /[&<\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * The constant markup around one value, made once per attribute of the format (the key of a
 * GraphML `<data>`, the column of a GEXF `<attvalue>`), so an element's values are written
 * between ready-made strings.
 */
export interface ValueTemplate {
  readonly before: string;
  readonly after: string;
  /** The value goes into an attribute (escaped as one) rather than into the element's text. */
  readonly inAttribute: boolean;
}

/**
 * The markup of one element with its content, built up call by call: names as given (constants),
 * values converted as xmlbuilder's stringifier converts them. Attributes whose value is undefined
 * are left out.
 */
export class ElementLine {
  private markup = '';

  constructor(private readonly stringify: Stringifier) {}

  /** `<name a="v" …>` */
  open(name: string, attributes: Attributes): void {
    this.markup += `<${name}${this.attributes(attributes)}>`;
  }

  /** `</name>` */
  close(name: string): void {
    this.markup += `</${name}>`;
  }

  /**
   * `<name`, then `attribute` for each attribute and `endStart` for the `>`: `open` without an
   * object to build and walk per element.
   */
  start(name: string): void {
    this.markup += `<${name}`;
  }

  /** ` name="value"`, or nothing when the value is undefined. */
  attribute(name: string, value: string | undefined): void {
    if (value !== undefined) this.markup += ` ${name}="${this.attValue(value)}"`;
  }

  endStart(): void {
    this.markup += '>';
  }

  /** A leaf whose markup but for its value is constant: `<name a="v" …>` text `</name>`. */
  textTemplate(name: string, attributes: Attributes): ValueTemplate {
    return { before: `<${name}${this.attributes(attributes)}>`, after: `</${name}>`, inAttribute: false };
  }

  /** A leaf whose one varying part is an attribute, the last: `<name a="v" … valueName="` value `"/>`. */
  attributeTemplate(name: string, attributes: Attributes, valueName: string): ValueTemplate {
    return { before: `<${name}${this.attributes(attributes)} ${valueName}="`, after: '"/>', inAttribute: true };
  }

  /** The element a template makes, holding `value`. */
  leafOf(template: ValueTemplate, value: string): void {
    this.markup += template.before + (template.inAttribute ? this.attValue(value) : this.text(value)) + template.after;
  }

  /** The markup so far; the next call starts a new line. */
  take(): string {
    const markup = this.markup;
    this.markup = '';
    return markup;
  }

  private attributes(attributes: Attributes): string {
    let out = '';
    for (const name in attributes) {
      const value = attributes[name];
      if (value !== undefined) out += ` ${name}="${this.attValue(value)}"`;
    }
    return out;
  }

  private text(text: string): string {
    return TEXT_CHANGES.test(text) ? this.stringify.text(text) : text;
  }

  private attValue(value: string): string {
    if (ATTRIBUTE_CHANGES.test(value)) return this.stringify.attValue(value);
    return value.includes('"') ? value.replaceAll('"', '&quot;') : value;
  }
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
  const line = new ElementLine(stringifierOf(doc));
  return {
    doc,
    line,
    element() {
      doc.raw(line.take());
    },
    flush() {
      if (buffered === '') return;
      const chunk = buffered;
      buffered = '';
      sink(chunk);
    },
  };
}

/** The document's stringifier: xmlbuilder keeps it as `stringify` (not in its typings). */
function stringifierOf(doc: XMLDocumentCB): Stringifier {
  const stringify = (doc as unknown as { stringify?: Partial<Stringifier> }).stringify;
  if (typeof stringify?.attValue !== 'function' || typeof stringify.text !== 'function') {
    throw new Error('xmlbuilder: the document has no stringifier (has its version changed?)');
  }
  return stringify as Stringifier;
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
