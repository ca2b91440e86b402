/**
 * A lazily built DFA over the same automaton, used as a fast first pass: "does any rule that
 * looks at this direction end somewhere in this message?". Almost every chat message answers no,
 * at the cost of one or two table look-ups per word. Only messages that answer yes go through the
 * thread simulation in match.ts, which finds where each match starts and applies exceptions.
 *
 * DFA states are sets of automaton states, built on first use and cached (as RE2 does). The cache
 * is capped: when it is full it starts over, so memory stays bounded and every word still costs at
 * most one subset construction, linear in the automaton's size. Linear time holds either way.
 */
import { forEachEdge, type Matcher } from './compile';
import { symbolsOf } from './symbols';
import type { Direction, Token } from './types';

/** DFA states kept before the cache starts over. */
export const MAX_DFA_STATES = 20_000;
/** Distinct symbol sets of words kept before that cache starts over. */
const MAX_SYMBOL_SETS = 50_000;
/** Words remembered with their symbol set; chat vocabulary is open-ended, so this is capped too. */
const MAX_WORDS = 100_000;

/** The step counter when nobody counts (scanMessage): shared, so a call allocates nothing. */
const uncounted = { steps: 0 };

const ACCEPT_INCOMING = 1;
const ACCEPT_OUTGOING = 2;

interface DfaState {
  /** Automaton states in this set, ascending. */
  readonly states: Int32Array;
  /** ACCEPT_* bits: some rule for that direction ends here (exceptions don't count). */
  readonly accepts: number;
  /** Next state by symbol-set id. */
  readonly next: Map<number, DfaState>;
}

interface Dfa {
  readonly states: Map<string, DfaState>;
  idle: DfaState;
  /** Symbol set (sorted, joined) -> id; id 0 is the empty set. */
  readonly sets: Map<string, number>;
  /** Word (a token without a leetspeak reading) -> its symbol-set id: one look-up per word. */
  readonly words: Map<string, number>;
  /** Scratch for subset construction. */
  readonly mark: Int32Array;
  gen: number;
  /** Scratch list of a word's symbols. */
  readonly syms: number[];
}

const dfas = new WeakMap<Matcher, Dfa>();

function dfaOf(m: Matcher): Dfa {
  let dfa = dfas.get(m);
  if (!dfa) {
    const states = new Map<string, DfaState>();
    dfa = { states, idle: undefined as unknown as DfaState, sets: new Map([['', 0]]), words: new Map(), mark: new Int32Array(m.stateCount), gen: 0, syms: [] };
    dfa.idle = intern(m, dfa, []);
    dfas.set(m, dfa);
  }
  return dfa;
}

function intern(m: Matcher, dfa: Dfa, list: number[]): DfaState {
  list.sort((a, b) => a - b);
  const key = list.join(',');
  let state = dfa.states.get(key);
  if (!state) {
    let accepts = 0;
    for (const s of list) {
      for (let c = m.acceptFrom[s]!; c < m.acceptFrom[s + 1]!; c++) {
        const code = m.accept[c]!;
        if (code & 1) continue; // exceptions only cancel; they never make a message interesting
        const direction = m.rules[code >> 1]!.direction;
        if (direction !== 'outgoing') accepts |= ACCEPT_INCOMING;
        if (direction !== 'incoming') accepts |= ACCEPT_OUTGOING;
      }
    }
    state = { states: Int32Array.from(list), accepts, next: new Map() };
    dfa.states.set(key, state);
  }
  return state;
}

/** Subset construction for one word: the same transitions match.ts takes, without start positions. */
function step(m: Matcher, dfa: Dfa, from: DfaState, syms: readonly number[], counter: { steps: number }): DfaState {
  const gen = ++dfa.gen;
  const list: number[] = [];
  const enter = (t: number) => {
    for (let c = m.closureFrom[t]!; c < m.closureFrom[t + 1]!; c++) {
      const u = m.closure[c]!;
      counter.steps++;
      if (dfa.mark[u] !== gen) {
        dfa.mark[u] = gen;
        list.push(u);
      }
    }
  };
  for (const s of from.states) counter.steps += forEachEdge(m, s, syms, enter);
  for (const symbol of syms) {
    const targets = m.start[symbol];
    if (targets) for (const t of targets) enter(t);
  }
  for (const t of m.startAny) enter(t);
  counter.steps += list.length;
  return intern(m, dfa, list);
}

function setId(dfa: Dfa, syms: number[]): number {
  if (syms.length === 0) return 0;
  const key = syms.length === 1 ? String(syms[0]) : [...syms].sort((a, b) => a - b).join(',');
  let id = dfa.sets.get(key);
  if (id === undefined) {
    if (dfa.sets.size >= MAX_SYMBOL_SETS) {
      // Ids are only meaningful with the transitions and words that use them: start all over.
      dfa.sets.clear();
      dfa.sets.set('', 0);
      dfa.words.clear();
      reset(dfa);
    }
    id = dfa.sets.size;
    dfa.sets.set(key, id);
  }
  return id;
}

function reset(dfa: Dfa): void {
  dfa.states.clear();
  const idle: DfaState = { states: new Int32Array(0), accepts: 0, next: new Map() };
  dfa.states.set('', idle);
  dfa.idle = idle;
}

/**
 * Could any rule for `direction` match in these tokens? Exact (never a false "no"): when it says
 * yes, the full simulation decides which rules, where, and whether an exception cancels them.
 */
export function mayMatch(m: Matcher, tokens: readonly Token[], direction: Direction, counter: { steps: number } = uncounted): boolean {
  const dfa = dfaOf(m);
  if (dfa.states.size > MAX_DFA_STATES) reset(dfa);
  const want = direction === 'incoming' ? ACCEPT_INCOMING : direction === 'outgoing' ? ACCEPT_OUTGOING : ACCEPT_INCOMING | ACCEPT_OUTGOING;
  const syms = dfa.syms;
  const idleOnNothing = m.startAny.length === 0;
  let state = dfa.idle;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    counter.steps++;
    let id = token.alt === undefined ? dfa.words.get(token.text) : undefined;
    if (id === undefined) {
      id = setId(dfa, symbolsOf(m, token, syms));
      if (token.alt === undefined) {
        if (dfa.words.size >= MAX_WORDS) dfa.words.clear();
        dfa.words.set(token.text, id);
      }
    }
    // The common case: no thread alive and a word no rule mentions.
    if (id === 0 && state === dfa.idle && idleOnNothing) continue;
    let next = state.next.get(id);
    if (!next) {
      // A transition not built yet: the word's symbols are needed (the look-up above may have skipped them).
      next = step(m, dfa, state, symbolsOf(m, token, syms), counter);
      state.next.set(id, next);
    }
    state = next;
    if (state.accepts & want) return true;
  }
  return false;
}
