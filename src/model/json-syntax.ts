/**
 * Locates a JSON syntax error as line and column. JSON.parse's messages differ between engines
 * (Node 20 often gives no position at all), so a small scanner of our own finds the place.
 */

class SyntaxAt extends Error {
  constructor(
    readonly position: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

/** Describes the first JSON syntax error in text, with line and column (both from 1); undefined if the text is valid JSON. */
export function describeJsonSyntaxError(text: string): string | undefined {
  try {
    scan(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    const before = text.slice(0, error.position);
    const line = before.split('\n').length;
    const column = error.position - before.lastIndexOf('\n');
    const found = error.position >= text.length ? 'the end of the text' : JSON.stringify(text[error.position]);
    return `not valid JSON at line ${line}, column ${column}: ${error.expected}, found ${found}`;
  }
}

function scan(text: string): void {
  let i = 0;
  const fail = (expected: string, at = i): never => {
    throw new SyntaxAt(at, expected);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const word = (w: string) => {
    if (!text.startsWith(w, i)) fail('expected a value (an object, a list, a text in double quotes, a number, true, false or null)');
    i += w.length;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('expected the closing double quote of a text');
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') fail('expected no line break or control character inside a text (write \\n instead)');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('expected four hex digits after \\u', i + 2);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('expected a valid escape after a backslash (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)', i + 1);
      } else i++;
    }
  };
  const number = () => {
    const match = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
    match.lastIndex = i;
    const m = match.exec(text);
    if (!m || m[0] === '-') fail('expected a number');
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return list();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === 't') return word('true');
    if (c === 'f') return word('false');
    if (c === 'n') return word('null');
    fail('expected a value (an object, a list, a text in double quotes, a number, true, false or null)');
  };
  const object = () => {
    i++;
    space();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] === '}') fail("expected a field name in double quotes (JSON allows no comma before '}')");
      if (text[i] !== '"') fail('expected a field name in double quotes');
      string();
      space();
      if (text[i] !== ':') fail("expected ':' after the field name");
      i++;
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail("expected ',' or '}' after a field's value");
    }
  };
  const list = () => {
    i++;
    space();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text[i] === ']') fail("expected a value (JSON allows no comma before ']')");
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail("expected ',' or ']' after a list item");
    }
  };
  value();
  space();
  if (i < text.length) fail('expected the end of the text after the JSON value');
}
