/**
 * Folding of single code points: what one character of a message reads as, for matching.
 * Compatibility forms (NFKC/NFKD: fullwidth, circled and mathematical "fancy font" letters), case,
 * accents, look-alike letters from other scripts, and invisible characters that hide words.
 * Results are memoised per code point, so each distinct character is worked out once.
 */

/** Zero-width, joiner, bidi-control and other invisible format characters: removed entirely. */
const INVISIBLE = new Set<number>([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e,
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
  0x2066, 0x2067, 0x2068, 0x2069, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f,
  0x3164, 0xfe0e, 0xfe0f, 0xfeff, 0xffa0,
]);

/**
 * Letters from other scripts that look like Latin ones and are used to dodge filters, plus a few
 * Latin letters that NFKD leaves alone. Only lower case is listed: folding lower-cases first.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h', ɡ: 'g',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ω: 'w', ϲ: 'c', ς: 'c',
  // Latin small capitals and other look-alikes
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l',
  ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th',
  // Typographic apostrophes read as the ASCII one, so "don’t" is "dont"
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u0060': "'", '\u00b4': "'",
};

const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

const ASCII: string[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII.push(ch === '`' ? "'" : ch.toLowerCase());
}

const memo = new Map<number, string>();

/** What one code point reads as: zero or more lower-case characters. */
export function foldCodePoint(cp: number): string {
  if (cp < 128) return ASCII[cp]!;
  let out = memo.get(cp);
  if (out === undefined) {
    out = foldSlow(cp);
    memo.set(cp, out);
  }
  return out;
}

function foldSlow(cp: number): string {
  if (INVISIBLE.has(cp)) return '';
  // Variation selectors and tag characters (used to smuggle text past filters) are invisible too.
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0000 && cp <= 0xe007f)) return '';
  const ch = String.fromCodePoint(cp);
  // ñ is a letter of its own in Spanish ("año" is not "ano"): keep it.
  if (ch === 'ñ' || ch === 'Ñ') return 'ñ';
  const direct = CONFUSABLES[ch] ?? CONFUSABLES[ch.toLowerCase()];
  if (direct !== undefined) return direct;
  let out = '';
  for (const part of ch.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()) {
    out += CONFUSABLES[part] ?? part;
  }
  return out;
}
