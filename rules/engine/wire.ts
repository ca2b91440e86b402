/**
 * A compiled matcher as plain JSON-safe data, so the build compiles the packs once (the package
 * holds the result, rules/shipped-matcher.ts) and each chat page only decodes it. Compiling in the
 * page cost 300-450 ms of its main thread at every page load, with garbage collections of 15-60 ms
 * that turned slices into long tasks (docs/performance.md); decoding is a few string reads into
 * typed arrays.
 *
 * Chromium passes extension messages as JSON, so typed arrays travel as base64 of their bytes (a
 * string crosses as one value; an array of numbers would be converted number by number, in one
 * piece, on the page's thread). Both ends run on the same machine, so the byte order is the same.
 * Most of the numbers are small (offsets that grow by a few per state, state numbers close to
 * their neighbours), so an Int32Array travels as variable-length numbers when that is shorter,
 * of its values or of the steps between them, and a 0/1 table as bits: the message a page receives
 * went from 2.0 to about 0.7 MB, and a 2 MB message cost a page 170-200 ms to arrive and about
 * 30 ms of its main thread (Chromium, docs/performance.md, "Start-up").
 */
import type { Matcher } from './compile';
import { runAll, runInSlices, type Slicer } from './slices';

/**
 * An Int32Array on the wire: its bytes; or `count` zigzag LEB128 numbers (7 bits a byte, the
 * sign folded into the lowest bit), of its values or, with `steps`, of each value minus the one
 * before it.
 */
type WireInt32 = { readonly i32: string } | { readonly varint: string; readonly count: number; readonly steps: boolean };

/** Lists of int32 one after the other: list k is values[from[k] .. from[k+1]-1]. */
interface WireLists {
  readonly from: WireInt32;
  readonly values: WireInt32;
}

/** What a field of the matcher becomes on the wire. */
type WireValue =
  | number
  | string
  | boolean
  | null
  | WireInt32
  | { readonly u8: string }
  /** A Uint8Array of only 0 and 1, eight to a byte. */
  | { readonly bits: string; readonly count: number }
  /** A Map of string -> Int32Array: its keys, and its values as lists. */
  | (WireLists & { readonly keys: string[] })
  /** An array of Int32Array or undefined (the start table): `present` marks the defined ones. */
  | (WireLists & { readonly present: { u8: string } })
  | { readonly json: unknown };

/** Both ends ship in one extension package, so the format needs no version. */
export interface WireMatcher {
  readonly fields: Record<string, WireValue>;
}

export function encodeMatcher(matcher: Matcher): WireMatcher {
  const fields: Record<string, WireValue> = {};
  for (const [name, value] of Object.entries(matcher)) fields[name] = encodeValue(name, value);
  return { fields };
}

export function decodeMatcher(wire: WireMatcher): Matcher {
  return runAll(decodeSteps(wire));
}

/** decodeMatcher in slices of at most slicer.budgetMs (a field is one step). */
export function decodeMatcherInSlices(wire: WireMatcher, slicer: Slicer): Promise<Matcher> {
  return runInSlices(decodeSteps(wire), slicer);
}

/** Map entries built between two pauses: the word table alone took 8-24 ms in a page. */
const KEYS_PER_STEP = 500;

function* decodeSteps(wire: WireMatcher): Generator<void, Matcher> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(wire.fields)) {
    if (value !== null && typeof value === 'object' && 'keys' in value) {
      const lists = decodeLists(value);
      const map = new Map<string, Int32Array>();
      for (let k = 0; k < value.keys.length; k++) {
        map.set(value.keys[k]!, lists(k));
        if ((k + 1) % KEYS_PER_STEP === 0) yield;
      }
      out[name] = map;
    } else out[name] = decodeValue(name, value);
    yield;
  }
  return out as unknown as Matcher;
}

function encodeValue(name: string, value: unknown): WireValue {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Int32Array) return encodeInt32(value);
  if (value instanceof Uint8Array) return value.every((v) => v <= 1) ? { bits: toBase64(packBits(value)), count: value.length } : { u8: toBase64(value) };
  if (value instanceof Map) {
    for (const [key, list] of value as Map<unknown, unknown>) {
      if (typeof key !== 'string' || !(list instanceof Int32Array)) throw new Error(`matcher field ${name}: only maps of string to Int32Array travel`);
    }
    const map = value as Map<string, Int32Array>;
    return { keys: [...map.keys()], ...encodeLists([...map.values()]) };
  }
  if (Array.isArray(value) && value.some((v) => v === undefined || v instanceof Int32Array)) {
    if (!value.every((v) => v === undefined || v instanceof Int32Array)) throw new Error(`matcher field ${name}: mixed array`);
    const lists = value as (Int32Array | undefined)[];
    return { present: { u8: toBase64(Uint8Array.from(lists, (list) => (list ? 1 : 0))) }, ...encodeLists(lists) };
  }
  // Plain data (the rules' ids, categories, severities): JSON as it is.
  return { json: JSON.parse(JSON.stringify(value)) as unknown };
}

function decodeValue(name: string, value: WireValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('i32' in value || 'varint' in value) return decodeInt32(value);
  if ('u8' in value) return fromBase64(value.u8);
  if ('bits' in value) return unpackBits(fromBase64(value.bits), value.count);
  if ('present' in value) {
    const lists = decodeLists(value);
    return Array.from(fromBase64(value.present.u8), (has, k) => (has ? lists(k) : undefined));
  }
  if ('json' in value) return value.json;
  throw new Error(`matcher field ${name}: unknown wire form`);
}

/** Lists (undefined counts as empty) one after the other. */
function encodeLists(lists: readonly (Int32Array | undefined)[]): WireLists {
  const from = new Int32Array(lists.length + 1);
  lists.forEach((list, k) => (from[k + 1] = from[k]! + (list?.length ?? 0)));
  const values = new Int32Array(from[lists.length]!);
  lists.forEach((list, k) => list && values.set(list, from[k]!));
  return { from: encodeInt32(from), values: encodeInt32(values) };
}

/** List k of encodeLists' output: a view of the values (the matcher's arrays are only read). */
function decodeLists(wire: WireLists): (k: number) => Int32Array {
  const from = decodeInt32(wire.from);
  const values = decodeInt32(wire.values);
  return (k) => values.subarray(from[k]!, from[k + 1]!);
}

/** The shortest of the three forms. */
function encodeInt32(array: Int32Array): WireInt32 {
  const values = toVarints(array, false);
  const steps = toVarints(array, true);
  const shorter = steps.length < values.length ? steps : values;
  if (shorter.length >= array.byteLength) return { i32: toBase64(array) };
  return { varint: toBase64(shorter), count: array.length, steps: shorter === steps };
}

function decodeInt32(wire: WireInt32): Int32Array {
  if ('i32' in wire) return new Int32Array(fromBase64(wire.i32).buffer);
  const bytes = fromBase64(wire.varint);
  const out = new Int32Array(wire.count);
  const steps = wire.steps;
  let at = 0;
  let previous = 0;
  for (let k = 0; k < out.length; k++) {
    // Numbers of up to four bytes (28 bits, nearly all of them) in small-integer arithmetic.
    let byte = bytes[at++]!;
    let folded = byte & 127;
    let shift = 7;
    while (byte >= 128 && shift < 28) {
      byte = bytes[at++]!;
      folded |= (byte & 127) << shift;
      shift += 7;
    }
    let value: number;
    if (byte < 128) {
      // Unfold the sign: 0, 1, 2, 3 ... were 0, -1, 1, -2 ...
      value = (folded >>> 1) ^ -(folded & 1);
    } else {
      // A fifth byte: past 32 bits (a step between far-apart values), in plain arithmetic.
      byte = bytes[at++]!;
      const wide = folded + byte * 2 ** 28;
      value = wide % 2 === 0 ? wide / 2 : -(wide + 1) / 2;
    }
    out[k] = steps ? (previous += value) : value;
  }
  return out;
}

/** Zigzag LEB128 of each value (or of each step from the one before): small numbers take a byte. */
function toVarints(array: Int32Array, steps: boolean): Uint8Array {
  const bytes: number[] = [];
  let previous = 0;
  for (let k = 0; k < array.length; k++) {
    // Steps between int32 values can need 33 bits: plain arithmetic, no 32-bit operators.
    const value = steps ? array[k]! - previous : array[k]!;
    previous = array[k]!;
    let folded = value >= 0 ? value * 2 : -value * 2 - 1;
    while (folded >= 128) {
      bytes.push((folded % 128) + 128);
      folded = Math.floor(folded / 128);
    }
    bytes.push(folded);
  }
  return Uint8Array.from(bytes);
}

function packBits(values: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(values.length / 8));
  for (let k = 0; k < values.length; k++) if (values[k] === 1) bytes[k >> 3]! |= 1 << (k & 7);
  return bytes;
}

function unpackBits(bytes: Uint8Array, count: number): Uint8Array {
  const values = new Uint8Array(count);
  for (let k = 0; k < count; k++) values[k] = (bytes[k >> 3]! >> (k & 7)) & 1;
  return values;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128);
for (let k = 0; k < ALPHABET.length; k++) DECODE[ALPHABET.charCodeAt(k)] = k;

/** Base64 of an array's bytes (our own: btoa is not in every place the engine runs, and wants a binary string). */
export function toBase64(array: Int32Array | Uint8Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const parts: string[] = [];
  // Chunks of 3 * 4096 bytes: String.fromCharCode takes its characters as arguments.
  for (let start = 0; start < bytes.length; start += 12_288) {
    const end = Math.min(bytes.length, start + 12_288);
    const codes: number[] = [];
    for (let k = start; k < end; k += 3) {
      const a = bytes[k]!;
      const b = k + 1 < end ? bytes[k + 1]! : 0;
      const c = k + 2 < end ? bytes[k + 2]! : 0;
      codes.push(ALPHABET.charCodeAt(a >> 2), ALPHABET.charCodeAt(((a & 3) << 4) | (b >> 4)));
      codes.push(k + 1 < end ? ALPHABET.charCodeAt(((b & 15) << 2) | (c >> 6)) : 61, k + 2 < end ? ALPHABET.charCodeAt(c & 63) : 61);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The built-in decoder where there is one (Chromium, Firefox; not Node 20): native, several times faster. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64?.bind(Uint8Array);

export function fromBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(text);
  return decodeBase64(text);
}

/** Our own decoder, for where the built-in one is missing. */
export function decodeBase64(text: string): Uint8Array {
  let size = (text.length / 4) * 3;
  if (text.endsWith('==')) size -= 2;
  else if (text.endsWith('=')) size -= 1;
  const bytes = new Uint8Array(size);
  let out = 0;
  for (let k = 0; k < text.length; k += 4) {
    const a = DECODE[text.charCodeAt(k)]!;
    const b = DECODE[text.charCodeAt(k + 1)]!;
    const c = DECODE[text.charCodeAt(k + 2)]!;
    const d = DECODE[text.charCodeAt(k + 3)]!;
    bytes[out++] = (a << 2) | (b >> 4);
    if (out < size) bytes[out++] = ((b & 15) << 4) | (c >> 2);
    if (out < size) bytes[out++] = ((c & 3) << 6) | d;
  }
  return bytes;
}
