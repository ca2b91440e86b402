import { describe, expect, it } from 'vitest';
import { compileRules, compileRulesInSlices, scanMessage } from '../../../rules/engine';
import { loadPacksFromDisk } from '../../../rules/node/load-packs';

const { packs, lexicons } = loadPacksFromDisk();
const texts = packs.flatMap((p) => p.rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]));

describe('compileRulesInSlices', () => {
  it('builds the same matcher as compileRules, pausing whenever a slice runs over budget', async () => {
    let clock = 0;
    let pauses = 0;
    // Every step "takes" 1 ms, so a 5 ms budget must pause about once per five rules.
    const sliced = await compileRulesInSlices(packs, lexicons, {
      now: () => (clock += 1),
      pause: async () => void pauses++,
      budgetMs: 5,
    });
    const whole = compileRules(packs, lexicons);
    expect(sliced.errors).toEqual([]);
    expect(pauses).toBeGreaterThan(packs.reduce((n, p) => n + p.rules.length, 0) / 10);
    expect(sliced.matcher.stateCount).toBe(whole.matcher.stateCount);
    for (const text of texts) expect(scanMessage(sliced.matcher, text, 'unknown')).toEqual(scanMessage(whole.matcher, text, 'unknown'));
  });
});
