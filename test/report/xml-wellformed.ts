/**
 * A small XML 1.0 well-formedness checker for the JUnit tests (no new
 * dependency): one root element, matched and properly nested tags, quoted
 * and unique attributes, only the predefined and numeric entity references,
 * no raw `<` or `&` in text or attribute values, and only characters XML
 * allows. It returns the element tree with decoded text and attributes so
 * tests can count test cases and read messages back. Not supported (never
 * produced by the renderer): DOCTYPE, CDATA, processing instructions other
 * than the leading declaration.
 */

export type XmlElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Decoded character data directly inside this element, concatenated. */
  readonly text: string;
};

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0 Char production, checked per code point.
const ALLOWED = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

export function parseXml(source: string): XmlElement {
  if (!ALLOWED.test(source)) throw new XmlError('document contains a character XML 1.0 does not allow');
  let at = 0;
  const fail = (message: string): never => {
    throw new XmlError(`${message} at offset ${at}: ${JSON.stringify(source.slice(at, at + 30))}`);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at + 4);
        if (end === -1) fail('unterminated comment');
        at = end + 3;
      } else return;
    }
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (match, body: string | undefined) => {
      if (body === undefined) return fail('raw & (not an entity reference)');
      if (body in ENTITIES) return ENTITIES[body]!;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (numeric === null) return fail(`unknown entity &${body};`);
      const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      const char = String.fromCodePoint(codePoint);
      if (!ALLOWED.test(char)) return fail(`character reference to a forbidden character &${body};`);
      return char;
    });
  const name = (): string => {
    const match = NAME.exec(source.slice(at));
    if (match === null) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const element = (): XmlElement => {
    if (source[at] !== '<') fail('expected <');
    at++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected whitespace before an attribute');
      const attribute = name();
      skipSpace();
      if (source[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted attribute value');
      const end = source.indexOf(quote, at + 1);
      if (end === -1) fail('unterminated attribute value');
      const raw = source.slice(at + 1, end);
      if (raw.includes('<')) fail('raw < in an attribute value');
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      attributes[attribute] = decode(raw);
      at = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (at >= source.length) fail(`unclosed <${tag}>`);
      if (source.startsWith('</', at)) {
        at += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected > after the closing tag name');
        at++;
        return { name: tag, attributes, children, text };
      }
      if (source.startsWith('<!--', at)) {
        skipMisc();
        continue;
      }
      if (source[at] === '<') {
        children.push(element());
        continue;
      }
      const next = source.indexOf('<', at);
      const raw = source.slice(at, next === -1 ? source.length : next);
      if (raw.includes(']]>')) fail(']]> in character data');
      text += decode(raw);
      at += raw.length;
    }
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end === -1) fail('unterminated XML declaration');
    at = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (at !== source.length) fail('content after the root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}
