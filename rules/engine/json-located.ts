/**
 * A strict JSON parser that remembers where each value starts, so that the pack validator can
 * point at the line and column of a mistake (JSON.parse only says "somewhere"). Values are plain
 * JavaScript values; positions are kept beside them in a WeakMap keyed by the containing object.
 */

export interface Position {
  /** 0-based offset of the value's first character. */
  offset: number;
  line: number;
  column: number;
}

/** Positions of the members of an object (by key) or an array (by index). */
export type Locations = WeakMap<object, Map<string | number, Position>>;

export class JsonSyntaxError extends Error {
  constructor(readonly position: Position, message: string) {
    super(message);
  }
}

export interface LocatedJson {
  value: unknown;
  root: Position;
  locations: Locations;
  text: string;
}

export function parseJsonLocated(text: string): LocatedJson {
  const p = new JsonParser(text);
  p.ws();
  const root = p.position(p.i);
  const value = p.value();
  p.ws();
  if (p.i < text.length) throw new JsonSyntaxError(p.position(p.i), 'unexpected text after the JSON value');
  return { value, root, locations: p.locations, text };
}

/** Where character `index` of a JSON string value lies in the file (the value starts at its quote). */
export function positionInString(text: string, stringStart: Position, index: number): Position {
  let i = stringStart.offset + 1;
  for (let k = 0; k < index && i < text.length; k++) {
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 6 : 2;
    else i += 1;
  }
  return { offset: i, line: stringStart.line, column: stringStart.column + (i - stringStart.offset) };
}

class JsonParser {
  i = 0;
  readonly locations: Locations = new WeakMap();
  private lineStarts: number[] = [0];

  constructor(private readonly s: string) {
    for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(this.position(this.i), message);
  }

  ws(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(): unknown {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === 't' && this.s.startsWith('true', this.i)) return (this.i += 4), true;
    if (c === 'f' && this.s.startsWith('false', this.i)) return (this.i += 5), false;
    if (c === 'n' && this.s.startsWith('null', this.i)) return (this.i += 4), null;
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 40));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    return this.fail(c === undefined ? 'unexpected end of file' : `unexpected "${c}"`);
  }

  private object(): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const locs = new Map<string | number, Position>();
    this.locations.set(obj, locs);
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return this.i++, obj;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a property name in double quotes');
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(obj, key)) this.fail(`duplicate property "${key}"`);
      this.ws();
      if (this.s[this.i] !== ':') this.fail('expected ":"');
      this.i++;
      this.ws();
      locs.set(key, this.position(this.i));
      obj[key] = this.value();
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === '}') return this.i++, obj;
      this.fail('expected "," or "}"');
    }
  }

  private array(): unknown[] {
    const arr: unknown[] = [];
    const locs = new Map<string | number, Position>();
    this.locations.set(arr, locs);
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return this.i++, arr;
    for (;;) {
      this.ws();
      locs.set(arr.length, this.position(this.i));
      arr.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') return this.i++, arr;
      this.fail('expected "," or "]"');
    }
  }

  private string(): string {
    const start = this.i;
    let end = start + 1;
    let hasEscape = false;
    for (;;) {
      const c = this.s.charCodeAt(end);
      if (Number.isNaN(c)) {
        this.i = start;
        this.fail('string is never closed');
      }
      if (c === 34) break;
      if (c === 92) {
        hasEscape = true;
        end += 2;
        continue;
      }
      if (c < 32) {
        this.i = end;
        this.fail('control character in string');
      }
      end++;
    }
    const raw = this.s.slice(start, end + 1);
    this.i = end + 1;
    if (!hasEscape) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      this.i = start;
      return this.fail('invalid escape in string');
    }
  }
}
