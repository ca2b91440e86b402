/**
 * Anchors: what any match of a pattern must contain, so most messages can be ruled out without
 * running the automaton.
 *
 * A *group* is a set of symbols of which every match of a pattern carries at least one, on some
 * token: the word of a plain word position, a lexicon's class symbol plus one group of each of
 * its longer entries, one group of each option of an alternative. Optional parts and gaps
 * require nothing. Each pattern keeps its (at most) two cheapest groups; the filter in
 * prefilter.ts passes a message only if, for some pattern, the message has a token from each.
 *
 * The filter ignores word order and position, so it can say "maybe" for a message that does not
 * match, never "no" for one that does: it changes speed, not results.
 */
import type { PatternNode } from './pattern';

export interface Group {
  /** Symbols, ascending and distinct. */
  readonly symbols: readonly number[];
  /** Estimated share of chat words that carry one of them (relative units, see wordCost). */
  readonly cost: number;
}

/** What groupsOf needs from the compiler: symbol look-ups that never create symbols. */
export interface AnchorContext {
  literal(node: { kind: 'word' | 'prefix'; text: string }): number;
  number(): number;
  lexicon(name: string, offset: number): { classSymbol?: number; classCost: number; entries: readonly PatternNode[] };
}

/**
 * Groups kept per pattern (its cheapest): each one more rules out more messages, at the cost of
 * one more anchor entry per symbol. Anchor codes keep the group index in ANCHOR_BITS bits.
 */
export const GROUPS_PER_PATTERN = 4;
export const ANCHOR_BITS = 2;

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
  ).split(' '),
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

/** Deeper lexicon nesting than this is not followed: the pattern then requires nothing (safe). */
const MAX_DEPTH = 8;

/** The groups every match of `node` needs, in pattern order. */
export function groupsOf(ctx: AnchorContext, node: PatternNode, depth = 0): Group[] {
  switch (node.kind) {
    case 'word':
      return [{ symbols: [ctx.literal(node)], cost: wordCost(node.text) }];
    case 'prefix':
      return [{ symbols: [ctx.literal(node)], cost: PREFIX_COST }];
    case 'number':
      return [{ symbols: [ctx.number()], cost: NUMBER_COST }];
    case 'gap':
    case 'optional':
      return [];
    case 'seq':
      return node.items.flatMap((item) => groupsOf(ctx, item, depth));
    case 'alt': {
      const union = unionOfCheapest(node.options.map((option) => groupsOf(ctx, option, depth)));
      return union ? [union] : [];
    }
    case 'lexicon': {
      if (depth >= MAX_DEPTH) return [];
      const lex = ctx.lexicon(node.name, node.offset);
      const own: Group[] = lex.classSymbol === undefined ? [] : [{ symbols: [lex.classSymbol], cost: lex.classCost }];
      const union = unionOfCheapest([...lex.entries.map((entry) => groupsOf(ctx, entry, depth + 1)), ...own.map((g) => [g])]);
      return union ? [union] : [];
    }
  }
}

/** One group from each list (its cheapest) merged, or undefined when some list requires nothing. */
function unionOfCheapest(lists: Group[][]): Group | undefined {
  const symbols = new Set<number>();
  let cost = 0;
  for (const list of lists) {
    const best = cheapest(list, 1)[0];
    if (!best) return undefined;
    for (const s of best.symbols) symbols.add(s);
    cost += best.cost;
  }
  if (symbols.size === 0) return undefined;
  return { symbols: [...symbols].sort((a, b) => a - b), cost };
}

/** The `count` cheapest groups, cheapest first (ties: pattern order). */
export function cheapest(groups: readonly Group[], count: number): Group[] {
  return [...groups].sort((a, b) => a.cost - b.cost).slice(0, count);
}

/** One pattern's anchors, as collected while compiling. */
export interface PatternAnchors {
  rule: number;
  groups: readonly Group[];
}

/** The anchors of all patterns, flat, for prefilter.ts. */
export interface AnchorTable {
  /** By symbol: codes anchorCode[anchorFrom[s] .. anchorFrom[s+1]-1], each (pattern slot << ANCHOR_BITS) + group. */
  readonly anchorFrom: Int32Array;
  readonly anchorCode: Int32Array;
  /** By pattern slot: its rule. */
  readonly slotRule: Int32Array;
  /** By pattern slot: the group bits a message must collect (one bit per group). */
  readonly slotNeed: Uint8Array;
  /** Slots of patterns that require nothing the filter can check: always worth a full scan. */
  readonly unanchored: Int32Array;
}

export function anchorTable(patterns: readonly PatternAnchors[], symbolCount: number): AnchorTable {
  const count = new Int32Array(symbolCount + 1);
  for (const p of patterns) for (const g of p.groups) for (const s of g.symbols) count[s + 1]!++;
  for (let s = 0; s < symbolCount; s++) count[s + 1]! += count[s]!;
  const anchorFrom = count.slice();
  const fill = count.slice(0, symbolCount);
  const anchorCode = new Int32Array(anchorFrom[symbolCount]!);
  const slotRule = new Int32Array(patterns.length);
  const slotNeed = new Uint8Array(patterns.length);
  const unanchored: number[] = [];
  patterns.forEach((p, slot) => {
    slotRule[slot] = p.rule;
    slotNeed[slot] = (1 << p.groups.length) - 1;
    if (p.groups.length === 0) unanchored.push(slot);
    p.groups.forEach((g, k) => {
      for (const s of g.symbols) anchorCode[fill[s]!++] = (slot << ANCHOR_BITS) + k;
    });
  });
  return { anchorFrom, anchorCode, slotRule, slotNeed, unanchored: Int32Array.from(unanchored) };
}
