/**
 * The per-element lines of GraphML and GEXF are written by `ElementLine`, not by xmlbuilder's
 * element objects (src/export/xml.ts says why). They must be what xmlbuilder itself writes for
 * the same element, character for character — including the values `ElementLine` writes as they
 * are without asking the stringifier.
 */
import { ATTRIBUTE_CHANGES, TEXT_CHANGES, type XmlStream, xmlStream } from '../../../src/export/xml';

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

/**
 * Each value as an attribute of an element, as the text of a child made from a template and as
 * the value attribute of another: every way the writers put a value into a line.
 */
const byLine = (values: readonly string[]) => {
  const text = xmlStream(() => undefined, 1).line.textTemplate('t', { k: 'x' });
  const attribute = xmlStream(() => undefined, 1).line.attributeTemplate('a', { for: 'x' }, 'value');
  return documentOf(values, (xml, value) => {
    xml.line.start('v');
    xml.line.attribute('a', value);
    xml.line.attribute('skipped', undefined);
    xml.line.attribute('b', 'x');
    xml.line.endStart();
    xml.line.leafOf(text, value);
    xml.line.leafOf(attribute, value);
    xml.line.close('v');
    xml.element();
  });
};

const byLibrary = (values: readonly string[]) =>
  documentOf(values, (xml, value) => {
    xml.doc.ele('v', { a: value, b: 'x' }).ele('t', { k: 'x' }, value).up().ele('a', { for: 'x', value }).up().up();
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
      '[{"sourceId":"source:x","quote":"only \\"quotes\\" > here","offset":1}]',
      '',
    ];
    expect(byLine(values)).toBe(byLibrary(values));
  });

  it('leaves empty elements self-closed and nests open and close', () => {
    const line = xmlStream(() => undefined, 1).line;
    line.open('node', { id: 'n&1', skipped: undefined });
    line.leafOf(line.attributeTemplate('attvalue', { for: 'kind' }, 'value'), 'Person');
    line.close('node');
    expect(line.take()).toBe('<node id="n&amp;1"><attvalue for="kind" value="Person"/></node>');
    expect(line.take()).toBe('');
  });
});

describe('TEXT_CHANGES and ATTRIBUTE_CHANGES', () => {
  const MARKUP_AND_CONTROLS = ['&', '<', '\t', '\n', '\r', '\u0000', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF'];

  it('find the markup characters, controls, tab, newline, carriage return, surrogates and U+FFFE/U+FFFF', () => {
    for (const c of MARKUP_AND_CONTROLS) {
      expect(TEXT_CHANGES.test(`x${c}y`)).toBe(true);
      expect(ATTRIBUTE_CHANGES.test(`x${c}y`)).toBe(true);
    }
    expect(TEXT_CHANGES.test('x>y')).toBe(true);
  });

  it('pass plain text, apostrophes, non-Latin letters and double quotes (escaped apart in attributes)', () => {
    for (const text of ["O'Neil", 'Türkiye', 'Україна', '中国', 'a b-c_d.e:f/g', 'say "yes"', '']) {
      expect(TEXT_CHANGES.test(text)).toBe(false);
      expect(ATTRIBUTE_CHANGES.test(text)).toBe(false);
    }
  });
});
