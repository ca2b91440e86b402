/**
 * Compiles every rule of every pack into ONE automaton over word symbols.
 *
 * - Each distinct pattern word, `word*` prefix and single-word lexicon gets a symbol. A message
 *   token maps to the small set of symbols it carries (its word, the lexicons it belongs to, the
 *   prefixes it starts with, "number"), so lexicons of any size cost one edge, not one per entry.
 * - Patterns become a Thompson NFA (no loops: the language has no repetition), epsilon edges are
 *   folded into precomputed closures, and the result is stored in flat typed arrays.
 * - match.ts simulates it with at most one thread per state, so the work per word is bounded by
 *   the automaton's size and the work per message is linear in its length, whatever the rules say.
 */
import { MIN_PREFIX, parsePattern, type PatternNode } from './pattern';
import { runAll, runInSlices, type Slicer } from './slices';

export { MIN_PREFIX };
import { anchorTable, appliesBits, PREFIX_COST, slotsOf, wordCost, type AnchorTable, type Group, type PatternSlot } from './anchors';
import { locatePattern } from './pack-parser';
import { PREFIX_BLOOM_SIZE, prefixBloomKey } from './symbols';
import type { LexiconFile, Pack, RuleDirection, RuleError, Severity } from './types';

/** Edge symbol that any word satisfies (gaps). */
export const ANY = -1;

export interface CompiledRule {
  id: string;
  category: string;
  severity: Severity;
  direction: RuleDirection;
  language: string;
  hasExceptions: boolean;
}

export interface Matcher extends AnchorTable {
  readonly rules: readonly CompiledRule[];
  /** Normalised word -> the symbols it carries (its own, and the lexicons it is listed in). */
  readonly words: ReadonlyMap<string, Int32Array>;
  /** Prefix of a `word*` entry -> the symbols a word starting with it carries. */
  readonly prefixes: ReadonlyMap<string, Int32Array>;
  /** Bits set for the hashed first MIN_PREFIX letters of every prefix (symbols.ts), to skip words that start like none. */
  readonly prefixBloom: Uint8Array;
  /** Distinct prefix lengths, ascending. */
  readonly prefixLengths: Int32Array;
  /** Symbols of a number token (`#`), empty when no pattern uses numbers. */
  readonly numberSymbols: Int32Array;
  readonly symbolCount: number;
  readonly stateCount: number;
  /** By symbol: the states entered when a word with that symbol starts a match. */
  readonly start: readonly (Int32Array | undefined)[];
  /** States entered by any word at the start (patterns that begin with an optional part then a gap). */
  readonly startAny: Int32Array;
  /**
   * Outgoing edges of state s: indices edgeFrom[s] .. edgeFrom[s+1]-1 of edgeSymbol/edgeTarget,
   * sorted by symbol with ANY first.
   */
  readonly edgeFrom: Int32Array;
  readonly edgeSymbol: Int32Array;
  readonly edgeTarget: Int32Array;
  /** By state: bit (symbol % 32) set for each of its symbol edges (ANY edges aside). */
  readonly edgeBloom: Int32Array;
  /** States reached by entering state t (itself and its epsilon closure), useful ones only. */
  readonly closureFrom: Int32Array;
  readonly closure: Int32Array;
  /** Accept codes of state s: rule index * 2 + (1 for an exception pattern). */
  readonly acceptFrom: Int32Array;
  readonly accept: Int32Array;
  /**
   * By state: the rule whose pattern (or exception) owns it, or -1 for states several patterns
   * share (the root and the trie of leading words). A thread in a rule's own states can only end
   * in that rule's accepts, so match.ts skips them for rules the anchor filter ruled out.
   */
  readonly stateRule: Int32Array;
}

export interface CompileResult {
  matcher: Matcher;
  errors: RuleError[];
}

/** A growable list of int32 tuples, so building 20,000 states allocates a few arrays, not 60,000. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Growing epsilon-NFA, frozen into a Matcher at the end. Edges are kept as flat lists of
 * (from, symbol, to), epsilon edges as (from, to) and accepts as (state, code).
 */
class NfaBuilder {
  count = 0;
  readonly epsilon = new IntList();
  readonly edges = new IntList();
  readonly accepts = new IntList();
  /** Rule of each state (-1: shared); new states take `owner`. */
  readonly owners = new IntList();
  owner = -1;

  state(): number {
    this.owners.push(this.owner);
    return this.count++;
  }
  /** Marks a state as shared by patterns (a trie node). */
  share(state: number): void {
    this.owners.data[state] = -1;
  }
  eps(from: number, to: number): void {
    this.epsilon.push(from);
    this.epsilon.push(to);
  }
  edge(from: number, symbol: number, to: number): void {
    this.edges.push(from);
    this.edges.push(symbol);
    this.edges.push(to);
  }
  accept(state: number, code: number): void {
    this.accepts.push(state);
    this.accepts.push(code);
  }
}

interface Lexicon {
  entries: PatternNode[];
  /** Index of entries in the owning file, for error positions. */
  owner: string[];
  /** Class symbol for the single-word and prefix entries, when there are any. */
  classSymbol?: number;
  /** How common its single-word and prefix entries are, summed (anchors.ts). */
  classCost: number;
  /** The anchor group it stands for, once worked out (anchors.ts). */
  anchorGroup?: Group | null;
  expanding?: boolean;
  /** Trie branches one reading of the lexicon makes (undefined: not known yet; null: not trie-able). */
  trieFactor?: number | null;
  /** Trie nodes where the lexicon ends, by the trie node it is read from. */
  trieEndsFrom?: Map<number, number[]>;
}

class CompileError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function compileRules(packs: readonly Pack[], lexiconFiles: readonly LexiconFile[]): CompileResult {
  return runAll(compileSteps(packs, lexiconFiles));
}

/**
 * The same compilation, cut into slices of at most `budgetMs` with a pause between them, so the
 * work of compiling never blocks its thread for long (tests compare it with compileRules).
 */
export function compileRulesInSlices(packs: readonly Pack[], lexiconFiles: readonly LexiconFile[], slicer: Slicer): Promise<CompileResult> {
  return runInSlices(compileSteps(packs, lexiconFiles), slicer);
}

/** Compilation as a generator that yields after each rule, so a driver can pause between rules. */
function* compileSteps(packs: readonly Pack[], lexiconFiles: readonly LexiconFile[]): Generator<void, CompileResult> {
  const errors: RuleError[] = [];
  const symbols = new SymbolTable();
  const nfa = new NfaBuilder();
  const root = nfa.state();
  const rules: CompiledRule[] = [];
  const lexicons = new Map<string, Lexicon>(); // key: language + ':' + name
  const trie = new Map<number, number>();
  const anchors: PatternSlot[] = [];

  // Lexicons: parse entries; single words and prefixes join the lexicon's class symbol.
  for (const file of lexiconFiles) {
    for (const [name, list] of Object.entries(file.lexicons)) {
      const lex: Lexicon = { entries: [], owner: list, classCost: 0 };
      lexicons.set(`${file.language}:${name}`, lex);
      list.forEach((entry, index) => {
        const parsed = parsePattern(entry);
        if (!parsed.ok) {
          const at = locatePattern(list, index, parsed.error.offset);
          errors.push({ pack: file.name, rule: `{${name}}`, ...at, message: `${parsed.error.message} in "${entry}"` });
          return;
        }
        const node = parsed.node;
        if (node.kind === 'word' || node.kind === 'prefix') {
          lex.classSymbol ??= symbols.fresh();
          symbols.addMember(node, lex.classSymbol);
          lex.classCost += node.kind === 'word' ? wordCost(node.text) : PREFIX_COST;
        } else {
          lex.entries.push(node);
        }
      });
      yield;
    }
  }

  const seenIds = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (seenIds.has(rule.id)) {
        errors.push({ pack: pack.name, rule: rule.id, line: 1, column: 1, message: 'rule id is used by another pack too' });
        continue;
      }
      seenIds.add(rule.id);
      const index = rules.length;
      rules.push({
        id: rule.id,
        category: pack.category,
        severity: rule.severity,
        direction: rule.direction,
        language: pack.language,
        hasExceptions: rule.except.length > 0,
      });
      const all = [...rule.patterns, ...rule.except];
      // States built from here on belong to this rule, trie nodes aside (see Matcher.stateRule).
      nfa.owner = index;
      all.forEach((source, k) => {
        const isException = k >= rule.patterns.length;
        const parsed = parsePattern(source);
        try {
          if (!parsed.ok) throw new CompileError(parsed.error.offset, parsed.error.message);
          const expander = new Expander(lexicons, symbols, pack.language);
          const end = buildPattern(nfa, trie, expander, parsed.node, root);
          nfa.accept(end, index * 2 + (isException ? 1 : 0));
          // Exceptions only cancel a match, so only patterns need anchors.
          if (!isException) for (const groups of slotsOf(expander, parsed.node)) anchors.push({ rule: index, applies: appliesBits(rule.direction), groups });
        } catch (e) {
          if (!(e instanceof CompileError)) throw e;
          const at = locatePattern(rule, k, e.offset);
          errors.push({ pack: pack.name, rule: rule.id, ...at, message: `${e.message} in pattern "${source}"` });
        }
      });
      nfa.owner = -1;
      yield;
    }
  }
  yield;
  return { matcher: yield* freeze(nfa, root, rules, symbols, anchors), errors };
}

/** Assigns symbols to words, prefixes and lexicon classes. */
class SymbolTable {
  count = 0;
  readonly words = new Map<string, number[]>();
  readonly prefixes = new Map<string, number[]>();
  /** Symbol of a literal word or prefix used directly in a pattern. */
  private readonly own = new Map<string, number>();
  numberSymbol: number | undefined;

  fresh(): number {
    return this.count++;
  }

  addMember(node: { kind: 'word' | 'prefix'; text: string }, symbol: number): void {
    const table = node.kind === 'word' ? this.words : this.prefixes;
    const list = table.get(node.text);
    if (list === undefined) table.set(node.text, [symbol]);
    else if (!list.includes(symbol)) list.push(symbol);
  }

  literal(node: { kind: 'word' | 'prefix'; text: string }): number {
    const key = `${node.kind}:${node.text}`;
    let symbol = this.own.get(key);
    if (symbol === undefined) {
      symbol = this.fresh();
      this.own.set(key, symbol);
      this.addMember(node, symbol);
    }
    return symbol;
  }

  number(): number {
    this.numberSymbol ??= this.fresh();
    return this.numberSymbol;
  }
}

/** Resolves `{name}` in one language, detecting unknown names and cycles. */
class Expander {
  constructor(
    private readonly lexicons: Map<string, Lexicon>,
    readonly symbols: SymbolTable,
    private readonly language: string,
  ) {}

  literal(node: { kind: 'word' | 'prefix'; text: string }): number {
    return this.symbols.literal(node);
  }

  number(): number {
    return this.symbols.number();
  }

  lexicon(name: string, offset: number): Lexicon {
    const lex = this.lexicons.get(`${this.language}:${name}`);
    if (!lex) throw new CompileError(offset, `unknown lexicon {${name}} for language "${this.language}"`);
    if (lex.expanding) throw new CompileError(offset, `lexicon {${name}} refers to itself`);
    return lex;
  }
}

/**
 * One pattern, from the root. Its leading words, including alternatives and optional parts made of
 * words (`(im | i am) [so] sorry`), are laid on a trie shared by all patterns, so that a first word
 * used by 200 patterns is one edge and one thread, not 200. The rest is built privately after a
 * join state. Sharing is safe because trie nodes only ever receive word edges, and epsilon edges
 * only go *out of* them into a pattern's private states: every path to a pattern's accept reads a
 * prefix that pattern allows, then its own remainder.
 */
function buildPattern(nfa: NfaBuilder, trie: Map<number, number>, ex: Expander, node: PatternNode, root: number): number {
  const items = node.kind === 'seq' ? node.items : [node];
  let ends = [root];
  let k = 0;
  for (; k < items.length; k++) {
    // Check first, so a walk never leaves half-built branches behind.
    const width = trieWidth(ex, items[k]!, ends.length);
    if (width === undefined || width > MAX_TRIE_BRANCHES) break;
    ends = trieEnds(nfa, trie, ex, items[k]!, ends)!;
  }
  let cur: number;
  if (ends.length === 1 && ends[0] !== root) cur = ends[0]!;
  else {
    // Several trie branches (or none) lead on: join them in a private state.
    cur = nfa.state();
    for (const e of ends) nfa.eps(e, cur);
  }
  for (; k < items.length; k++) cur = build(nfa, ex, items[k]!, cur);
  return cur;
}

/** Trie branches a pattern may fan out into before its private part starts. */
const MAX_TRIE_BRANCHES = 16;

/**
 * How many trie branches `node` leaves when read from `width` branches (before merging equal
 * ones), or undefined when the trie can't hold it. Builds nothing.
 */
function trieWidth(ex: Expander, node: PatternNode, width: number): number | undefined {
  switch (node.kind) {
    case 'seq': {
      let w: number | undefined = width;
      for (const item of node.items) {
        w = trieWidth(ex, item, w);
        if (w === undefined || w > MAX_TRIE_BRANCHES) return undefined;
      }
      return w;
    }
    case 'alt': {
      let total = 0;
      for (const option of node.options) {
        const w = trieWidth(ex, option, width);
        if (w === undefined) return undefined;
        total += w;
      }
      return total;
    }
    case 'optional': {
      const w = trieWidth(ex, node.body, width);
      return w === undefined ? undefined : w + width;
    }
    case 'lexicon': {
      // Reading a lexicon from `width` branches makes `width` times its own factor: compute that once.
      const lex = ex.lexicon(node.name, node.offset);
      if (lex.trieFactor === undefined) {
        let factor: number | null = lex.classSymbol === undefined ? 0 : 1;
        lex.expanding = true;
        try {
          for (const entry of lex.entries) {
            const w = trieWidth(ex, entry, 1);
            if (w === undefined) {
              factor = null;
              break;
            }
            factor += w;
          }
        } finally {
          lex.expanding = false;
        }
        lex.trieFactor = factor;
      }
      return lex.trieFactor === null ? undefined : width * lex.trieFactor;
    }
    default:
      return singleSymbol(ex, node) === undefined ? undefined : width;
  }
}

/**
 * The trie nodes where `node` ends when read from each of `from`, adding trie edges as needed;
 * undefined when the node has structure the trie can't hold (gaps, multi-word lexicon entries).
 */
function trieEnds(nfa: NfaBuilder, trie: Map<number, number>, ex: Expander, node: PatternNode, from: readonly number[]): number[] | undefined {
  let out: number[] | undefined;
  switch (node.kind) {
    case 'seq': {
      let ends: readonly number[] | undefined = from;
      for (const item of node.items) {
        ends = trieEnds(nfa, trie, ex, item, ends);
        if (ends === undefined) return undefined;
      }
      out = [...ends];
      break;
    }
    case 'alt': {
      out = [];
      for (const option of node.options) {
        const ends = trieEnds(nfa, trie, ex, option, from);
        if (ends === undefined) return undefined;
        out.push(...ends);
      }
      break;
    }
    case 'optional': {
      const ends = trieEnds(nfa, trie, ex, node.body, from);
      if (ends === undefined) return undefined;
      out = [...from, ...ends];
      break;
    }
    case 'lexicon': {
      // Its single words as one class edge, its longer entries as trie paths of their own; the
      // ends from a given trie node are remembered, as lexicons like {you} start many patterns.
      const lex = ex.lexicon(node.name, node.offset);
      const memo = (lex.trieEndsFrom ??= new Map());
      out = [];
      for (const state of from) {
        let ends = memo.get(state);
        if (ends === undefined) {
          ends = lex.classSymbol === undefined ? [] : [trieStep(nfa, trie, state, lex.classSymbol)];
          lex.expanding = true;
          try {
            for (const entry of lex.entries) ends.push(...trieEnds(nfa, trie, ex, entry, [state])!);
          } finally {
            lex.expanding = false;
          }
          memo.set(state, ends);
        }
        out.push(...ends);
      }
      break;
    }
    default: {
      const symbol = singleSymbol(ex, node);
      if (symbol === undefined) return undefined;
      out = from.map((state) => trieStep(nfa, trie, state, symbol));
    }
  }
  const unique = [...new Set(out)];
  return unique.length > MAX_TRIE_BRANCHES ? undefined : unique;
}

/** Trie keys are numbers (state, symbol): far cheaper than strings for 20,000 look-ups. */
const TRIE_SYMBOL_SPACE = 2 ** 24;

/** The trie node one word past `state`, made on first use. */
function trieStep(nfa: NfaBuilder, trie: Map<number, number>, state: number, symbol: number): number {
  const key = state * TRIE_SYMBOL_SPACE + symbol;
  let next = trie.get(key);
  if (next === undefined) {
    next = edge(nfa, state, symbol);
    // Later patterns may walk through it: no rule owns a trie node.
    nfa.share(next);
    trie.set(key, next);
  }
  return next;
}

/** The one symbol of an item that is a single edge, or undefined for anything with structure. */
function singleSymbol(ex: Expander, node: PatternNode): number | undefined {
  switch (node.kind) {
    case 'word':
    case 'prefix':
      return ex.symbols.literal(node);
    case 'number':
      return ex.symbols.number();
    case 'lexicon': {
      const lex = ex.lexicon(node.name, node.offset);
      return lex.entries.length === 0 ? lex.classSymbol : undefined;
    }
    default:
      return undefined;
  }
}

/** Thompson construction: adds `node` after state `from`, returns the state where it ends. */
function build(nfa: NfaBuilder, ex: Expander, node: PatternNode, from: number): number {
  switch (node.kind) {
    case 'word':
    case 'prefix':
      return edge(nfa, from, ex.symbols.literal(node));
    case 'number':
      return edge(nfa, from, ex.symbols.number());
    case 'lexicon': {
      const lex = ex.lexicon(node.name, node.offset);
      const end = nfa.state();
      if (lex.classSymbol !== undefined) nfa.eps(edge(nfa, from, lex.classSymbol), end);
      lex.expanding = true;
      try {
        for (const entry of lex.entries) nfa.eps(build(nfa, ex, entry, from), end);
      } catch (e) {
        // Errors inside a lexicon entry are reported at the reference in the pattern.
        if (e instanceof CompileError) throw new CompileError(node.offset, `in lexicon {${node.name}}: ${e.message}`);
        throw e;
      } finally {
        lex.expanding = false;
      }
      return end;
    }
    case 'seq': {
      let cur = from;
      for (const item of node.items) cur = build(nfa, ex, item, cur);
      return cur;
    }
    case 'alt': {
      const end = nfa.state();
      for (const option of node.options) nfa.eps(build(nfa, ex, option, from), end);
      return end;
    }
    case 'optional': {
      const end = build(nfa, ex, node.body, from);
      nfa.eps(from, end);
      return end;
    }
    case 'gap': {
      const end = nfa.state();
      let cur = from;
      nfa.eps(cur, end);
      for (let k = 0; k < node.max; k++) {
        cur = edge(nfa, cur, ANY);
        nfa.eps(cur, end);
      }
      return end;
    }
  }
}

function edge(nfa: NfaBuilder, from: number, symbol: number): number {
  const to = nfa.state();
  nfa.edge(from, symbol, to);
  return to;
}

/** Compressed rows: for each state, the slice of `values` holding its entries. */
function rows(count: number, pairs: IntList, width: number, keyAt: number): { from: Int32Array; order: Int32Array } {
  const from = new Int32Array(count + 1);
  const n = pairs.length / width;
  for (let k = 0; k < n; k++) from[pairs.data[k * width + keyAt]! + 1]!++;
  for (let s = 0; s < count; s++) from[s + 1]! += from[s]!;
  const fill = from.slice(0, count);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[fill[pairs.data[k * width + keyAt]!]!++] = k;
  return { from, order };
}

/** Epsilon closures, start table and flat arrays. */
function* freeze(nfa: NfaBuilder, root: number, rules: CompiledRule[], symbols: SymbolTable, anchors: readonly PatternSlot[]): Generator<void, Matcher> {
  const n = nfa.count;
  const E = nfa.edges.data;
  const P = nfa.epsilon.data;
  const A = nfa.accepts.data;

  // Outgoing edges per state (CSR), in insertion order.
  const edgeRows = rows(n, nfa.edges, 3, 0);
  const edgeFrom = edgeRows.from;
  const edgeSymbol = new Int32Array(edgeRows.order.length);
  const edgeTarget = new Int32Array(edgeRows.order.length);
  edgeRows.order.forEach((k, i) => {
    edgeSymbol[i] = E[k * 3 + 1]!;
    edgeTarget[i] = E[k * 3 + 2]!;
  });
  // Each state's edges sorted by symbol (ANY, -1, first), so a thread takes its ANY edges first and
  // a word finds its own by binary search on states with many edges (trie nodes). Each state also
  // gets a 32-bit summary of its symbols (bit symbol % 32): a word whose symbols share no bit with
  // it can skip the state's symbol edges without looking.
  const edgeBloom = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const a = edgeFrom[s]!;
    const b = edgeFrom[s + 1]!;
    let sorted = true;
    for (let e = a; e < b; e++) {
      if (edgeSymbol[e] !== ANY) edgeBloom[s]! |= 1 << (edgeSymbol[e]! & 31);
      if (e > a && edgeSymbol[e - 1]! > edgeSymbol[e]!) sorted = false;
    }
    if (sorted) continue;
    const pairs: [number, number][] = [];
    for (let e = a; e < b; e++) pairs.push([edgeSymbol[e]!, edgeTarget[e]!]);
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    pairs.forEach(([symbol, target], k) => {
      edgeSymbol[a + k] = symbol;
      edgeTarget[a + k] = target;
    });
  }
  yield;
  const acceptRows = rows(n, nfa.accepts, 2, 0);
  const acceptFrom = acceptRows.from;
  const accept = new Int32Array(acceptRows.order.length);
  acceptRows.order.forEach((k, i) => (accept[i] = A[k * 2 + 1]!));
  const epsRows = rows(n, nfa.epsilon, 2, 0);
  const epsTo = new Int32Array(epsRows.order.length);
  epsRows.order.forEach((k, i) => (epsTo[i] = P[k * 2 + 1]!));

  yield;
  const useful = (s: number) => edgeFrom[s + 1]! > edgeFrom[s]! || acceptFrom[s + 1]! > acceptFrom[s]!;
  // Closures are needed only for states entered by an edge, and the root (for the start table).
  const entered = new Uint8Array(n);
  for (let i = 0; i < edgeTarget.length; i++) entered[edgeTarget[i]!] = 1;
  const stamp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const closure = new IntList(n * 2);
  const closureFrom = new Int32Array(n + 1);
  const closureOf = (s: number, out: (u: number) => void) => {
    let top = 0;
    stack[top++] = s;
    stamp[s] = s;
    while (top > 0) {
      const t = stack[--top]!;
      if (useful(t)) out(t);
      for (let k = epsRows.from[t]!; k < epsRows.from[t + 1]!; k++) {
        const u = epsTo[k]!;
        if (stamp[u] !== s) {
          stamp[u] = s;
          stack[top++] = u;
        }
      }
    }
  };
  for (let s = 0; s < n; s++) {
    closureFrom[s] = closure.length;
    if (entered[s]) closureOf(s, (u) => closure.push(u));
  }
  closureFrom[n] = closure.length;

  yield;
  // Starting edges come from the root's closure, grouped by symbol.
  const start: number[][] = Array.from({ length: symbols.count }, () => []);
  const startAny: number[] = [];
  closureOf(root, (s) => {
    for (let e = edgeFrom[s]!; e < edgeFrom[s + 1]!; e++) {
      if (edgeSymbol[e] === ANY) startAny.push(edgeTarget[e]!);
      else start[edgeSymbol[e]!]!.push(edgeTarget[e]!);
    }
  });

  yield;
  const table = yield* anchorTable(anchors, symbols.count);
  const toTyped = (m: Map<string, number[]>) => new Map([...m].map(([k, v]) => [k, Int32Array.from(v)]));
  return {
    rules,
    words: toTyped(symbols.words),
    prefixes: toTyped(symbols.prefixes),
    prefixBloom: prefixBloom(symbols.prefixes.keys()),
    prefixLengths: Int32Array.from(new Set([...symbols.prefixes.keys()].map((p) => p.length))).sort(),
    numberSymbols: symbols.numberSymbol === undefined ? new Int32Array(0) : Int32Array.of(symbols.numberSymbol),
    symbolCount: symbols.count,
    stateCount: n,
    start: start.map((list) => (list.length > 0 ? Int32Array.from(list) : undefined)),
    startAny: Int32Array.from(startAny),
    edgeFrom,
    edgeSymbol,
    edgeTarget,
    edgeBloom,
    closureFrom,
    closure: closure.data.slice(0, closure.length),
    acceptFrom,
    accept,
    stateRule: nfa.owners.data.slice(0, n),
    ...table,
  };
}

function prefixBloom(prefixes: Iterable<string>): Uint8Array {
  const bloom = new Uint8Array(PREFIX_BLOOM_SIZE);
  for (const p of prefixes) bloom[prefixBloomKey(p)] = 1;
  return bloom;
}

/** Edges of one state at or below which a linear scan beats a binary search. */
export const LINEAR_EDGES = 8;
