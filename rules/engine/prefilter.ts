/**
 * The fast first pass: "could any rule that looks at this direction match this message?".
 * Every pattern has up to two anchor groups (anchors.ts), sets of symbols of which any match
 * carries at least one. A message passes when, for some pattern, its tokens carry a symbol of each
 * of that pattern's groups. Almost every chat message has no anchor at all and costs one word
 * look-up per token; only messages that pass go through the thread simulation in match.ts, which
 * decides which rules match, where, and whether an exception cancels them.
 *
 * Exact in one direction: it never says no when a rule matches (word order and position are
 * ignored, so it may say yes when none does). It keeps no state between messages, so, unlike a
 * lazily built DFA, its cost does not depend on what the page said before.
 */
import { ANCHOR_BITS } from './anchors';
import type { Matcher } from './compile';
import { symbolsOf } from './symbols';
import type { Direction, Token } from './types';

/** The step counter when nobody counts (scanMessage): shared, so a call allocates nothing. */
const uncounted = { steps: 0 };

const GROUP_MASK = (1 << ANCHOR_BITS) - 1;
const APPLIES_INCOMING = 1;
const APPLIES_OUTGOING = 2;

interface Scratch {
  stamp: number;
  /** Per pattern slot: the message stamp its mask belongs to, and the groups seen so far. */
  slotStamp: Int32Array;
  slotMask: Uint8Array;
  /** Per symbol: the message stamp in which its anchors were already visited. */
  symbolStamp: Int32Array;
  /** Per pattern slot: APPLIES_* bits of its rule's direction. */
  slotApplies: Uint8Array;
  /** APPLIES_* bits of the unanchored patterns. */
  unanchoredApplies: number;
  syms: number[];
}

const scratchOf = new WeakMap<Matcher, Scratch>();

function scratch(m: Matcher): Scratch {
  let s = scratchOf.get(m);
  if (!s) {
    const slots = m.slotRule.length;
    const slotApplies = new Uint8Array(slots);
    for (let slot = 0; slot < slots; slot++) slotApplies[slot] = appliesBits(m.rules[m.slotRule[slot]!]!.direction);
    let unanchoredApplies = 0;
    for (const slot of m.unanchored) unanchoredApplies |= slotApplies[slot]!;
    s = {
      stamp: 0,
      slotStamp: new Int32Array(slots),
      slotMask: new Uint8Array(slots),
      symbolStamp: new Int32Array(m.symbolCount),
      slotApplies,
      unanchoredApplies,
      syms: [],
    };
    scratchOf.set(m, s);
  }
  return s;
}

function appliesBits(ruleDirection: string): number {
  if (ruleDirection === 'incoming') return APPLIES_INCOMING;
  if (ruleDirection === 'outgoing') return APPLIES_OUTGOING;
  return APPLIES_INCOMING | APPLIES_OUTGOING;
}

/**
 * Could any rule for `direction` match in these tokens? Never a false "no". Linear: each token's
 * symbols are looked up once, and each symbol's anchors are visited at most once per message.
 */
export function mayMatch(m: Matcher, tokens: readonly Token[], direction: Direction, counter: { steps: number } = uncounted): boolean {
  if (tokens.length === 0) return false;
  const s = scratch(m);
  // An unknown direction is matched by rules for either.
  const want = direction === 'incoming' ? APPLIES_INCOMING : direction === 'outgoing' ? APPLIES_OUTGOING : APPLIES_INCOMING | APPLIES_OUTGOING;
  if (s.unanchoredApplies & want) return true;
  const stamp = ++s.stamp;
  const { anchorFrom, anchorCode, slotNeed } = m;
  const { slotStamp, slotMask, symbolStamp, slotApplies } = s;
  for (let k = 0; k < tokens.length; k++) {
    const syms = symbolsOf(m, tokens[k]!, s.syms);
    counter.steps += 1 + syms.length;
    for (let q = 0; q < syms.length; q++) {
      const symbol = syms[q]!;
      if (symbolStamp[symbol] === stamp) continue;
      symbolStamp[symbol] = stamp;
      const end = anchorFrom[symbol + 1]!;
      for (let a = anchorFrom[symbol]!; a < end; a++) {
        counter.steps++;
        const code = anchorCode[a]!;
        const slot = code >> ANCHOR_BITS;
        if ((slotApplies[slot]! & want) === 0) continue;
        if (slotStamp[slot] !== stamp) {
          slotStamp[slot] = stamp;
          slotMask[slot] = 0;
        }
        const mask = slotMask[slot]! | (1 << (code & GROUP_MASK));
        if (mask === slotNeed[slot]) return true;
        slotMask[slot] = mask;
      }
    }
  }
  return false;
}
