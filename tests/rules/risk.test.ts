import { describe, expect, it } from 'vitest';
import type { Hit, Severity } from '../../rules/engine';
import { ConversationRisk, FADE_AFTER_MESSAGES, levelFor, opensPanel } from '../../rules/risk';
import { furthestStage, stageOf, CATEGORIES } from '../../rules/categories';

const hit = (category: string, severity: Severity, quote = 'words'): Hit => ({ rule: `${category}.r`, category, severity, start: 0, end: quote.length, quote });

describe('ConversationRisk', () => {
  it('does not alert on a single weak signal', () => {
    const risk = new ConversationRisk();
    const a = risk.add([hit('flattery', 'low')], 'incoming', 1);
    expect(a.level).toBe('notice');
    expect(opensPanel(a)).toBe(false);
  });

  it('adds weak signals of different kinds into a warning, naming each', () => {
    const risk = new ConversationRisk();
    risk.add([hit('flattery', 'low', 'so sweet')], 'incoming', 1);
    risk.add([], 'incoming', 2);
    const mid = risk.add([hit('supervision', 'medium', 'parents home')], 'incoming', 3);
    expect(mid.level).toBe('notice');
    const a = risk.add([hit('platform-move', 'medium', 'lets move to snap')], 'incoming', 4);
    expect(a.level).toBe('warning');
    expect(opensPanel(a)).toBe(true);
    expect(a.evidence.map((e) => e.quote)).toEqual(['lets move to snap', 'parents home', 'so sweet']);
    expect(a.stage).toBe('exclusivity');
  });

  it('lets low signals top up a warning, never carry one', () => {
    const small = new ConversationRisk();
    small.add([hit('flattery', 'medium', 'so pretty')], 'incoming', 1);
    small.add([hit('personal-questions', 'low', 'asl')], 'incoming', 2);
    expect(small.add([hit('platform-move', 'low', 'add me on snap')], 'incoming', 3).level).toBe('notice');
    // The other person coming back to the medium category makes it 3 points: now one low tips it.
    expect(small.add([hit('flattery', 'medium', 'so cute')], 'incoming', 4).level).toBe('warning');
    const two = new ConversationRisk();
    two.add([hit('flattery', 'medium')], 'incoming', 1);
    expect(two.add([hit('supervision', 'medium')], 'incoming', 2).level).toBe('warning');
    // Four different low signals are still only a notice.
    const lows = new ConversationRisk();
    for (const [k, c] of ['flattery', 'romance', 'personal-questions', 'platform-move'].entries()) lows.add([hit(c, 'low')], 'incoming', k);
    expect(lows.current).toBe('notice');
  });

  it('counts talk about the young person’s age as context for photo and sexual talk', () => {
    const risk = new ConversationRisk();
    risk.add([hit('pictures', 'medium')], 'incoming', 1);
    expect(risk.add([hit('sexual-talk', 'medium')], 'incoming', 2).level).toBe('notice');
    expect(risk.add([hit('age', 'medium', 'so mature for your age')], 'incoming', 3).level).toBe('warning');
  });

  it('keeps the hits of one message in reading order, newest message first', () => {
    const risk = new ConversationRisk();
    risk.add([hit('flattery', 'low', 'so mature')], 'incoming', 1);
    const a = risk.add([hit('secrecy', 'high', 'dont tell your mom'), hit('secrecy', 'high', 'our secret')], 'incoming', 2);
    expect(a.evidence.map((e) => e.quote)).toEqual(['dont tell your mom', 'our secret', 'so mature']);
  });

  it('counts the strongest signal per category once', () => {
    const risk = new ConversationRisk();
    for (let k = 0; k < 5; k++) risk.add([hit('flattery', 'low')], 'incoming', k);
    expect(risk.current).toBe('notice');
  });

  it('never warns on one medium category, however often the other person repeats it', () => {
    const risk = new ConversationRisk();
    for (let k = 0; k < 10; k++) risk.add([hit('flattery', 'medium')], 'incoming', k);
    expect(risk.current).toBe('notice');
  });

  it('counts photo requests and sexual talk once unless the conversation shows a young person’s context', () => {
    const adults = new ConversationRisk();
    adults.add([hit('pictures', 'medium')], 'incoming', 1);
    expect(adults.add([hit('sexual-talk', 'medium')], 'incoming', 2).level).toBe('notice');
    const a = adults.add([hit('supervision', 'medium', 'are your parents home')], 'incoming', 3);
    expect([a.level, opensPanel(a)]).toEqual(['warning', true]);
    const own = new ConversationRisk();
    own.add([hit('disclosure', 'medium', 'im 13')], 'outgoing', 1);
    own.add([hit('pictures', 'medium')], 'incoming', 2);
    expect(own.add([hit('sexual-talk', 'medium')], 'incoming', 3).level).toBe('warning');
    expect(new ConversationRisk().add([hit('pictures', 'high')], 'incoming', 1).level).toBe('warning');
    const weakContext = new ConversationRisk();
    weakContext.add([hit('personal-questions', 'low', 'asl')], 'incoming', 1);
    weakContext.add([hit('pictures', 'medium')], 'incoming', 2);
    expect(weakContext.add([hit('sexual-talk', 'low')], 'incoming', 3).level).toBe('notice');
  });

  it('alerts at once on strong signals and says urgent only for urgent rules', () => {
    const strong = new ConversationRisk().add([hit('secrecy', 'high')], 'incoming', 1);
    expect([strong.level, opensPanel(strong)]).toEqual(['warning', true]);
    const two = new ConversationRisk();
    two.add([hit('secrecy', 'high')], 'incoming', 1);
    expect(two.add([hit('pictures', 'high')], 'incoming', 2).level).toBe('warning');
    expect(new ConversationRisk().add([hit('threats', 'urgent')], 'incoming', 1).level).toBe('urgent');
  });

  it("counts the reader's own messages at a share", () => {
    expect(new ConversationRisk().add([hit('disclosure', 'high')], 'outgoing', 1).level).toBe('notice');
  });

  it('lets signals fade after many messages', () => {
    const risk = new ConversationRisk();
    risk.add([hit('supervision', 'medium')], 'incoming', 0);
    for (let k = 1; k <= FADE_AFTER_MESSAGES; k++) risk.add([], 'incoming', k);
    expect(risk.current).toBe('none');
    expect(risk.add([hit('flattery', 'medium')], 'incoming', 1e6).level).toBe('notice');
  });

  it('refreshes the panel for new strong evidence, not for silence', () => {
    const risk = new ConversationRisk();
    risk.add([hit('secrecy', 'high')], 'incoming', 1);
    expect(opensPanel(risk.add([], 'incoming', 2))).toBe(false);
    expect(opensPanel(risk.add([hit('pictures', 'high')], 'incoming', 3))).toBe(true);
  });

  it('"not a concern" quiets weak signals but never strong or urgent ones', () => {
    const risk = new ConversationRisk();
    risk.add([hit('flattery', 'medium')], 'incoming', 1);
    risk.add([hit('supervision', 'medium')], 'incoming', 2);
    expect(risk.current).toBe('warning');
    const quiet = risk.markNotConcern();
    expect([quiet.level, quiet.notConcern]).toEqual(['none', true]);
    expect(opensPanel(risk.add([hit('gifts', 'medium')], 'incoming', 3))).toBe(false);
    const strong = risk.add([hit('secrecy', 'high')], 'incoming', 4);
    expect([strong.level, opensPanel(strong)]).toEqual(['warning', true]);
    expect(risk.add([hit('threats', 'urgent')], 'incoming', 5).level).toBe('urgent');
  });

  it('snooze holds warnings until it ends, never urgent ones', () => {
    const risk = new ConversationRisk();
    risk.snooze(100, 0);
    const held = risk.add([hit('secrecy', 'high')], 'incoming', 10);
    expect([held.level, held.snoozed, opensPanel(held)]).toEqual(['warning', true, false]);
    expect(opensPanel(risk.add([hit('threats', 'urgent')], 'incoming', 20))).toBe(true);
    expect(opensPanel(risk.add([hit('pictures', 'high')], 'incoming', 200))).toBe(true);
  });

  it('tells whether a snooze still holds at a later time', () => {
    const risk = new ConversationRisk();
    risk.add([hit('secrecy', 'high')], 'incoming', 0);
    risk.snooze(100, 10);
    expect(risk.assessmentAt(50).snoozed).toBe(true);
    expect(risk.assessmentAt(150).snoozed).toBe(false);
    const restored = ConversationRisk.fromSummary(risk.summary());
    expect(restored.assessmentAt(50).snoozed).toBe(true);
  });

  it('round-trips through a summary without any text', () => {
    const risk = new ConversationRisk();
    risk.add([hit('secrecy', 'high', 'dont tell your mom')], 'incoming', 1);
    risk.markNotConcern();
    const summary = risk.summary();
    expect(JSON.stringify(summary)).not.toContain('dont tell');
    const back = ConversationRisk.fromSummary(JSON.parse(JSON.stringify(summary)));
    expect(back.current).toBe('warning');
    const a = back.add([], 'incoming', 2);
    expect(a.notConcern).toBe(true);
    expect(a.evidence[0]).toMatchObject({ category: 'secrecy', quote: '' });
    expect(back.summary().messages).toBe(2);
  });

  it('levelFor is none without evidence', () => {
    expect(levelFor([])).toBe('none');
  });
});

describe('categories', () => {
  it('gives every category a stage and orders stages', () => {
    expect(CATEGORIES).toHaveLength(17);
    expect(stageOf('threats')).toBe('coercion');
    expect(stageOf('age')).toBe('risk-check');
    expect(stageOf('romance')).toBe('trust');
    expect(stageOf('my-own')).toBe('trust');
    expect(furthestStage(['flattery', 'pictures', 'disclosure'])).toBe('escalation');
    expect(furthestStage(['disclosure'])).toBeUndefined();
  });
});
