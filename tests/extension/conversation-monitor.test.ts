import { describe, expect, it } from 'vitest';
import { compileRules, type Pack } from '~/rules/engine';
import { ConversationMonitor, conversationId, MAX_CONVERSATIONS, RecentHashes } from '~/lib/conversation-monitor';
import { ConversationRisk } from '~/rules/risk';

// A small pack written for this test, compiled by the real engine: the monitor's behaviour
// should not change when the shipped packs are edited.
const pack = (category: string, id: string, severity: Pack['rules'][number]['severity'], pattern: string): Pack => ({
  name: `test/${category}.json`,
  language: 'en',
  category,
  rules: [
    {
      id: `${category}.${id}`,
      severity,
      direction: 'incoming',
      patterns: [pattern],
      except: [],
      examples: { match: [], noMatch: [] },
      source: 'test',
    },
  ],
});

const { matcher, errors } = compileRules(
  [
    pack('secrecy', 'dont-tell', 'high', '(dont | do not) tell [your] (mom | dad | parents)'),
    pack('threats', 'post-it', 'urgent', 'i will post (it | them)'),
    pack('flattery', 'pretty', 'low', 'so pretty'),
    pack('personal-questions', 'how-old', 'medium', 'how old are you'),
  ],
  [],
);

const incoming = (text: string) => ({ text, direction: 'incoming' as const });

describe('ConversationMonitor', () => {
  it('compiles the test rules', () => expect(errors).toEqual([]));

  it('scans part of a batch when asked to stop, and the rest from where it stopped', () => {
    const batch = [incoming('hi'), incoming('you are so pretty'), incoming('how old are you'), incoming("don't tell your mom")];
    const whole = new ConversationMonitor(matcher, 'chat.example', () => 5);
    const expected = whole.scan('c', batch);
    const parts = new ConversationMonitor(matcher, 'chat.example', () => 5);
    // Always asked to stop: one message per call, never none.
    const first = parts.scan('c', batch, { stop: () => true });
    expect(first.next).toBe(1);
    let last = first;
    while (last.next < batch.length) last = parts.scan('c', batch, { from: last.next, stop: () => true });
    expect(last.assessment).toEqual(expected.assessment);
    expect(expected.next).toBe(batch.length);
  });

  it('stays quiet for ordinary chat', () => {
    const monitor = new ConversationMonitor(matcher, 'localhost', () => 1);
    const result = monitor.scan('localhost/chat', [incoming('see you at practice'), incoming('lol ok')]);
    expect(result).toMatchObject({ alert: false, matched: false, reports: [] });
    expect(result.assessment.level).toBe('none');
  });

  it('returns the assessment and text-free reports when a strong sign appears', () => {
    const monitor = new ConversationMonitor(matcher, 'localhost', () => 42);
    const result = monitor.scan('localhost/chat', [incoming('hey'), incoming("don't tell your mom we talk")]);
    expect(result.alert).toBe(true);
    expect(result.assessment.level).toBe('warning');
    expect(result?.assessment.evidence[0]?.quote).toBe("don't tell your mom");
    expect(result?.reports).toEqual([
      { site: 'localhost', rule: 'secrecy.dont-tell', category: 'secrecy', level: 'warning', at: 42 },
    ]);
  });

  it('ignores a rule meant for the other person when the reader wrote it', () => {
    const monitor = new ConversationMonitor(matcher, 'localhost');
    expect(monitor.scan('localhost/chat', [{ text: "don't tell your mom", direction: 'outgoing' }]).alert).toBe(false);
  });

  it('keeps conversations apart', () => {
    const monitor = new ConversationMonitor(matcher, 'localhost');
    expect(monitor.scan('localhost/a', [incoming("don't tell your mom")])?.assessment.level).toBe('warning');
    const other = monitor.scan('localhost/b', [incoming('i will post it')]);
    expect(other?.assessment.level).toBe('urgent');
    expect(other?.assessment.evidence.map((e) => e.category)).toEqual(['threats']);
  });

  it(`forgets the oldest of more than ${MAX_CONVERSATIONS} conversations`, () => {
    const monitor = new ConversationMonitor(matcher, 'localhost');
    monitor.scan('c0', [incoming("don't tell your mom")]);
    for (let i = 1; i <= MAX_CONVERSATIONS; i++) monitor.scan(`c${i}`, [incoming('hi')]);
    // c0 was forgotten, so the same sign counts as new again.
    expect(monitor.scan('c0', [incoming("don't tell your dad")])?.assessment.evidence).toHaveLength(1);
  });

  it('identifies a conversation by host and path, not query or fragment', () => {
    expect(conversationId({ host: 'discord.com', pathname: '/channels/1/2' })).toBe('discord.com/channels/1/2');
  });

  it('adds the page\'s own conversation mark when it has one', () => {
    const doc = { querySelector: () => ({ getAttribute: () => 'thread-7' }) } as unknown as Document;
    expect(conversationId({ host: 'chat.example', pathname: '/app' }, doc)).toBe('chat.example/app#thread-7');
  });

  it('counts a message the page draws again (switching back to a conversation) once', () => {
    const monitor = new ConversationMonitor(matcher, 'localhost');
    monitor.scan('c', [incoming('you are so pretty'), incoming('how old are you')]);
    const again = monitor.scan('c', [incoming('you are so pretty'), incoming('how old are you')]);
    expect(again.matched).toBe(false);
    expect(again.assessment.evidence).toHaveLength(2);
  });

  it('restores a conversation from its text-free summary, including "not a concern" and snooze', () => {
    let now = 1_000;
    const monitor = new ConversationMonitor(matcher, 'localhost', () => now);
    monitor.scan('c', [incoming("don't tell your mom")]);
    monitor.markNotConcern('c');
    monitor.snooze('c', 5_000);
    const summary = monitor.summary('c')!;
    expect(JSON.stringify(summary)).not.toContain('tell your mom');

    const reopened = new ConversationMonitor(matcher, 'localhost', () => now);
    expect(reopened.has('c')).toBe(false);
    const restored = reopened.restore('c', summary);
    expect(restored).toMatchObject({ level: 'warning', notConcern: true, snoozed: true });
    expect(restored.evidence[0]).toMatchObject({ category: 'secrecy', quote: '' });
    // Weak signs stay quiet in a conversation marked "not a concern".
    expect(reopened.scan('c', [incoming('you are so pretty')]).alert).toBe(false);
    now = 6_000;
    expect(reopened.assessment('c')?.snoozed).toBe(false);
  });

  it('starts afresh from a summary it does not understand', () => {
    const monitor = new ConversationMonitor(matcher, 'localhost');
    const summary = { ...new ConversationRisk().summary(), version: 99 } as never;
    expect(monitor.restore('c', summary).level).toBe('none');
  });
});

describe('RecentHashes', () => {
  it('remembers the last hashes up to its capacity and forgets the oldest first', () => {
    const recent = new RecentHashes(3);
    for (const h of [1, 2, 3]) recent.add(h);
    expect([1, 2, 3].every((h) => recent.has(h))).toBe(true);
    recent.add(4);
    expect(recent.has(1)).toBe(false);
    expect([2, 3, 4].every((h) => recent.has(h))).toBe(true);
    for (const h of [5, 6, 7]) recent.add(h);
    expect([5, 6, 7].map((h) => recent.has(h))).toEqual([true, true, true]);
    expect([2, 3, 4].some((h) => recent.has(h))).toBe(false);
    expect(recent.size).toBe(3);
  });
});

describe('warmUp', () => {
  it('scans the normaliser samples, then texts made from the rules, in a monitor of its own', async () => {
    const { warmUp, WARM_UP_TEXTS } = await import('~/lib/warm-up');
    const { NORMALISER_SAMPLES } = await import('~/rules/engine');
    const { compileFromDisk } = await import('~/rules/node/load-packs');
    let pauses = 0;
    const scanned = await warmUp(compileFromDisk().matcher, async () => void pauses++);
    // Two parts, a task each.
    expect(pauses).toBe(1);
    expect(scanned).toBeGreaterThan(NORMALISER_SAMPLES.length);
    expect(scanned).toBeLessThanOrEqual(WARM_UP_TEXTS + NORMALISER_SAMPLES.length);
  });
});
