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
import { APPLIES_INCOMING as INCOMING, APPLIES_OUTGOING as OUTGOING } from './anchors';
import type { Matcher } from './compile';
import { MAX_INTERNED_WORDS } from './normalise';
import { symbolsOf } from './symbols';
import type { Direction, Token } from './types';

// Copied once: a module binding read per call can cost a getter call in CommonJS builds.
const APPLIES_INCOMING = INCOMING;
const APPLIES_OUTGOING = OUTGOING;

/** The step counter when nobody counts (scanMessage): shared, so a call allocates nothing. */
const uncounted = { steps: 0 };

/** Per-message scratch; a stamp per message means nothing is cleared between messages. */
interface Scratch {
  stamp: number;
  /** Per symbol: the stamp of the message it occurs in, and the token index of its first and last occurrence. */
  symbolStamp: Int32Array;
  symbolFirst: Int32Array;
  symbolLast: Int32Array;
  /** Per group: the same, once worked out from its symbols (groupFirst -1: absent). */
  groupStamp: Int32Array;
  groupFirst: Int32Array;
  groupLast: Int32Array;
  /** Per trigger group: the stamp of the message in which its buckets were already visited. */
  triggerStamp: Int32Array;
  /** By word id: 0 not seen yet, 1 carries no anchor symbol (the filter skips it), 2 carries some. */
  wordState: Uint8Array;
  /** Symbols occurring in the message, in order of first occurrence. */
  present: Int32Array;
  syms: number[];
}

const scratchOf = new WeakMap<Matcher, Scratch>();
/** The last matcher's scratch, at hand: a page uses one matcher, and this runs per message. */
let lastMatcher: Matcher | undefined;
let lastScratch: Scratch | undefined;

function scratch(m: Matcher): Scratch {
  if (m === lastMatcher) return lastScratch!;
  let s = scratchOf.get(m);
  if (!s) {
    const groups = m.groupSymbolFrom.length - 1;
    s = {
      stamp: 0,
      symbolStamp: new Int32Array(m.symbolCount),
      symbolFirst: new Int32Array(m.symbolCount),
      symbolLast: new Int32Array(m.symbolCount),
      groupStamp: new Int32Array(groups),
      groupFirst: new Int32Array(groups),
      groupLast: new Int32Array(groups),
      triggerStamp: new Int32Array(groups),
      wordState: new Uint8Array(MAX_INTERNED_WORDS),
      present: new Int32Array(m.symbolCount),
      syms: [],
    };
    scratchOf.set(m, s);
  }
  lastMatcher = m;
  lastScratch = s;
  return s;
}

/**
 * Could any rule for `direction` match in these tokens? Never a false "no". Linear: each token's
 * symbols are looked up once; each trigger group's buckets are visited, each group located and
 * each slot checked, at most once per message.
 */
export function mayMatch(m: Matcher, tokens: readonly Token[], direction: Direction, counter: { steps: number } = uncounted): boolean {
  if (tokens.length === 0) return false;
  // An unknown direction is matched by rules for either.
  const want = direction === 'incoming' ? APPLIES_INCOMING : direction === 'outgoing' ? APPLIES_OUTGOING : APPLIES_INCOMING | APPLIES_OUTGOING;
  if (m.unanchoredApplies & want) return true;
  const s = scratch(m);
  const stamp = ++s.stamp;
  const { symbolStamp, symbolFirst, symbolLast, present } = s;

  // Pass 1: which symbols occur, first and last where.
  let count = 0;
  const { wordState } = s;
  const { anchorSymbol } = m;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    // The common case: a word already known to carry no anchor symbol, one read.
    const id = token.alt === undefined ? token.id : -1;
    if (id >= 0 && wordState[id] === 1) {
      counter.steps++;
      continue;
    }
    const syms = symbolsOf(m, token, s.syms);
    counter.steps += 1 + syms.length;
    let anchors = 0;
    for (let q = 0; q < syms.length; q++) {
      const symbol = syms[q]!;
      if (anchorSymbol[symbol] === 0) continue;
      anchors++;
      if (symbolStamp[symbol] !== stamp) {
        symbolStamp[symbol] = stamp;
        symbolFirst[symbol] = k;
        present[count++] = symbol;
      }
      symbolLast[symbol] = k;
    }
    if (id >= 0) wordState[id] = anchors === 0 ? 1 : 2;
  }

  // Pass 2: the trigger groups those symbols are in; under each, the buckets whose guard occurs.
  const { symbolTriggerFrom, symbolTrigger, bucketFrom, bucketGuard, bucketApplies, bucketSlotFrom, bucketSlot, slotApplies } = m;
  const { groupStamp, groupFirst } = s;
  for (let p = 0; p < count; p++) {
    const symbol = present[p]!;
    for (let t = symbolTriggerFrom[symbol]!; t < symbolTriggerFrom[symbol + 1]!; t++) {
      const trigger = symbolTrigger[t]!;
      counter.steps++;
      // Each trigger group once per message: locating it marks it.
      if (s.triggerStamp[trigger] === stamp) continue;
      s.triggerStamp[trigger] = stamp;
      for (let b = bucketFrom[trigger]!; b < bucketFrom[trigger + 1]!; b++) {
        counter.steps++;
        if ((bucketApplies[b]! & want) === 0) continue;
        const guard = bucketGuard[b]!;
        if (groupStamp[guard] !== stamp) locateGroup(m, s, guard, stamp, counter);
        if (groupFirst[guard]! < 0) continue;
        for (let q = bucketSlotFrom[b]!; q < bucketSlotFrom[b + 1]!; q++) {
          const slot = bucketSlot[q]!;
          counter.steps++;
          if ((slotApplies[slot]! & want) !== 0 && slotMayMatch(m, s, slot, stamp, counter)) return true;
        }
      }
    }
  }
  return false;
}

/** Does every group of the slot occur, each one's first occurrence before the next one's last? */
function slotMayMatch(m: Matcher, s: Scratch, slot: number, stamp: number, counter: { steps: number }): boolean {
  const { slotGroupFrom, slotGroup } = m;
  let previousFirst = -1;
  for (let k = slotGroupFrom[slot]!; k < slotGroupFrom[slot + 1]!; k++) {
    const g = slotGroup[k]!;
    counter.steps++;
    if (s.groupStamp[g] !== stamp) locateGroup(m, s, g, stamp, counter);
    // A match reads this group on a token after the one of the group before.
    if (s.groupFirst[g]! < 0 || s.groupLast[g]! <= previousFirst) return false;
    previousFirst = s.groupFirst[g]!;
  }
  return true;
}

/** Where a group first and last occurs in the message, over its symbols (first -1: nowhere). */
function locateGroup(m: Matcher, s: Scratch, g: number, stamp: number, counter: { steps: number }): void {
  const { groupSymbolFrom, groupSymbol } = m;
  const { symbolStamp, symbolFirst, symbolLast } = s;
  let first = -1;
  let last = -1;
  for (let q = groupSymbolFrom[g]!; q < groupSymbolFrom[g + 1]!; q++) {
    counter.steps++;
    const symbol = groupSymbol[q]!;
    if (symbolStamp[symbol] !== stamp) continue;
    if (first < 0 || symbolFirst[symbol]! < first) first = symbolFirst[symbol]!;
    if (symbolLast[symbol]! > last) last = symbolLast[symbol]!;
  }
  s.groupStamp[g] = stamp;
  s.groupFirst[g] = first;
  s.groupLast[g] = last;
}
