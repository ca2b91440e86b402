import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../rules/engine';
import { normaliseSlowly } from '../../../rules/engine/normalise';

/** The words a message reads as: the leetspeak reading where there is one. */
const words = (text: string) => normalise(text).map((t) => t.alt ?? t.text);
const plain = (text: string) => normalise(text).map((t) => t.text);

describe('normalise', () => {
  it('folds case and compatibility forms (NFKC)', () => {
    expect(words('SEND Me')).toEqual(['send', 'me']);
    expect(words('ＳＥＮＤ ｍｅ')).toEqual(['send', 'me']);
    expect(words('ﬁle')).toEqual(['file']);
  });

  it('removes accents but keeps ñ', () => {
    expect(words('Mándame una FOTO')).toEqual(['mandame', 'una', 'foto']);
    expect(words('año niño')).toEqual(['año', 'niño']);
  });

  it('removes zero-width and bidi control characters without splitting the word', () => {
    expect(words('se\u200Bnd p\u200Dic')).toEqual(['send', 'pic']);
    expect(words('\u202Esecret\u202C')).toEqual(['secret']);
    expect(words('s\uFEFFe\u2060cret')).toEqual(['secret']);
  });

  it('folds look-alike letters and fancy fonts', () => {
    expect(words('ѕеnd')).toEqual(['send']); // Cyrillic s and e
    expect(words('𝓼𝓮𝓷𝓭 𝐩𝐢𝐜')).toEqual(['send', 'pic']);
    expect(words('ⓢⓔⓝⓓ')).toEqual(['send']);
    expect(words('ꜱᴇɴᴅ')).toEqual(['send']);
    expect(words('ѕεcrεt')).toEqual(['secret']); // Greek epsilon
  });

  it('reads leetspeak digits inside words', () => {
    expect(words('s3nd p1c')).toEqual(['send', 'pic']);
    expect(words('d0nt t3ll')).toEqual(['dont', 'tel']);
    expect(words('h@te s3cr3t')).toEqual(['hate', 'secret']);
    expect(words('n0 t3 l0')).toEqual(['no', 'te', 'lo']);
    // The literal form stays available for shorthand lexicons.
    expect(normalise('s3nd')[0]).toMatchObject({ text: 's3nd', alt: 'send' });
  });

  it('leaves numbers, times, prices and IDs alone', () => {
    expect(words('2024')).toEqual(['2024']);
    expect(words('at 10:30')).toEqual(['at', '10', '30']);
    expect(words('it costs $15')).toEqual(['it', 'costs', '15']);
    expect(words('order A12345')).toEqual(['order', 'a12345']);
    expect(words('ticket #TX-99812')).toEqual(['ticket', 'tx', '99812']);
    expect(words('im 13yo')).toEqual(['im', '13yo']);
    expect(normalise('1000')[0]!.text).toBe('1000'); // digits are never squashed
  });

  it('squashes repeated letters', () => {
    expect(words('pleeeease sooo')).toEqual(['please', 'so']);
    expect(words('SENNNDDD')).toEqual(['send']);
    expect(words('cool')).toEqual(['col']);
  });

  it('joins spaced-out words', () => {
    expect(words('s e n d me')).toEqual(['send', 'me']);
    expect(words('a p.i.c')).toEqual(['a', 'pic']);
    expect(words('n-u-d-e-s')).toEqual(['nudes']);
    expect(words('s 3 c r e t')).toEqual(['secret']);
    // short runs of real one-letter words stay apart
    expect(words('u r a star')).toEqual(['u', 'r', 'a', 'star']);
    expect(words('i am 13')).toEqual(['i', 'am', '13']);
  });

  it("drops apostrophes inside words, so don't = dont", () => {
    expect(words("don't")).toEqual(['dont']);
    expect(words('don’t you’re')).toEqual(['dont', 'youre']);
    expect(words("'quoted'")).toEqual(['quoted']);
  });

  it('treats emoji and punctuation as separators', () => {
    expect(words('send😍me!!a...pic??')).toEqual(['send', 'me', 'a', 'pic']);
  });

  it('maps every token back to its span of the original text', () => {
    const text = 'Hey 😊 D0N’T  tell 𝓶𝓸𝓶';
    const tokens = normalise(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hey', 'D0N’T', 'tell', '𝓶𝓸𝓶']);
    const spaced = 'ok s e n d it';
    const t2 = normalise(spaced);
    expect(t2.map((t) => spaced.slice(t.start, t.end))).toEqual(['ok', 's e n d', 'it']);
    const zw = 'x se\u200Bnd';
    expect(normalise(zw).map((t) => zw.slice(t.start, t.end))).toEqual(['x', 'se\u200Bnd']);
  });

  it('is empty for text without words', () => {
    expect(normalise('')).toEqual([]);
    expect(normalise(' 😊 !! \u200B ')).toEqual([]);
  });

  it('gives one id per word form, in every message and by either path', () => {
    const id = (text: string) => normalise(text).map((t) => t.id);
    const [send, me, year] = id('send me 2024');
    expect(new Set([send, me, year]).size).toBe(3);
    expect(id('SEND Me 2024')).toEqual([send, me, year]);
    expect(normaliseSlowly('Send ME 2024').map((t) => t.id)).toEqual([send, me, year]);
    // Squashed and leetspeak forms are read as the words they stand for, with their own ids.
    expect(id('seeend s3nd')).toEqual([send, normalise('s3nd')[0]!.id]);
    expect(id('sent')[0]).not.toBe(send);
  });

  it('gives the same tokens with and without the fast path for plain ASCII words', () => {
    const pieces = ['send', 'SeNd', 'pleeease', 'Sooo', 's3nd', '1000', '13yo', 'p', 'i', 'c', "don't", '@', '$5', 'café', 'ñ', 'se\u200Bnd', '😊', 'ｆｕｌｌ', 'ok!!', '-', '.', ' ', '  ', '\n', "'", 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(fc.constantFrom('', ' ', '.', '-'), { maxLength: 30 }), (words, seps) => {
        const text = words.map((w, k) => w + (seps[k] ?? ' ')).join('');
        expect(normalise(text)).toEqual(normaliseSlowly(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
