/**
 * The fast first pass: "which rules that look at this direction could match this message?".
 * anchors.ts gives every way of matching a pattern (a slot) the groups of symbols it needs, in
 * order. The message is read once, word by word, marking the groups each word belongs to (where
 * each first and last occurs); then only the slots triggered by a group that occurs (their rarest)
 * are checked: each group must occur, the first occurrence of each before the last occurrence of
 * the next. Almost every chat message fails at once; for those that pass, the thread simulation
 * in match.ts runs the candidate rules only (and the trie of leading words they share), and
 * decides which match, where, and whether an exception cancels them.
 *
 * Exact in one direction: it never leaves out a rule that matches. It keeps no state between
 * messages apart from what it learnt about words, so its cost does not depend on what the page
 * said before.
 *
 * Per message it touches one record per group that occurs (stamp, first, last side by side) and
 * one number per bucket: on a page it runs in small doses between the page's own work and finds
 * its data out of cache, where a read costs more than the work done with it.
 */
import { APPLIES_INCOMING as INCOMING, APPLIES_OUTGOING as OUTGOING, BUCKET_GUARD_SHIFT as GUARD_SHIFT } from './anchors';
import type { Matcher } from './compile';
import { MAX_INTERNED_WORDS } from './normalise';
import { symbolsOf } from './symbols';
import type { Direction, Token } from './types';

// Copied once: a module binding read per call can cost a getter call in CommonJS builds.
const APPLIES_INCOMING = INCOMING;
const APPLIES_OUTGOING = OUTGOING;
const BUCKET_GUARD_SHIFT = GUARD_SHIFT;
const APPLIES_MASK = (1 << GUARD_SHIFT) - 1;

/** The step counter when nobody counts (scanMessage): shared, so a call allocates nothing. */
const uncounted = { steps: 0 };

/** wordGroups values below LIST: not seen yet, or in no group (the common case, one read). */
const UNSEEN = 0;
const NO_GROUP = 1;
const LIST = 2;

/** A group's record in Scratch.group: the stamp of the message it occurs in, its first and last token. */
const STAMP = 0;
const FIRST = 1;
const LAST = 2;
const RECORD = 3;

/** Per matcher: what it learnt about words, and per-message scratch (a stamp per message, so nothing is cleared). */
interface Scratch {
  stamp: number;
  /** Per group g, at g * RECORD: STAMP, FIRST, LAST. */
  group: Int32Array;
  /** Trigger groups occurring in the message, in order of first occurrence. */
  triggers: Int32Array;
  /**
   * By word id: UNSEEN, NO_GROUP, or LIST + the offset in `pool` of the word's groups (a count,
   * then each group as g << 1 | 1 when it triggers slots, distinct). Learnt the first time a
   * word is read, so a known word costs one read plus its groups (about 1.7 per chat word).
   */
  wordGroups: Int32Array;
  pool: Int32Array;
  poolLength: number;
  /** Per group: 1 when it triggers slots (it has buckets); read when learning a word and for the rare token read from its symbols. */
  isTrigger: Uint8Array;
  /** By rule: the stamp of the message in which it is a candidate (see candidateRules). */
  ruleMarks: Int32Array;
  /** Scratch while learning a word: the stamp per group of the word last learnt. */
  learnStamp: Int32Array;
  learnCount: number;
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
    const isTrigger = new Uint8Array(groups);
    for (let g = 0; g < groups; g++) isTrigger[g] = m.bucketFrom[g + 1]! > m.bucketFrom[g]! ? 1 : 0;
    s = {
      stamp: 0,
      group: new Int32Array(groups * RECORD),
      triggers: new Int32Array(groups),
      wordGroups: new Int32Array(MAX_INTERNED_WORDS),
      pool: new Int32Array(1024),
      poolLength: 0,
      isTrigger,
      ruleMarks: new Int32Array(m.rules.length),
      learnStamp: new Int32Array(groups),
      learnCount: 0,
      syms: [],
    };
    scratchOf.set(m, s);
  }
  lastMatcher = m;
  lastScratch = s;
  return s;
}

/**
 * Which rules for `direction` could match in these tokens? Returns 0 when none can (almost every
 * chat message), else a stamp: the candidates are the rules whose candidateMarks(m) entry equals
 * it, until the next call. Never leaves out a rule that matches. Linear: each token's groups are
 * marked once; each trigger group's buckets are visited, and each slot checked, at most once per
 * message.
 */
export function candidateRules(m: Matcher, tokens: readonly Token[], direction: Direction, counter: { steps: number } = uncounted): number {
  if (tokens.length === 0) return 0;
  // An unknown direction is matched by rules for either.
  const want = direction === 'incoming' ? APPLIES_INCOMING : direction === 'outgoing' ? APPLIES_OUTGOING : APPLIES_INCOMING | APPLIES_OUTGOING;
  const s = scratch(m);
  const stamp = ++s.stamp;
  const { group, triggers, wordGroups, ruleMarks } = s;
  let candidates = 0;
  // Rules with a way that needs no word are always worth simulating (their direction is checked
  // when they accept).
  if (m.unanchoredApplies & want) {
    const { unanchoredRules } = m;
    for (let r = 0; r < unanchoredRules.length; r++) {
      ruleMarks[unanchoredRules[r]!] = stamp;
      candidates++;
    }
  }

  // Pass 1: which groups occur, first and last where.
  let count = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    counter.steps++;
    if (token.alt === undefined && token.id >= 0) {
      // The common case: a known word, one read; most chat words are in no group.
      let entry = wordGroups[token.id]!;
      if (entry === NO_GROUP) continue;
      if (entry === UNSEEN) entry = learnWord(m, s, token);
      if (entry === NO_GROUP) continue;
      const pool = s.pool;
      const from = entry - LIST + 1;
      const to = from + pool[entry - LIST]!;
      for (let q = from; q < to; q++) {
        const code = pool[q]!;
        const at = (code >> 1) * RECORD;
        counter.steps++;
        if (group[at + STAMP] !== stamp) {
          group[at + STAMP] = stamp;
          group[at + FIRST] = k;
          if ((code & 1) === 1) triggers[count++] = code >> 1;
        }
        group[at + LAST] = k;
      }
      continue;
    }
    // A leetspeak word (two readings) or one outside the normaliser's table: from its symbols.
    const syms = symbolsOf(m, token, s.syms);
    const { symbolGroupFrom, symbolGroup } = m;
    for (let i = 0; i < syms.length; i++) {
      const symbol = syms[i]!;
      for (let q = symbolGroupFrom[symbol]!; q < symbolGroupFrom[symbol + 1]!; q++) {
        const g = symbolGroup[q]!;
        const at = g * RECORD;
        counter.steps++;
        if (group[at + STAMP] !== stamp) {
          group[at + STAMP] = stamp;
          group[at + FIRST] = k;
          if (s.isTrigger[g] === 1) triggers[count++] = g;
        }
        group[at + LAST] = k;
      }
    }
  }

  // Pass 2: under each trigger group that occurs, the buckets whose guard occurs, and their slots;
  // each slot that passes makes its rules candidates.
  const { bucketFrom, bucketKey, bucketSlotFrom, bucketSlot, slotApplies, slotRuleFrom, slotRule } = m;
  for (let p = 0; p < count; p++) {
    const trigger = triggers[p]!;
    for (let b = bucketFrom[trigger]!; b < bucketFrom[trigger + 1]!; b++) {
      const key = bucketKey[b]!;
      counter.steps++;
      if ((key & want & APPLIES_MASK) === 0 || group[(key >> BUCKET_GUARD_SHIFT) * RECORD + STAMP] !== stamp) continue;
      for (let q = bucketSlotFrom[b]!; q < bucketSlotFrom[b + 1]!; q++) {
        const slot = bucketSlot[q]!;
        counter.steps++;
        if ((slotApplies[slot]! & want) === 0 || !slotMayMatch(m, group, slot, stamp, counter)) continue;
        for (let r = slotRuleFrom[slot]!; r < slotRuleFrom[slot + 1]!; r++) {
          const rule = slotRule[r]!;
          if (ruleMarks[rule] !== stamp) {
            ruleMarks[rule] = stamp;
            candidates++;
          }
        }
      }
    }
  }
  return candidates > 0 ? stamp : 0;
}

/** The marks candidateRules leaves, by rule index (compare with the stamp it returned). */
export function candidateMarks(m: Matcher): Int32Array {
  return scratch(m).ruleMarks;
}

/** Does every group of the slot occur, each one's first occurrence before the next one's last? */
function slotMayMatch(m: Matcher, group: Int32Array, slot: number, stamp: number, counter: { steps: number }): boolean {
  const { slotGroupFrom, slotGroup } = m;
  let previousFirst = -1;
  for (let k = slotGroupFrom[slot]!; k < slotGroupFrom[slot + 1]!; k++) {
    const at = slotGroup[k]! * RECORD;
    counter.steps++;
    // A match reads this group on a token after the one of the group before.
    if (group[at + STAMP] !== stamp || group[at + LAST]! <= previousFirst) return false;
    previousFirst = group[at + FIRST]!;
  }
  return true;
}

/** Works out the groups of an interned word once, from its symbols, and remembers them by its id. */
function learnWord(m: Matcher, s: Scratch, token: Token): number {
  const syms = symbolsOf(m, token, s.syms);
  const { symbolGroupFrom, symbolGroup } = m;
  const mark = ++s.learnCount;
  const start = s.poolLength;
  let n = 0;
  for (let i = 0; i < syms.length; i++) {
    const symbol = syms[i]!;
    for (let q = symbolGroupFrom[symbol]!; q < symbolGroupFrom[symbol + 1]!; q++) {
      const g = symbolGroup[q]!;
      if (s.learnStamp[g] === mark) continue;
      s.learnStamp[g] = mark;
      if (start + 1 + n >= s.pool.length) grow(s);
      s.pool[start + 1 + n++] = (g << 1) | s.isTrigger[g]!;
    }
  }
  if (n === 0) return (s.wordGroups[token.id] = NO_GROUP);
  s.pool[start] = n;
  s.poolLength = start + 1 + n;
  return (s.wordGroups[token.id] = LIST + start);
}

function grow(s: Scratch): void {
  const bigger = new Int32Array(s.pool.length * 2);
  bigger.set(s.pool);
  s.pool = bigger;
}
