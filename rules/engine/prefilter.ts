/**
 * The fast first pass: "could any rule that looks at this direction match this message?".
 * anchors.ts gives every way of matching a pattern (a slot) the groups of symbols it needs, in
 * order. The message is read once to note which symbols occur, and where first and last; then
 * only the slots triggered by a symbol that occurs (through their rarest group) are checked: each
 * group must occur, the first occurrence of each before the last occurrence of the next. Almost
 * every chat message fails at once; those that pass go through the thread simulation in match.ts,
 * which decides which rules match, where, and whether an exception cancels them.
 *
 * Exact in one direction: it never says no when a rule matches. It keeps no state between
 * messages, so its cost does not depend on what the page said before.
 */
import type { Matcher } from './compile';
import { symbolsOf } from './symbols';
import type { Direction, Token } from './types';

/** The step counter when nobody counts (scanMessage): shared, so a call allocates nothing. */
const uncounted = { steps: 0 };

const APPLIES_INCOMING = 1;
const APPLIES_OUTGOING = 2;

interface Scratch {
  stamp: number;
  /** Per symbol: the message stamp in which it occurs, and the token index of its first and last occurrence. */
  symbolStamp: Int32Array;
  symbolFirst: Int32Array;
  symbolLast: Int32Array;
  /** Per slot: the message stamp in which it was already checked. */
  slotStamp: Int32Array;
  /** Per slot: APPLIES_* bits of its rule's direction. */
  slotApplies: Uint8Array;
  /** APPLIES_* bits of the unanchored slots. */
  unanchoredApplies: number;
  /** Symbols occurring in the message, in order of first occurrence. */
  present: Int32Array;
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
      symbolStamp: new Int32Array(m.symbolCount),
      symbolFirst: new Int32Array(m.symbolCount),
      symbolLast: new Int32Array(m.symbolCount),
      slotStamp: new Int32Array(slots),
      slotApplies,
      unanchoredApplies,
      present: new Int32Array(m.symbolCount),
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
 * symbols are looked up once, and each slot is checked at most once per message.
 */
export function mayMatch(m: Matcher, tokens: readonly Token[], direction: Direction, counter: { steps: number } = uncounted): boolean {
  if (tokens.length === 0) return false;
  const s = scratch(m);
  // An unknown direction is matched by rules for either.
  const want = direction === 'incoming' ? APPLIES_INCOMING : direction === 'outgoing' ? APPLIES_OUTGOING : APPLIES_INCOMING | APPLIES_OUTGOING;
  if (s.unanchoredApplies & want) return true;
  const stamp = ++s.stamp;
  const { symbolStamp, symbolFirst, symbolLast, present } = s;

  // Pass 1: which symbols occur, first and last where.
  let count = 0;
  for (let k = 0; k < tokens.length; k++) {
    const syms = symbolsOf(m, tokens[k]!, s.syms);
    counter.steps += 1 + syms.length;
    for (let q = 0; q < syms.length; q++) {
      const symbol = syms[q]!;
      if (symbolStamp[symbol] !== stamp) {
        symbolStamp[symbol] = stamp;
        symbolFirst[symbol] = k;
        present[count++] = symbol;
      }
      symbolLast[symbol] = k;
    }
  }

  // Pass 2: the slots those symbols trigger.
  const { triggerFrom, triggerSlot } = m;
  const { slotStamp, slotApplies } = s;
  for (let p = 0; p < count; p++) {
    const symbol = present[p]!;
    const end = triggerFrom[symbol + 1]!;
    for (let t = triggerFrom[symbol]!; t < end; t++) {
      const slot = triggerSlot[t]!;
      counter.steps++;
      if (slotStamp[slot] === stamp || (slotApplies[slot]! & want) === 0) continue;
      slotStamp[slot] = stamp;
      if (slotMayMatch(m, s, slot, stamp, counter)) return true;
    }
  }
  return false;
}

/** Does every group of the slot occur, each one's first occurrence before the next one's last? */
function slotMayMatch(m: Matcher, s: Scratch, slot: number, stamp: number, counter: { steps: number }): boolean {
  const { slotGroupFrom, groupSymbolFrom, groupSymbol } = m;
  const { symbolStamp, symbolFirst, symbolLast } = s;
  let previousFirst = -1;
  for (let g = slotGroupFrom[slot]!; g < slotGroupFrom[slot + 1]!; g++) {
    // Where this group first and last occurs in the message, over its symbols.
    let first = Infinity;
    let last = -1;
    for (let q = groupSymbolFrom[g]!; q < groupSymbolFrom[g + 1]!; q++) {
      counter.steps++;
      const symbol = groupSymbol[q]!;
      if (symbolStamp[symbol] !== stamp) continue;
      if (symbolFirst[symbol]! < first) first = symbolFirst[symbol]!;
      if (symbolLast[symbol]! > last) last = symbolLast[symbol]!;
    }
    // A match reads this group on a token after the one of the group before.
    if (last <= previousFirst) return false;
    previousFirst = first;
  }
  return true;
}
