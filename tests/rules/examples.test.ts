/**
 * Every rule's own examples: each `match` message yields a hit of that rule, each `noMatch` message
 * does not. Packs and lexicons are read from disk with the one parser, then compiled together.
 */
import { describe, expect, it } from 'vitest';
import { formatError, scanMessage, type Direction, type RuleSource } from '../../rules/engine';
import { compileFromDisk } from '../../rules/node/load-packs';

const { packs, errors, matcher } = compileFromDisk();
const rules: RuleSource[] = packs.flatMap((p) => p.rules);
const directionOf = (r: RuleSource): Direction => (r.direction === 'any' ? 'unknown' : r.direction);

describe('rule examples', () => {
  it('the packs load and compile without errors', () => {
    expect(errors.map(formatError)).toEqual([]);
    expect(rules.length).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s matches its examples', (_id, rule) => {
    const missed = rule.examples.match.filter((text) => !scanMessage(matcher, text, directionOf(rule)).some((h) => h.rule === rule.id));
    expect(missed, 'examples.match that did not match').toEqual([]);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s does not match its near misses', (_id, rule) => {
    const wrong = rule.examples.noMatch
      .map((text) => ({ text, hit: scanMessage(matcher, text, directionOf(rule)).find((h) => h.rule === rule.id) }))
      .filter((x) => x.hit)
      .map((x) => `${x.text} -> "${x.hit!.quote}"`);
    expect(wrong, 'examples.noMatch that matched').toEqual([]);
  });
});
