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

/** A lexicon as slotsOf sees it; `anchorGroup` remembers its group (null: it requires nothing). */
export interface AnchorLexicon {
  classSymbol?: number;
  classCost: number;
  entries: readonly PatternNode[];
  anchorGroup?: Group | null;
}

/** What slotsOf needs from the compiler: symbol look-ups that never create symbols. */
export interface AnchorContext {
  literal(node: { kind: 'word' | 'prefix'; text: string }): number;
  number(): number;
  lexicon(name: string, offset: number): AnchorLexicon;
}

/** Ways of matching one pattern spelt out at most; beyond, alternatives merge into one group. */
export const MAX_EXPANSIONS = 16;

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

/**
 * The cost of one word as an anchor: how often a chat word is expected to be it. Among common
 * words the shorter counts as more common ("i" over "always"; short words are the frequent ones),
 * so a pattern made only of common words is triggered by its longest: on real chat this cut the
 * filter's steps per message by 5-15 %.
 */
export function wordCost(word: string): number {
  if (COMMON.has(word)) return COMMON_WORD_COST + Math.max(0, 6 - word.length);
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
      // Lexicons like {you} are used by hundreds of patterns: work their group out once.
      if (lex.anchorGroup === undefined) {
        const ways = lex.entries.flatMap((entry) => waysOf(ctx, entry, depth + 1));
        if (lex.classSymbol !== undefined) ways.push([{ symbols: [lex.classSymbol], cost: lex.classCost }]);
        lex.anchorGroup = mergedGroup(ways) ?? null;
      }
      return lex.anchorGroup ?? undefined;
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
  /** Index of its rule. */
  rule: number;
  /** APPLIES_* bits: the directions of messages its rule looks at. */
  applies: number;
  groups: readonly Group[];
}

export const APPLIES_INCOMING = 1;
export const APPLIES_OUTGOING = 2;
/** A bucket's key holds its guard group above the two APPLIES_* bits. */
export const BUCKET_GUARD_SHIFT = 2;

/** APPLIES_* bits of a rule direction. */
export function appliesBits(ruleDirection: string): number {
  if (ruleDirection === 'incoming') return APPLIES_INCOMING;
  if (ruleDirection === 'outgoing') return APPLIES_OUTGOING;
  return APPLIES_INCOMING | APPLIES_OUTGOING;
}

/**
 * The slots of all patterns, flat, for prefilter.ts. Equal groups are stored once (lexicons
 * repeat across patterns, so a word marks each once), and equal slots once (their
 * directions merged: the filter only needs to know that some rule might match).
 *
 * Slots are reached through their two cheapest groups: the *trigger* (cheapest) is found among the
 * groups a message has; under each trigger, slots are bucketed by their *guard* (second
 * cheapest), so a whole bucket is skipped when its guard is absent.
 */
export interface AnchorTable {
  /**
   * By symbol: the groups holding it, symbolGroup[symbolGroupFrom[s] .. symbolGroupFrom[s+1]-1]. A
   * symbol in no group is ignored by the filter. The filter marks a message's groups from its words
   * (about 1.7 per word in chat), so whether a group occurs is one read, never a search.
   */
  readonly symbolGroupFrom: Int32Array;
  readonly symbolGroup: Int32Array;
  /** By group: its buckets (when it is a trigger), bucketFrom[g] .. bucketFrom[g+1]-1. */
  readonly bucketFrom: Int32Array;
  /**
   * By bucket: its guard group and the APPLIES_* bits of its slots in one number (guard << 2 |
   * bits: one read per bucket), and its slots bucketSlot[bucketSlotFrom[b] .. bucketSlotFrom[b+1]-1].
   */
  readonly bucketKey: Int32Array;
  readonly bucketSlotFrom: Int32Array;
  readonly bucketSlot: Int32Array;
  /** By slot: APPLIES_* bits, and its groups slotGroup[slotGroupFrom[slot] .. slotGroupFrom[slot+1]-1] in pattern order. */
  readonly slotApplies: Uint8Array;
  readonly slotGroupFrom: Int32Array;
  readonly slotGroup: Int32Array;
  /** By group: its symbols groupSymbol[groupSymbolFrom[g] .. groupSymbolFrom[g+1]-1]. */
  readonly groupSymbolFrom: Int32Array;
  readonly groupSymbol: Int32Array;
  /** APPLIES_* bits of rules with a way of matching that needs no group: every such message is worth a full scan. */
  readonly unanchoredApplies: number;
  /**
   * By slot: the rules it stands for, slotRule[slotRuleFrom[slot] .. slotRuleFrom[slot+1]-1]
   * (equal slots of several rules are stored once). Only those rules' own states are simulated.
   */
  readonly slotRuleFrom: Int32Array;
  readonly slotRule: Int32Array;
  /** Rules with a way of matching that needs no group: simulated whenever their direction applies. */
  readonly unanchoredRules: Int32Array;
}

/**
 * Groups a slot keeps: its cheapest, in pattern order. Common words add little to the filter and
 * cost every message that has them, so a slot is checked on its rarer positions only.
 */
export const GROUPS_PER_SLOT = 4;

function cheapestInOrder(groups: readonly Group[], count: number): Group[] {
  const order = groups.map((g, i) => i).sort((a, b) => groups[a]!.cost - groups[b]!.cost || a - b);
  const keep = new Set(order.slice(0, count));
  return groups.filter((g, i) => keep.has(i));
}

/** Slots laid out between pauses of a sliced compilation. */
const SLOTS_PER_STEP = 500;

/** Builds the table; a generator so a sliced compilation can pause while it runs. */
export function* anchorTable(slots: readonly PatternSlot[], symbolCount: number): Generator<void, AnchorTable> {
  const groupIds = new Map<string, number>();
  const groupSymbolFrom: number[] = [0];
  const groupSymbol: number[] = [];
  const groupId = (g: Group): number => {
    const key = g.symbols.join(',');
    let id = groupIds.get(key);
    if (id === undefined) {
      id = groupIds.size;
      groupIds.set(key, id);
      groupSymbol.push(...g.symbols);
      groupSymbolFrom.push(groupSymbol.length);
    }
    return id;
  };
  const slotIds = new Map<string, number>();
  const slotApplies: number[] = [];
  const slotRules: number[][] = [];
  const unanchoredRules = new Set<number>();
  const slotGroupFrom: number[] = [0];
  const slotGroup: number[] = [];
  /** trigger group -> guard group -> slots */
  const buckets = new Map<number, Map<number, number[]>>();
  let unanchoredApplies = 0;
  let done = 0;
  for (const { rule, applies, groups: all } of slots) {
    if (++done % SLOTS_PER_STEP === 0) yield;
    if (all.length === 0) {
      unanchoredApplies |= applies;
      unanchoredRules.add(rule);
      continue;
    }
    const groups = cheapestInOrder(all, GROUPS_PER_SLOT);
    const slot = { applies, groups };
    const ids = groups.map(groupId);
    const key = ids.join(',');
    const known = slotIds.get(key);
    if (known !== undefined) {
      slotApplies[known]! |= slot.applies;
      if (!slotRules[known]!.includes(rule)) slotRules[known]!.push(rule);
      continue;
    }
    const k = slotApplies.length;
    slotIds.set(key, k);
    slotApplies.push(slot.applies);
    slotRules.push([rule]);
    slotGroup.push(...ids);
    slotGroupFrom.push(slotGroup.length);
    // The two cheapest groups (stable: the earlier one wins a tie); a one-group slot guards itself.
    const order = slot.groups.map((g, i) => i).sort((a, b) => slot.groups[a]!.cost - slot.groups[b]!.cost || a - b);
    const trigger = ids[order[0]!]!;
    const guard = ids[order[1] ?? order[0]!]!;
    let byGuard = buckets.get(trigger);
    if (!byGuard) buckets.set(trigger, (byGuard = new Map()));
    let list = byGuard.get(guard);
    if (!list) byGuard.set(guard, (list = []));
    list.push(k);
  }

  const groupCount = groupIds.size;
  const bucketFrom = new Int32Array(groupCount + 1);
  const bucketKey: number[] = [];
  const bucketSlotFrom: number[] = [0];
  const bucketSlot: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    bucketFrom[g] = bucketKey.length;
    const byGuard = buckets.get(g);
    if (!byGuard) continue;
    for (const [guard, list] of byGuard) {
      bucketKey.push((guard << BUCKET_GUARD_SHIFT) | list.reduce((bits, slot) => bits | slotApplies[slot]!, 0));
      bucketSlot.push(...list);
      bucketSlotFrom.push(bucketSlot.length);
    }
  }
  bucketFrom[groupCount] = bucketKey.length;
  const slotRuleFrom = new Int32Array(slotRules.length + 1);
  slotRules.forEach((list, k) => (slotRuleFrom[k + 1] = slotRuleFrom[k]! + list.length));
  const groupsBySymbol: number[][] = Array.from({ length: symbolCount }, () => []);
  for (let g = 0; g < groupCount; g++) for (let q = groupSymbolFrom[g]!; q < groupSymbolFrom[g + 1]!; q++) groupsBySymbol[groupSymbol[q]!]!.push(g);
  const symbolGroupFrom = new Int32Array(symbolCount + 1);
  for (let sym = 0; sym < symbolCount; sym++) symbolGroupFrom[sym + 1] = symbolGroupFrom[sym]! + groupsBySymbol[sym]!.length;
  return {
    symbolGroupFrom,
    symbolGroup: Int32Array.from(groupsBySymbol.flat()),
    bucketFrom,
    bucketKey: Int32Array.from(bucketKey),
    bucketSlotFrom: Int32Array.from(bucketSlotFrom),
    bucketSlot: Int32Array.from(bucketSlot),
    slotApplies: Uint8Array.from(slotApplies),
    slotGroupFrom: Int32Array.from(slotGroupFrom),
    slotGroup: Int32Array.from(slotGroup),
    groupSymbolFrom: Int32Array.from(groupSymbolFrom),
    groupSymbol: Int32Array.from(groupSymbol),
    unanchoredApplies,
    slotRuleFrom,
    slotRule: Int32Array.from(slotRules.flat()),
    unanchoredRules: Int32Array.from([...unanchoredRules].sort((a, b) => a - b)),
  };
}
