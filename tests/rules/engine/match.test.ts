import { describe, expect, it } from 'vitest';
import { compileRules, formatError, scanMessage, type Direction, type LexiconFile, type Pack, type RuleSource } from '../../../rules/engine';

const lexicons: LexiconFile = {
  name: 'en/lexicons.json',
  language: 'en',
  lexicons: {
    adult: ['teacher', 'coach', '{parent}'],
    parent: ['mom', 'mum', 'dad', 'parents', 'step (mom | dad)'],
    pic: ['pic', 'pics', 'photo*', 'selfie'],
    you: ['you', 'u', 'ya'],
  },
};

function rule(id: string, patterns: string[], over: Partial<RuleSource> = {}): RuleSource {
  return { id: `test.${id}`, severity: 'high', direction: 'any', patterns, except: [], examples: { match: ['x'], noMatch: ['y'] }, source: 'test', ...over };
}

function matcherOf(rules: RuleSource[], lex: LexiconFile[] = [lexicons]) {
  const pack: Pack = { name: 'en/test.json', language: 'en', category: 'test', rules };
  const { matcher, errors } = compileRules([pack], lex);
  expect(errors.map(formatError)).toEqual([]);
  return matcher;
}

const ids = (m: ReturnType<typeof matcherOf>, text: string, dir: Direction = 'unknown') => scanMessage(m, text, dir).map((h) => h.rule.slice(5));

describe('compile and match', () => {
  it('matches word sequences anywhere in a message, as whole words', () => {
    const m = matcherOf([rule('secret', ['our little secret'])]);
    expect(ids(m, 'this is OUR little SECRET ok')).toEqual(['secret']);
    expect(ids(m, 'our big secret')).toEqual([]);
    expect(ids(m, 'hour little secretary')).toEqual([]);
  });

  it('handles alternatives and optional parts', () => {
    const m = matcherOf([rule('tell', ['(dont | do not | never) [ever] tell {parent}'])]);
    expect(ids(m, 'do not tell mom')).toEqual(['tell']);
    expect(ids(m, 'never ever tell dad')).toEqual(['tell']);
    expect(ids(m, 'dont tell')).toEqual([]);
    expect(ids(m, 'do tell mom')).toEqual([]);
  });

  it('expands lexicons, nested lexicons and multi-word entries', () => {
    const m = matcherOf([rule('adult', ['tell [your | ur] {adult}']), rule('pic', ['send {pic}'])]);
    expect(ids(m, 'tell your step dad')).toEqual(['adult']);
    expect(ids(m, 'tell coach')).toEqual(['adult']);
    expect(ids(m, 'send photographs')).toEqual(['pic']);
    expect(ids(m, 'send selfie')).toEqual(['pic']);
    expect(ids(m, 'send phone')).toEqual([]);
  });

  it('bounds gaps', () => {
    const m = matcherOf([rule('gap', ['send ~2 {pic}'])]);
    expect(ids(m, 'send pic')).toEqual(['gap']);
    expect(ids(m, 'send me a pic')).toEqual(['gap']);
    expect(ids(m, 'send me a cute pic')).toEqual([]);
  });

  it('matches numbers with #', () => {
    const m = matcherOf([rule('age', ['im # [years old]'])]);
    expect(ids(m, "i'm 13")).toEqual(['age']);
    expect(ids(m, 'im 13yo')).toEqual(['age']);
    expect(ids(m, 'im here')).toEqual([]);
  });

  it('matches through normalisation (evasions)', () => {
    const m = matcherOf([rule('tell', ['dont tell {parent}']), rule('pic', ['send [me] a {pic}'])]);
    expect(ids(m, 'D0N’T t3ll ur... no wait, dont tell MOOOM')).toEqual(['tell']);
    expect(ids(m, 's e n d me a p.i.c')).toEqual(['pic']);
    expect(ids(m, 'ѕеnd me a 𝓹𝓲𝓬')).toEqual(['pic']);
    expect(ids(m, 'se\u200Bnd me a pic')).toEqual(['pic']);
  });

  it('quotes the original words of the match', () => {
    const m = matcherOf([rule('tell', ['dont tell {parent}'])]);
    const text = 'hey 😊 D0N’T  tell ur mom... I mean dont tell 𝓶𝓸𝓶!!';
    const [hit] = scanMessage(m, text, 'incoming');
    expect(hit).toMatchObject({ rule: 'test.tell', category: 'test', severity: 'high', quote: 'dont tell 𝓶𝓸𝓶' });
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.quote);
  });

  it('prefers the shortest recent match for the quote', () => {
    const m = matcherOf([rule('gap', ['send ~3 {pic}'])]);
    expect(scanMessage(m, 'send send send pic', 'unknown')[0]!.quote).toBe('send pic');
  });

  it('respects direction', () => {
    const m = matcherOf([
      rule('in', ['our secret'], { direction: 'incoming' }),
      rule('out', ['our secret'], { direction: 'outgoing' }),
      rule('any', ['our secret'], { direction: 'any' }),
    ]);
    expect(ids(m, 'our secret', 'incoming')).toEqual(['in', 'any']);
    expect(ids(m, 'our secret', 'outgoing')).toEqual(['out', 'any']);
    expect(ids(m, 'our secret', 'unknown')).toEqual(['in', 'out', 'any']);
  });

  it('cancels a match that an exception overlaps, not one elsewhere in the message', () => {
    const m = matcherOf([rule('tell', ['dont tell {parent}'], { except: ['dont tell {parent} about ~3 (party | present | gift)'] })]);
    expect(ids(m, 'dont tell mom about the surprise party')).toEqual([]);
    expect(ids(m, 'dont tell mom about us')).toEqual(['tell']);
    expect(ids(m, 'dont tell mom about her gift. and dont tell dad we talk')).toEqual(['tell']);
    expect(scanMessage(m, 'dont tell mom about her gift. and dont tell dad we talk', 'unknown')[0]!.quote).toBe('dont tell dad');
  });

  it('reports one hit per rule and several rules per message', () => {
    const m = matcherOf([rule('a', ['secret']), rule('b', ['our secret'])]);
    expect(ids(m, 'secret secret our secret')).toEqual(['a', 'b']);
  });

  it('reports unknown and self-referring lexicons with positions', () => {
    const pack: Pack = { name: 'en/test.json', language: 'en', category: 'test', rules: [rule('x', ['send {pics}'])] };
    const r = compileRules([pack], [lexicons]);
    expect(r.errors.map(formatError)).toEqual(['en/test.json:1:6: rule test.x: unknown lexicon {pics} for language "en" in pattern "send {pics}"']);
    const loop: LexiconFile = { name: 'l', language: 'en', lexicons: { a: ['x {b}'], b: ['y {a}'] } };
    const r2 = compileRules([{ ...pack, rules: [rule('x', ['go {a}'])] }], [loop]);
    expect(r2.errors[0]!.message).toContain('refers to itself');
  });

  it('keeps patterns apart where they share first words (the trie)', () => {
    const m = matcherOf([
      rule('a', ['i [really] like {you}']),
      rule('b', ['i like pizza']),
      rule('c', ['(im | i am) [so] sad']),
      rule('d', ['i ~2 go']),
      rule('e', ['{parent} (said | says) no']),
      rule('f', ['step dad']),
    ]);
    expect(ids(m, 'i like you')).toEqual(['a']);
    expect(ids(m, 'i really like u')).toEqual(['a']);
    expect(ids(m, 'i really like pizza')).toEqual([]);
    expect(ids(m, 'i like pizza')).toEqual(['b']);
    expect(ids(m, 'i am so sad')).toEqual(['c']);
    expect(ids(m, 'im sad')).toEqual(['c']);
    expect(ids(m, 'i so sad')).toEqual([]);
    expect(ids(m, 'i really go')).toEqual(['d']);
    expect(ids(m, 'my step dad said no')).toEqual(['f', 'e']);
    expect(ids(m, 'step mom says no')).toEqual(['e']);
  });

  it('rejects a rule id used twice', () => {
    const a: Pack = { name: 'en/test.json', language: 'en', category: 'test', rules: [rule('x', ['a b'])] };
    const r = compileRules([a, { ...a, name: 'en/other.json' }], [lexicons]);
    expect(r.errors[0]!.message).toContain('another pack');
  });

  it('keeps languages apart: a lexicon belongs to its language', () => {
    const es: LexiconFile = { name: 'es/lexicons.json', language: 'es', lexicons: { parent: ['mama', 'papa'] } };
    const pack: Pack = { name: 'es/test.json', language: 'es', category: 'test', rules: [rule('es', ['no le digas a [tu] {parent}'])] };
    const { matcher, errors } = compileRules([pack], [lexicons, es]);
    expect(errors).toEqual([]);
    expect(scanMessage(matcher, 'no le digas a tu mamá', 'incoming')).toHaveLength(1);
    expect(scanMessage(matcher, 'no le digas a tu mom', 'incoming')).toHaveLength(0);
  });
});
