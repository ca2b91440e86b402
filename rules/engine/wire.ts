/**
 * A compiled matcher as plain JSON-safe data, so the background compiles the packs once and each
 * chat page only decodes the result. Compiling in the page cost 300-450 ms of its main thread at
 * every page load, with garbage collections of 15-60 ms that turned slices into long tasks
 * (docs/performance.md); decoding is a few string reads into typed arrays.
 *
 * Chromium passes extension messages as JSON, so typed arrays travel as base64 of their bytes (a
 * string crosses as one value; an array of numbers would be converted number by number, in one
 * piece, on the page's thread). Both ends run on the same machine, so the byte order is the same.
 */
import type { Matcher, Slicer } from './compile';

/** What a field of the matcher becomes on the wire. */
type WireValue =
  | number
  | string
  | boolean
  | null
  | { readonly i32: string }
  | { readonly u8: string }
  /** A Map of string -> Int32Array: keys, and the values one after the other (values[from[k]..from[k+1]-1]). */
  | { readonly keys: string[]; readonly from: { i32: string }; readonly values: { i32: string } }
  /** An array of Int32Array or undefined (the start table): `present` marks the defined ones. */
  | { readonly present: { u8: string }; readonly from: { i32: string }; readonly values: { i32: string } }
  | { readonly json: unknown };

export interface WireMatcher {
  /** Format version: a background and a content script of different versions never meet, but a test pins it. */
  readonly version: 1;
  readonly fields: Record<string, WireValue>;
}

export function encodeMatcher(matcher: Matcher): WireMatcher {
  const fields: Record<string, WireValue> = {};
  for (const [name, value] of Object.entries(matcher)) fields[name] = encodeValue(name, value);
  return { version: 1, fields };
}

/** decodeMatcher in slices of at most slicer.budgetMs (a large array is one step). */
export async function decodeMatcherInSlices(wire: WireMatcher, slicer: Slicer): Promise<Matcher> {
  const out: Record<string, unknown> = {};
  let sliceStart = slicer.now();
  for (const [name, value] of Object.entries(wire.fields)) {
    if (slicer.now() - sliceStart >= slicer.budgetMs) {
      await slicer.pause();
      sliceStart = slicer.now();
    }
    out[name] = decodeValue(name, value);
  }
  return out as unknown as Matcher;
}

export function decodeMatcher(wire: WireMatcher): Matcher {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(wire.fields)) out[name] = decodeValue(name, value);
  return out as unknown as Matcher;
}

function encodeValue(name: string, value: unknown): WireValue {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Int32Array) return { i32: toBase64(value) };
  if (value instanceof Uint8Array) return { u8: toBase64(value) };
  if (value instanceof Map) {
    const keys: string[] = [];
    const from = [0];
    const values: number[] = [];
    for (const [key, list] of value as Map<unknown, unknown>) {
      if (typeof key !== 'string' || !(list instanceof Int32Array)) throw new Error(`matcher field ${name}: only maps of string to Int32Array travel`);
      keys.push(key);
      for (let k = 0; k < list.length; k++) values.push(list[k]!);
      from.push(values.length);
    }
    return { keys, from: { i32: toBase64(Int32Array.from(from)) }, values: { i32: toBase64(Int32Array.from(values)) } };
  }
  if (Array.isArray(value) && value.some((v) => v === undefined || v instanceof Int32Array)) {
    const present = new Uint8Array(value.length);
    const from = [0];
    const values: number[] = [];
    value.forEach((list, k) => {
      if (list !== undefined && !(list instanceof Int32Array)) throw new Error(`matcher field ${name}: mixed array`);
      if (list) {
        present[k] = 1;
        for (let j = 0; j < list.length; j++) values.push(list[j]!);
      }
      from.push(values.length);
    });
    return { present: { u8: toBase64(present) }, from: { i32: toBase64(Int32Array.from(from)) }, values: { i32: toBase64(Int32Array.from(values)) } };
  }
  // Plain data (the rules' ids, categories, severities): JSON as it is.
  return { json: JSON.parse(JSON.stringify(value)) as unknown };
}

function decodeValue(name: string, value: WireValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('i32' in value) return new Int32Array(fromBase64(value.i32).buffer);
  if ('u8' in value) return fromBase64(value.u8);
  if ('keys' in value) {
    const from = new Int32Array(fromBase64(value.from.i32).buffer);
    const values = new Int32Array(fromBase64(value.values.i32).buffer);
    return new Map(value.keys.map((key, k) => [key, values.slice(from[k]!, from[k + 1]!)]));
  }
  if ('present' in value) {
    const present = fromBase64(value.present.u8);
    const from = new Int32Array(fromBase64(value.from.i32).buffer);
    const values = new Int32Array(fromBase64(value.values.i32).buffer);
    return Array.from(present, (has, k) => (has ? values.slice(from[k]!, from[k + 1]!) : undefined));
  }
  if ('json' in value) return value.json;
  throw new Error(`matcher field ${name}: unknown wire form`);
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

export function fromBase64(text: string): Uint8Array {
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
