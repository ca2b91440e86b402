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
import type { Matcher } from './compile';
import { runAll, runInSlices, type Slicer } from './slices';

/** Lists of int32 one after the other: list k is values[from[k] .. from[k+1]-1]. */
interface WireLists {
  readonly from: { i32: string };
  readonly values: { i32: string };
}

/** What a field of the matcher becomes on the wire. */
type WireValue =
  | number
  | string
  | boolean
  | null
  | { readonly i32: string }
  | { readonly u8: string }
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

function* decodeSteps(wire: WireMatcher): Generator<void, Matcher> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(wire.fields)) {
    out[name] = decodeValue(name, value);
    yield;
  }
  return out as unknown as Matcher;
}

function encodeValue(name: string, value: unknown): WireValue {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Int32Array) return { i32: toBase64(value) };
  if (value instanceof Uint8Array) return { u8: toBase64(value) };
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
  if ('i32' in value) return new Int32Array(fromBase64(value.i32).buffer);
  if ('u8' in value) return fromBase64(value.u8);
  if ('keys' in value) {
    const lists = decodeLists(value);
    return new Map(value.keys.map((key, k) => [key, lists(k)]));
  }
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
  return { from: { i32: toBase64(from) }, values: { i32: toBase64(values) } };
}

/** List k of encodeLists' output, as an Int32Array of its own. */
function decodeLists(wire: WireLists): (k: number) => Int32Array {
  const from = new Int32Array(fromBase64(wire.from.i32).buffer);
  const values = new Int32Array(fromBase64(wire.values.i32).buffer);
  return (k) => values.slice(from[k]!, from[k + 1]!);
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
