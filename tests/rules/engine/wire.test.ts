import { describe, expect, it } from 'vitest';
import { compileRuleSet, shippedRules } from '../../../rules/bundled';
import { decodeMatcher, decodeMatcherInSlices, encodeMatcher, scanMessage, type WireMatcher } from '../../../rules/engine';
import { fromBase64, toBase64 } from '../../../rules/engine/wire';

describe('the matcher on the wire', () => {
  const matcher = compileRuleSet(shippedRules());
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

  it('round-trips bytes of every length through base64', () => {
    for (let size = 0; size < 40; size++) {
      const bytes = Uint8Array.from({ length: size }, (_, k) => (k * 97 + size) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    const big = Int32Array.from({ length: 20_000 }, (_, k) => k * 7919 - 1_000_000);
    expect(new Int32Array(fromBase64(toBase64(big)).buffer)).toEqual(big);
    // Standard base64, as any decoder reads it.
    expect(toBase64(Uint8Array.from([104, 105, 33]))).toBe('aGkh');
    expect(toBase64(Uint8Array.from([104, 105]))).toBe('aGk=');
  });
});
