/**
 * A deterministic, chat-like corpus for the benchmarks: short messages with slang, emoji, numbers,
 * elongations, leetspeak, some non-ASCII (Spanish, French, German, look-alike letters, fancy fonts,
 * zero-width characters), and a small share of red-flag-like lines so matching is never trivially
 * empty. Generated from a seed every run; nothing is stored. Non-explicit by design.
 */
import type { Direction } from '../rules/engine';

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. Same seed, same sequence, on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
export const between = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Everyday chat words of a gaming / school group chat. */
export const CHAT_WORDS = (
  'i you u me my ur your we us they he she it its the a an and or but so if then to of in on at for with ' +
  'is are was were be been am do does did dont cant wont im ive ill its thats whats wanna gonna gotta ' +
  'lol lmao lmfao rofl bruh ngl fr tbh idk idc omg gg wp ez rn brb gtg afk pog sus cap bet vibe lowkey ' +
  'highkey mid goat based cringe yeet bussin slay ratio L W oof rip smh ikr nvm ty thx np pls plz ok ' +
  'okay k kk yeah yea yes yep nah nope no hey hi hello yo sup wassup hbu wbu same fax true real ' +
  'game play playing played match server level boss raid loot skin rank ranked squad team stream clip ' +
  'vid video song music playlist beat drop map spawn respawn lag ping wifi patch update nerf buff ' +
  'school homework test quiz teacher class lunch bus pizza tacos dog cat weekend tonight tomorrow today ' +
  'later now soon morning night sleep tired bored hungry funny crazy wild insane huge tiny best worst ' +
  'good bad nice cool sick fire trash free paid coins gems points xp win lose lost won carry carried ' +
  'noob pro main alt build craft mine farm quest event season pass battle royale lobby queue ' +
  'what when where who why how this that these those here there just like really very super kinda ' +
  'sorta literally actually basically anyway also too again still never always sometimes maybe ' +
  'think know see look watch hear said say tell told ask asked want need get got go going went come ' +
  'back out up down over off into about after before around again friend friends bro sis dude man'
).split(' ');

const NON_ASCII_WORDS = [
  'mañana', 'qué', 'sí', 'jajaja', 'también', 'niño', 'está', 'así', 'ça', 'très', 'déjà', 'schön',
  'über', 'größe', 'naïve', 'café', 'résumé', 'crème', 'jalapeño', 'años', 'pingüino', 'straße',
  'ѕup', 'соо1', 'ｇｇ', 'ｌｏｌ', '𝓵𝓸𝓵', 'ⓗⓘ', 'he\u200Bllo', 'привет', 'спасибо', 'ありがとう', '가자',
];

const EMOJI = ['😂', '🔥', '💀', '👀', '🙏', '😭', '❤️', '👍', '🎮', '✨', '🤣', '😅', '🥲', '💯', '😎', '🤔', '🫡', ':)', ':D', 'xD', '<3'];
const PUNCT = ['', '', '', '', '?', '!', '...', '!!', '?!', '.', ',', ' :)'];
const NUMBERS = ['2', '10', '100', '2024', '2026', '10:30', '9pm', '$15', '3v3', '1v1', '99%', '4k', '60fps', '#1', '500', '7', '12', '0'];

/**
 * Red-flag-like lines (about 1.5 % of messages): the kind of wording the bundled packs look for,
 * kept non-explicit, some with evasions. Several are harmless near misses on purpose.
 */
export const RED_FLAG_LINES = [
  "don't tell your mom we talk ok",
  'dont tell ur parents about this',
  "it's our little secret",
  'this stays between us, promise?',
  'send me a pic',
  'can u s e n d a pic of u',
  'whats ur snap',
  'add me on telegram its more private',
  'how old r u',
  'are you home alone rn',
  'lets meet up this weekend just us',
  'delete this chat after ok',
  'you look so cute in ur pfp',
  "you're so mature for your age",
  'ill buy you robux if you want',
  'what school do u go to',
  'nobody understands you like i do',
  'd0nt t3ll ur m0m',
  'my parents are away tonight',
  'im 13 btw',
  "don't tell mom I broke the vase lol",
  'send me the clip from last night',
];

export interface ChatMessage {
  text: string;
  direction: Direction;
}

export interface CorpusStats {
  messages: number;
  /** UTF-16 code units (what `text.length` counts, and what the MB/s figures divide by). */
  chars: number;
  utf8Bytes: number;
  nonAsciiShare: number;
  redFlagShare: number;
}

const DIRECTIONS: readonly Direction[] = ['incoming', 'incoming', 'outgoing', 'unknown'];

function elongate(r: Rand, w: string): string {
  const at = Math.floor(r() * w.length);
  const ch = w[at]!;
  if (!/[a-z]/.test(ch)) return w;
  return w.slice(0, at) + ch.repeat(between(r, 2, 5)) + w.slice(at + 1);
}

const LEET: Record<string, string> = { o: '0', e: '3', a: '4', i: '1', s: '5' };
function leet(r: Rand, w: string): string {
  let out = '';
  for (const ch of w) out += LEET[ch] && r() < 0.6 ? LEET[ch]! : ch;
  return out;
}

function word(r: Rand): string {
  const x = r();
  if (x < 0.925) {
    let w = pick(r, CHAT_WORDS);
    const y = r();
    if (y < 0.05) w = elongate(r, w);
    else if (y < 0.07) w = leet(r, w);
    else if (y < 0.12) w = w[0]!.toUpperCase() + w.slice(1);
    else if (y < 0.14) w = w.toUpperCase();
    return w;
  }
  if (x < 0.955) return pick(r, EMOJI);
  if (x < 0.985) return pick(r, NUMBERS);
  return pick(r, NON_ASCII_WORDS);
}

/** One message: mostly 1-12 words, sometimes a long one; a few spaced-out words and links. */
export function message(r: Rand): ChatMessage {
  const direction = pick(r, DIRECTIONS);
  if (r() < 0.015) {
    let text = pick(r, RED_FLAG_LINES);
    if (r() < 0.3) text = text.toUpperCase();
    // join() makes flat strings, like text read from a page (concatenation would leave cons strings).
    if (r() < 0.5) text = [pick(r, ['hey', 'ok', 'lol', 'btw', 'so']), ' ', text, pick(r, PUNCT)].join('');
    return { text, direction };
  }
  const x = r();
  const n = x < 0.25 ? between(r, 1, 3) : x < 0.9 ? between(r, 3, 12) : between(r, 12, 45);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(word(r));
  const y = r();
  if (y < 0.01) parts.push(pick(r, ['l o l', 'g g w p', 's o r r y', 'n.o.p.e', 'b-r-b']));
  else if (y < 0.015) parts.push(`https://example.com/clip/${between(r, 1000, 99999)}`);
  parts[parts.length - 1] = [parts[parts.length - 1], pick(r, PUNCT)].join('');
  return { text: parts.join(' '), direction };
}

/** Messages from `seed` until at least `minChars` UTF-16 code units. */
export function generateCorpus(seed: number, minChars: number): ChatMessage[] {
  const r = rng(seed);
  const out: ChatMessage[] = [];
  let chars = 0;
  while (chars < minChars) {
    const m = message(r);
    out.push(m);
    chars += m.text.length;
  }
  return out;
}

/**
 * The same messages as generateCorpus, `size` at a time, never all in memory: holding 480,000
 * message objects made a 100+ MB heap whose major collections slowed every allocating side of the
 * benchmark, unlike a content script's few MB.
 */
export function* corpusChunks(seed: number, minChars: number, size: number): Generator<ChatMessage[]> {
  const r = rng(seed);
  let chars = 0;
  while (chars < minChars) {
    const chunk: ChatMessage[] = [];
    while (chunk.length < size && chars < minChars) {
      const m = message(r);
      chunk.push(m);
      chars += m.text.length;
    }
    yield chunk;
  }
}

/** Stats of several chunks together. */
export function addStats(a: CorpusStats, b: CorpusStats): CorpusStats {
  const messages = a.messages + b.messages;
  const share = (x: number, y: number) => (messages === 0 ? 0 : (x * a.messages + y * b.messages) / messages);
  return {
    messages,
    chars: a.chars + b.chars,
    utf8Bytes: a.utf8Bytes + b.utf8Bytes,
    nonAsciiShare: share(a.nonAsciiShare, b.nonAsciiShare),
    redFlagShare: share(a.redFlagShare, b.redFlagShare),
  };
}

/** Exactly `count` messages from `seed` (the page benchmark's feed). */
export function generateMessages(seed: number, count: number): ChatMessage[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => message(r));
}

const RED = new Set(RED_FLAG_LINES);

export function corpusStats(corpus: readonly ChatMessage[]): CorpusStats {
  let chars = 0;
  let utf8Bytes = 0;
  let nonAscii = 0;
  let red = 0;
  for (const { text } of corpus) {
    chars += text.length;
    utf8Bytes += Buffer.byteLength(text, 'utf8');
    if (/[^\x00-\x7f]/.test(text)) nonAscii++;
    const lower = text.toLowerCase();
    for (const line of RED) {
      if (lower.includes(line.toLowerCase())) {
        red++;
        break;
      }
    }
  }
  return { messages: corpus.length, chars, utf8Bytes, nonAsciiShare: nonAscii / corpus.length, redFlagShare: red / corpus.length };
}
