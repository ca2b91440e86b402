import { describe, expect, it } from 'vitest';
import { compileFromDisk } from '../../../rules/node/load-packs';
import { decodeMatcher, decodeMatcherInSlices, encodeMatcher, scanMessage, type WireMatcher } from '../../../rules/engine';
import { decodeBase64, fromBase64, toBase64 } from '../../../rules/engine/wire';

describe('the matcher on the wire', () => {
  const { matcher } = compileFromDisk();
  // What a Chromium runtime message does to it.
  const travelled = JSON.parse(JSON.stringify(encodeMatcher(matcher))) as WireMatcher;

  it('decodes to the matcher that was encoded, field by field', () => {
    expect(decodeMatcher(travelled)).toEqual(matcher);
  });

  it('finds the same hits after the trip', () => {
    const decoded = decodeMatcher(travelled);
    for (const text of ["don't tell your mom we talk", 'send me a pic', 'add me on snap', 'nos vemos en el parque, no le digas a nadie', 'see you at practice']) {
      expect(scanMessage(decoded, text, 'incoming')).toEqual(scanMessage(matcher, text, 'incoming'));
    }
  });

  it('decodes in slices, pausing when the budget is spent', async () => {
    let clock = 0;
    let pauses = 0;
    const decoded = await decodeMatcherInSlices(travelled, {
      // Every look at the clock costs 1 ms of a 2 ms budget.
      now: () => clock++,
      pause: async () => {
        pauses++;
      },
      budgetMs: 2,
    });
    expect(pauses).toBeGreaterThan(5);
    expect(decoded).toEqual(matcher);
  });

  it('is about a third of the bytes it would be as plain base64', () => {
    // The message each chat page receives at start (docs/performance.md, "Start-up").
    expect(JSON.stringify(travelled).length).toBeLessThan(800_000);
  });

  it('sends each array in its shortest form, and gets it back exactly', () => {
    const INT32_MIN = -(2 ** 31);
    const INT32_MAX = 2 ** 31 - 1;
    const arrays = {
      growing: Int32Array.from({ length: 1000 }, (_, k) => k * 3 + (k % 2)),
      small: Int32Array.from({ length: 1000 }, (_, k) => ((k * 37) % 101) - 50),
      large: Int32Array.from({ length: 1000 }, (_, k) => Math.imul(k + 1, 2_654_435_761)),
      extremes: Int32Array.from([INT32_MIN, INT32_MAX, INT32_MIN, 0, -1, 1, INT32_MAX, 127, 128, -64, -65, 8191, 8192]),
      empty: new Int32Array(0),
      flags: Uint8Array.from({ length: 1001 }, (_, k) => (k % 3 === 0 ? 1 : 0)),
      bytes: Uint8Array.from({ length: 300 }, (_, k) => k & 255),
    };
    const wire = JSON.parse(JSON.stringify(encodeMatcher(arrays as never))) as WireMatcher;
    const forms = Object.fromEntries(Object.entries(wire.fields).map(([name, value]) => [name, Object.keys(value as object).sort().join(',')]));
    // Whatever form the extremes take, they must come back (below).
    expect({ ...forms, extremes: undefined }).toEqual({
      growing: 'count,steps,varint',
      small: 'count,steps,varint',
      large: 'i32',
      extremes: undefined,
      empty: 'i32',
      flags: 'bits,count',
      bytes: 'u8',
    });
    expect((wire.fields.growing as { steps: boolean }).steps).toBe(true);
    expect((wire.fields.small as { steps: boolean }).steps).toBe(false);
    expect(decodeMatcher(wire)).toEqual(arrays);
    // Steps between extremes need 33 bits; values past 32 bits must not wrap.
    const swings = Int32Array.from({ length: 64 }, (_, k) => (k % 2 === 0 ? INT32_MIN : INT32_MAX) - (k >> 1));
    const zeros = new Int32Array(100);
    zeros.set(swings.subarray(0, 4), 96);
    for (const array of [swings, zeros]) expect(decodeMatcher(JSON.parse(JSON.stringify(encodeMatcher({ array } as never))) as WireMatcher)).toEqual({ array });
  });

  it('round-trips bytes of every length through base64', () => {
    for (let size = 0; size < 40; size++) {
      const bytes = Uint8Array.from({ length: size }, (_, k) => (k * 97 + size) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(decodeBase64(toBase64(bytes))).toEqual(bytes);
    }
    const big = Int32Array.from({ length: 20_000 }, (_, k) => k * 7919 - 1_000_000);
    expect(new Int32Array(fromBase64(toBase64(big)).buffer)).toEqual(big);
    // Standard base64, as any decoder reads it.
    expect(toBase64(Uint8Array.from([104, 105, 33]))).toBe('aGkh');
    expect(toBase64(Uint8Array.from([104, 105]))).toBe('aGk=');
  });
});
