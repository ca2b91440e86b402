/**
 * Anchors: what any match of a pattern must contain, so most messages can be ruled out without
 * running the automaton.
 *
 * A *group* is a set of symbols of which every match carries at least one, on one token: the
 * word of a plain word position, a `word*` prefix, a number, or for a lexicon its class symbol
 * plus one group of each of its longer entries. Optional parts and gaps require nothing. A
 * pattern's alternatives are spelt out (up to MAX_EXPANSIONS ways; past that, an alternative
 * becomes one group, the union of one group per option), so each way of matching becomes a
 * *slot*: its groups in pattern order, each on a later token than the one before.
 *
 * The filter (prefilter.ts) passes a message only if, for some slot, each group has a token in
 * the message, the first occurrence of each group coming before the last occurrence of the next.
 * That is necessary for a match, so the filter can say "maybe" for a message that does not
 * match, never "no" for one that does: it changes speed, not results.
 */
import { normalise } from './normalise';
import type { PatternNode } from './pattern';

export interface Group {
  /** Symbols, ascending and distinct. */
  readonly symbols: readonly number[];
  /** Estimated share of chat words that carry one of them (relative units, see wordCost). */
  readonly cost: number;
}

/** What slotsOf needs from the compiler: symbol look-ups that never create symbols. */
export interface AnchorContext {
  literal(node: { kind: 'word' | 'prefix'; text: string }): number;
  number(): number;
  lexicon(name: string, offset: number): { classSymbol?: number; classCost: number; entries: readonly PatternNode[] };
}

/** Ways of matching one pattern spelt out at most; beyond, alternatives merge into one group. */
export const MAX_EXPANSIONS = 32;

/**
 * Words so frequent in everyday chat (English and Spanish) that an anchor on them would pass a
 * large share of all messages: pronouns, articles, auxiliaries and the most common verbs, adverbs
 * and chat words. Used only to choose anchors, so speed depends on this list and results never do.
 */
const COMMON = new Set(
  (
    // English function words and chat shorthand
    'a about after again all also always am an and any anyone are as at back be because been before being but by ' +
    'can cant could did didnt do does dont down even ever for from get gets getting go goes going gona gonna got ' +
    'had has have having he her here him his how i id if ill im in into is it its ive just k lets like lol lmao ' +
    'make me more much my n need never new no not now of off oh ok okay on one only or other our out over r re ' +
    'really right said say see she should so some something still such sure take tell than that thats the their ' +
    'them then there they thing think this those time to too two u up ur us very wana wanna want was way we well ' +
    'were what whats when where which who why will with would ya yeah yes yet you youre your yours ' +
    // frequent content words in chat
    'come day good got great guys haha hey hi home know let look lot love man maybe mean nice night people play ' +
    'please send give talk thanks thank today tomorrow wait watch went work yea yo bro fr idk omg pls plz rn tho ' +
    // Spanish
    'a al algo asi bien como con cuando de del el ella en era es esa ese esta estas este esto estoy fue ha hay ' +
    'la las le les lo los mas me mi mis muy nada ni no nos o para pero por porque que quien se si sin solo su sus ' +
    'tambien te tengo ti tu tus un una uno ya yo vos voy va vamos hola jaja'
  )
    .split(' ')
    // In normalised form, as tokens carry it ("wanna" is read "wana", "too" is read "to").
    .flatMap((word) => normalise(word).map((token) => token.text)),
);
const COMMON_WORD_COST = 50;
const WORD_COST = 1;
/** Numbers (times, prices, scores, ages) are common in chat. */
const NUMBER_COST = 30;
const DIGITS = /^[0-9]+/;
/** A `word*` prefix stands for several words. */
export const PREFIX_COST = 4;

/** The cost of one word as an anchor: how often a chat word is expected to be it. */
export function wordCost(word: string): number {
  if (COMMON.has(word)) return COMMON_WORD_COST;
  return DIGITS.test(word) ? NUMBER_COST / 4 : WORD_COST;
}

/** Deeper lexicon nesting than this is not followed: the lexicon then requires nothing (safe). */
const MAX_DEPTH = 8;

/** Ways of matching, each a list of groups in pattern order. */
type Ways = Group[][];

/**
 * The slots of a pattern: each way of matching it (alternatives spelt out) with the groups that
 * way needs, in pattern order. Never empty; a way with no groups means "can't be filtered".
 */
export function slotsOf(ctx: AnchorContext, node: PatternNode): Ways {
  return waysOf(ctx, node, 0);
}

function waysOf(ctx: AnchorContext, node: PatternNode, depth: number): Ways {
  switch (node.kind) {
    case 'gap':
    case 'optional':
      // An optional part may be absent: the way without it needs less, and covers the one with it.
      return [[]];
    case 'seq': {
      let ways: Ways = [[]];
      for (const item of node.items) {
        const next = waysOf(ctx, item, depth);
        if (ways.length * next.length > MAX_EXPANSIONS) {
          const merged = mergedGroup(next);
          ways = ways.map((way) => (merged ? [...way, merged] : way));
        } else {
          ways = ways.flatMap((way) => next.map((more) => [...way, ...more]));
        }
      }
      return ways;
    }
    case 'alt': {
      const ways = node.options.flatMap((option) => waysOf(ctx, option, depth));
      if (ways.length <= MAX_EXPANSIONS) return ways;
      const merged = mergedGroup(ways);
      return [merged ? [merged] : []];
    }
    default: {
      const group = groupOf(ctx, node, depth);
      return [group ? [group] : []];
    }
  }
}

/** The one group a single position needs (a word, prefix, number or lexicon), if any. */
function groupOf(ctx: AnchorContext, node: PatternNode, depth: number): Group | undefined {
  switch (node.kind) {
    case 'word':
      return { symbols: [ctx.literal(node)], cost: wordCost(node.text) };
    case 'prefix':
      return { symbols: [ctx.literal(node)], cost: PREFIX_COST };
    case 'number':
      return { symbols: [ctx.number()], cost: NUMBER_COST };
    case 'lexicon': {
      if (depth >= MAX_DEPTH) return undefined;
      const lex = ctx.lexicon(node.name, node.offset);
      const ways = lex.entries.flatMap((entry) => waysOf(ctx, entry, depth + 1));
      if (lex.classSymbol !== undefined) ways.push([{ symbols: [lex.classSymbol], cost: lex.classCost }]);
      return mergedGroup(ways);
    }
    default:
      return mergedGroup(waysOf(ctx, node, depth));
  }
}

/**
 * One group that every way satisfies: the union of the cheapest group of each way, or undefined
 * when some way needs nothing.
 */
function mergedGroup(ways: Ways): Group | undefined {
  const symbols = new Set<number>();
  let cost = 0;
  for (const way of ways) {
    let best: Group | undefined;
    for (const g of way) if (!best || g.cost < best.cost) best = g;
    if (!best) return undefined;
    for (const sym of best.symbols) symbols.add(sym);
    cost += best.cost;
  }
  if (symbols.size === 0) return undefined;
  return { symbols: [...symbols].sort((a, b) => a - b), cost };
}

/** One way of matching one pattern, as collected while compiling. */
export interface PatternSlot {
  rule: number;
  groups: readonly Group[];
}

/** The slots of all patterns, flat, for prefilter.ts. */
export interface AnchorTable {
  /**
   * By symbol: the slots whose cheapest group (their trigger) holds it, in
   * triggerSlot[triggerFrom[s] .. triggerFrom[s+1]-1].
   */
  readonly triggerFrom: Int32Array;
  readonly triggerSlot: Int32Array;
  /** By slot: its rule, and its groups groupFrom[slot] .. groupFrom[slot+1]-1, in pattern order. */
  readonly slotRule: Int32Array;
  readonly slotGroupFrom: Int32Array;
  /** By group: its symbols groupSymbol[groupSymbolFrom[g] .. groupSymbolFrom[g+1]-1]. */
  readonly groupSymbolFrom: Int32Array;
  readonly groupSymbol: Int32Array;
  /** Slots with no group at all: every message is worth a full scan for their rules. */
  readonly unanchored: Int32Array;
}

export function anchorTable(slots: readonly PatternSlot[], symbolCount: number): AnchorTable {
  const slotRule = new Int32Array(slots.length);
  const slotGroupFrom = new Int32Array(slots.length + 1);
  const groupSymbolFrom: number[] = [0];
  const groupSymbol: number[] = [];
  const triggers: number[][] = Array.from({ length: symbolCount }, () => []);
  const unanchored: number[] = [];
  slots.forEach((slot, k) => {
    slotRule[k] = slot.rule;
    slotGroupFrom[k] = groupSymbolFrom.length - 1;
    let trigger: Group | undefined;
    for (const g of slot.groups) {
      groupSymbol.push(...g.symbols);
      groupSymbolFrom.push(groupSymbol.length);
      if (!trigger || g.cost < trigger.cost) trigger = g;
    }
    if (trigger) for (const sym of trigger.symbols) triggers[sym]!.push(k);
    else unanchored.push(k);
  });
  slotGroupFrom[slots.length] = groupSymbolFrom.length - 1;
  const triggerFrom = new Int32Array(symbolCount + 1);
  for (let sym = 0; sym < symbolCount; sym++) triggerFrom[sym + 1] = triggerFrom[sym]! + triggers[sym]!.length;
  return {
    triggerFrom,
    triggerSlot: Int32Array.from(triggers.flat()),
    slotRule,
    slotGroupFrom,
    groupSymbolFrom: Int32Array.from(groupSymbolFrom),
    groupSymbol: Int32Array.from(groupSymbol),
    unanchored: Int32Array.from(unanchored),
  };
}
