/**
 * The per-element lines of GraphML and GEXF are written by `ElementLine`, not by xmlbuilder's
 * element objects (src/export/xml.ts says why). They must be what xmlbuilder itself writes for
 * the same element, character for character — including the values `ElementLine` writes as they
 * are without asking the stringifier.
 */
import { STRINGIFIER_CHANGES, type XmlStream, xmlStream } from '../../../src/export/xml';

/** A document whose root holds one `<v a="…" b="x">…</v>` per value, each added by `add`. */
function documentOf(values: readonly string[], add: (xml: XmlStream, value: string) => void): string {
  let out = '';
  const xml = xmlStream((chunk) => {
    out += chunk;
  }, 1);
  xml.doc.ele('root');
  for (const value of values) add(xml, value);
  xml.doc.end();
  xml.flush();
  return out;
}

const byLibrary = (values: readonly string[]) =>
  documentOf(values, (xml, value) => {
    xml.doc.ele('v', { a: value, b: 'x' }, value).up();
  });

const byLine = (values: readonly string[]) =>
  documentOf(values, (xml, value) => {
    xml.line.leaf('v', { a: value, b: 'x' }, value);
    xml.element();
  });

/** Every UTF-16 code unit on its own, lone surrogates included. */
const EVERY_CODE_UNIT = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i));

describe('ElementLine writes what xmlbuilder writes', () => {
  it('for every UTF-16 code unit as an attribute value and as text', () => {
    expect(byLine(EVERY_CODE_UNIT)).toBe(byLibrary(EVERY_CODE_UNIT));
  });

  it('for text that mixes markup, whitespace, surrogate pairs and characters XML cannot carry', () => {
    const values = [
      'Türkiye, Dolmabahçe, Стамбул, 中国',
      'a "q" & <b> \'s\' x>y',
      'line\nline\r\nline\ttab',
      '&amp; &#10; ]]>',
      '🇺🇦 and a lone \uD800 high, a lone \uDC00 low',
      '\u0000\u0008\u000B\u001F\uFFFE\uFFFF',
      '',
    ];
    expect(byLine(values)).toBe(byLibrary(values));
  });

  it('leaves empty elements self-closed and nests open and close', () => {
    const line = xmlStream(() => undefined, 1).line;
    line.open('node', { id: 'n&1', skipped: undefined });
    line.leaf('attvalue', { for: 'kind', value: 'Person' });
    line.close('node');
    expect(line.take()).toBe('<node id="n&amp;1"><attvalue for="kind" value="Person"/></node>');
    expect(line.take()).toBe('');
  });
});

describe('STRINGIFIER_CHANGES', () => {
  it('finds the markup characters, controls, tab, newline, carriage return, surrogates and U+FFFE/U+FFFF', () => {
    for (const c of [
      '&',
      '<',
      '>',
      '"',
      '\t',
      '\n',
      '\r',
      '\u0000',
      '\u001F',
      '\uD800',
      '\uDFFF',
      '\uFFFE',
      '\uFFFF',
    ]) {
      expect(STRINGIFIER_CHANGES.test(`x${c}y`)).toBe(true);
    }
  });

  it('passes plain text, apostrophes and non-Latin letters (which the stringifier leaves alone)', () => {
    for (const text of ["O'Neil", 'Türkiye', 'Україна', '中国', 'a b-c_d.e:f/g', '']) {
      expect(STRINGIFIER_CHANGES.test(text)).toBe(false);
    }
  });
});
