/**
 * Everyday chats guard: conversations written by the Heads Up team (tests/fixtures/everyday-chats.jsonl),
 * in English and Spanish. Benign ones are full of near misses (surprise parties, homework photos, game
 * trades, parents asking where their child is) and must never open the panel; grooming ones are short,
 * non-explicit sequences and must. Decided by scanConversation, exactly as `npm run scan` and the
 * extension decide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFromDisk } from '../../rules/node/load-packs';
import { scanConversation, type ConversationInput, type ConversationScanDetail } from '../../rules/scan/scan-conversation';

interface Fixture extends ConversationInput {
  source: string;
  label: 'benign' | 'grooming';
  lang: 'en' | 'es';
}

const FIXTURE = join(import.meta.dirname, '../fixtures/everyday-chats.jsonl');
const chats: Fixture[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Fixture);
const { matcher } = compileFromDisk();

/**
 * Benign conversations that do open the panel, and cannot be told apart from grooming by their words
 * without losing measured recall: a grandparent's pet name plus a compliment or a picture / video-call
 * request is the same evidence a groomer leaves. "Not a concern" is the extension's answer for
 * relatives. They are pinned here (they must still alert) so the list stays true: if a rule change makes
 * one quiet, move it back to the guarded set by deleting its entry.
 */
const KNOWN_FALSE_ALERTS: Record<string, string> = {
  'en-b-grandma-call': 'pet name ("sweetheart") + photo request + "you look beautiful" from a grandparent',
  'es-b-abuela-videollamada': 'pet name ("mi niña") + video-call invitation from a grandparent',
};

/** "message 4 (incoming): pictures.ask-pic, flattery.compliment" lines, for readable failures. */
function explain(scan: ConversationScanDetail): string {
  if (scan.hits.length === 0) return 'no rule fired';
  const byMessage = new Map<number, string[]>();
  for (const h of scan.hits) byMessage.set(h.message, [...(byMessage.get(h.message) ?? []), h.rule]);
  const lines = [...byMessage].map(([m, rules]) => `message ${m} (${scan.directions[m]}): ${rules.join(', ')}`);
  const first = scan.firstAlertAt === null ? 'never alerted' : `panel at message ${scan.firstAlertAt} on ${scan.firstAlertRules.join(', ')}`;
  return `${first}; level ${scan.level}\n  ${lines.join('\n  ')}`;
}

describe('everyday chats fixture', () => {
  it('is well formed: unique ids, our own source, a protected author who writes', () => {
    const ids = chats.map((c) => c.id);
    expect(new Set(ids).size, 'duplicate ids').toBe(ids.length);
    for (const c of chats) {
      expect(c.source, c.id).toBe('ours');
      expect(['benign', 'grooming'], c.id).toContain(c.label);
      expect(['en', 'es'], c.id).toContain(c.lang);
      expect(c.messages.some((m) => m.author === c.self), `${c.id}: "self" never writes`).toBe(true);
      if (c.label === 'benign') expect(c.messages.length, `${c.id}: benign chats have 6-20 messages`).toBeGreaterThanOrEqual(6);
      if (c.label === 'benign') expect(c.messages.length, `${c.id}: benign chats have 6-20 messages`).toBeLessThanOrEqual(20);
    }
    for (const id of Object.keys(KNOWN_FALSE_ALERTS)) expect(ids, `known false alert ${id} is not in the fixture`).toContain(id);
  });

  it.each(['en', 'es'] as const)('has at least 15 guarded benign and 6 grooming conversations in %s', (lang) => {
    const benign = chats.filter((c) => c.lang === lang && c.label === 'benign' && !(c.id in KNOWN_FALSE_ALERTS));
    const grooming = chats.filter((c) => c.lang === lang && c.label === 'grooming');
    expect(benign.length, `${lang} benign conversations`).toBeGreaterThanOrEqual(15);
    expect(grooming.length, `${lang} grooming conversations`).toBeGreaterThanOrEqual(6);
  });
});

describe('everyday chats: benign conversations never open the panel', () => {
  const benign = chats.filter((c) => c.label === 'benign' && !(c.id in KNOWN_FALSE_ALERTS));
  it.each(benign.map((c) => [c.id, c] as const))('%s', (id, conv) => {
    const scan = scanConversation(matcher, conv);
    expect(scan.alert, `benign ${id} alerted: ${explain(scan)}`).toBe(false);
  });
});

describe('everyday chats: grooming conversations open the panel', () => {
  const grooming = chats.filter((c) => c.label === 'grooming');
  it.each(grooming.map((c) => [c.id, c] as const))('%s', (id, conv) => {
    const scan = scanConversation(matcher, conv);
    expect(scan.alert, `grooming ${id} did not alert: ${explain(scan)}`).toBe(true);
  });
});

describe('everyday chats: known false alerts still alert (delete the entry when one goes quiet)', () => {
  it.each(Object.entries(KNOWN_FALSE_ALERTS))('%s: %s', (id) => {
    const conv = chats.find((c) => c.id === id)!;
    const scan = scanConversation(matcher, conv);
    expect(scan.alert, `${id} no longer alerts: remove it from KNOWN_FALSE_ALERTS so it is guarded again (${explain(scan)})`).toBe(true);
  });
});
