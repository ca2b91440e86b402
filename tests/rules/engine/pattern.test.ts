import { describe, expect, it } from 'vitest';
import { parsePattern } from '../../../rules/engine';

const ok = (src: string) => {
  const r = parsePattern(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message} at ${r.error.offset}`);
  return r.node;
};
const err = (src: string) => {
  const r = parsePattern(src);
  if (r.ok) throw new Error(`${src} should not parse`);
  return r.error;
};

describe('parsePattern', () => {
  it('parses words, normalising them like messages', () => {
    expect(ok("Don't")).toMatchObject({ kind: 'word', text: 'dont' });
    expect(ok('send me')).toMatchObject({ kind: 'seq', items: [{ text: 'send' }, { text: 'me' }] });
    expect(ok('re-send')).toMatchObject({ kind: 'seq', items: [{ text: 're' }, { text: 'send' }] });
  });

  it('parses alternatives, optional parts, lexicons, gaps, numbers and prefixes', () => {
    const node = ok('(dont | do not) [ever] tell {parent} ~3 # screenshot*');
    expect(node).toMatchObject({
      kind: 'seq',
      items: [
        { kind: 'alt', options: [{ kind: 'word', text: 'dont' }, { kind: 'seq' }] },
        { kind: 'optional', body: { kind: 'word', text: 'ever' } },
        { kind: 'word', text: 'tel' },
        { kind: 'lexicon', name: 'parent' },
        { kind: 'gap', max: 3 },
        { kind: 'number' },
        { kind: 'prefix', text: 'screnshot' },
      ],
    });
  });

  it('ignores punctuation that is not syntax', () => {
    expect(ok('r u there?')).toMatchObject({ kind: 'seq', items: [{ text: 'r' }, { text: 'u' }, { text: 'there' }] });
  });

  it('reports errors with their offset in the pattern', () => {
    expect(err('dont (tell')).toMatchObject({ offset: 5 });
    expect(err('tell {Parent}').offset).toBe(6);
    expect(err('send ~9 pic')).toMatchObject({ offset: 5, message: expect.stringContaining('1 to 8') });
    expect(err('send ~ pic').offset).toBe(5);
    expect(err('~2 pic').message).toContain('start with a gap');
    expect(err('pic ~2').message).toContain('end with a gap');
    expect(err('[maybe]').message).toContain('match nothing');
    expect(err('a | ').message).toContain('empty');
    expect(err('pi*').message).toContain('at least 3');
    expect(err('send )').offset).toBe(5);
    expect(err('').message).toContain('empty');
    // A regular-expression habit: here "?" is punctuation, so the part would silently be required.
    expect(err('send (me)? a pic')).toMatchObject({ offset: 9, message: expect.stringContaining('[ ]') });
  });
});
