/**
 * Conversation risk: turns rule hits into a level for one conversation. Pure TypeScript, used by
 * the content script (through rules/conversation.ts) and by `npm run scan`, so both decide alike.
 *
 * Grooming is a process, not a word. Precision first: a single weak signal never opens the panel.
 * Strong rules (severity high) and urgent ones (threats, sextortion) alert at once; weaker ones
 * add up across different categories (the other person coming back to the same kind of signal
 * adds a little, never enough for a warning on its own; low signals only top up), and fade with
 * time and messages. Every
 * number that shapes the decision is a named constant in this file, tuned with `npm run eval`
 * (see docs/evaluation.md).
 */
import type { Direction, Hit, Severity } from './engine';
import { furthestStage, type StageId } from './categories';

export type Level = 'none' | 'notice' | 'warning' | 'urgent';
export const LEVELS: readonly Level[] = ['none', 'notice', 'warning', 'urgent'];

/** Points one category contributes, by the strongest severity seen in it. */
export const SEVERITY_POINTS: Record<Severity, number> = {
  low: 1, // a compliment, "add me on snap": means nothing alone
  medium: 2, // "how old are you", "are your parents home": part of the pattern, common alone
  high: 4, // "don't tell your parents", "send me a pic": enough on its own
  urgent: 8, // threats and sextortion: help comes first (and the level is urgent)
};

/**
 * The reader's own messages (a disclosure such as "im 13") say something about the situation but
 * nothing about the other person: they count at this share of their points.
 */
export const OUTGOING_SHARE = 0.5;

/**
 * The other person returning to a category in further messages is a pattern, not a one-off: each
 * further message with a signal of that category adds this share of a point, up to REPEAT_CAP per
 * category. The cap keeps a single category below WARNING_POINTS (medium 2 + 1 = 3), so one kind of
 * weak signal, however often repeated, never opens the panel by itself.
 */
export const REPEAT_SHARE = 1;
export const REPEAT_CAP = 1;

/**
 * Photo requests and sexual talk are one stage (escalation), and between adults they come
 * together. Unless the conversation also shows the young person's situation (CONTEXT_CATEGORIES at
 * medium or stronger: talk about their age, school year, parents and supervision, secrecy,
 * isolation, moving apps, meeting, gifts, pressure, the reader saying their age...), these
 * categories share one place: only the stronger of them counts. Strong signals in them still
 * alert at once.
 */
export const SHARED_WITHOUT_CONTEXT: readonly string[] = ['pictures', 'sexual-talk'];
export const CONTEXT_CATEGORIES: ReadonlySet<string> = new Set([
  'age',
  'personal-questions',
  'personal-info',
  'supervision',
  'secrecy',
  'isolation',
  'platform-move',
  'meeting',
  'gifts',
  'pressure',
  'threats',
  'recruitment',
  'disclosure',
]);

/** Points at which the quiet badge (notice) and the panel (warning) start. */
export const NOTICE_POINTS = 1;
export const WARNING_POINTS = 4;
/** Urgent is never reached by adding up: only an urgent rule (a threat) makes a conversation urgent. */

/**
 * Weak signals top up, they do not carry: categories worth less than a medium signal (a single low
 * one such as "asl" or "where are you from", or the reader's own medium signal at OUTGOING_SHARE)
 * count at most this many points together towards WARNING_POINTS. So a warning from adding up
 * needs two medium signals of different kinds, or one that the other person keeps coming back to
 * (medium 2 + repeat 1 = 3), before small talk can tip it. The notice still counts every point.
 */
export const WEAK_TOP_UP = 1;

/** Evidence older than this many messages of the conversation, or this many ms, no longer counts. */
export const FADE_AFTER_MESSAGES = 400;
export const FADE_AFTER_MS = 14 * 24 * 60 * 60 * 1000;

/** Evidence kept per conversation (newest first); the panel lists these. */
export const MAX_EVIDENCE = 16;

/** Severities that "not a concern" quiets. Strong and urgent signals still alert. */
const WEAK: ReadonlySet<Severity> = new Set(['low', 'medium']);

export interface Evidence {
  rule: string;
  category: string;
  severity: Severity;
  /** The matched words. Empty for evidence restored from a stored summary: text is never stored. */
  quote: string;
  direction: Direction;
  /** Time of the message (ms since epoch). */
  at: number;
  /** Position of the message in the conversation (0-based). */
  message: number;
}

export interface Assessment {
  level: Level;
  /** Newest first. Read-only: the conversation keeps it. */
  evidence: readonly Evidence[];
  /** The level rose, or new evidence arrived while at warning or above: show or refresh the panel. */
  changed: boolean;
  /** The reader snoozed this conversation: warnings wait, urgent still shows. */
  snoozed: boolean;
  /** The reader said this conversation is not a concern: weak signals are quiet. */
  notConcern: boolean;
  /** The furthest grooming stage the evidence reaches (for educators). */
  stage: StageId | undefined;
}

/** What the background stores per conversation: no message text, ever. */
export interface RiskSummary {
  version: 1;
  messages: number;
  level: Level;
  notConcern: boolean;
  snoozedUntil: number;
  evidence: Omit<Evidence, 'quote'>[];
}

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

export function atLeast(level: Level, floor: Level): boolean {
  return levelIndex(level) >= levelIndex(floor);
}

/** State of one conversation. Holds quotes in memory only. */
export class ConversationRisk {
  private evidence: Evidence[] = [];
  private messages = 0;
  private level: Level = 'none';
  /** The last assessment handed out, reused while nothing it shows has changed. */
  private lastAssessment: Assessment | undefined;
  private notConcern = false;
  private snoozedUntil = 0;
  private now = 0;

  /** Add one message's hits (possibly none) and return the conversation's assessment. */
  add(hits: readonly Hit[], direction: Direction, now: number): Assessment {
    const index = this.messages++;
    this.now = now;
    const oldest = this.evidence[this.evidence.length - 1];
    const fading = oldest !== undefined && (index - oldest.message >= FADE_AFTER_MESSAGES || now - oldest.at >= FADE_AFTER_MS);
    // Most messages carry no hit and nothing fades: nothing to recompute.
    if (hits.length === 0 && !fading) return this.assessment(false);
    const before = this.level;
    const fresh = hits.map((hit) => ({ rule: hit.rule, category: hit.category, severity: hit.severity, quote: hit.quote, direction, at: now, message: index }));
    // Newest message first; the hits of one message stay in reading order for the quote.
    this.evidence = [...fresh, ...this.evidence]
      .filter((e) => index - e.message < FADE_AFTER_MESSAGES && now - e.at < FADE_AFTER_MS)
      .slice(0, MAX_EVIDENCE);
    this.level = levelFor(this.evidence, this.notConcern);
    const rose = levelIndex(this.level) > levelIndex(before);
    return this.assessment(rose || (hits.length > 0 && atLeast(this.level, 'warning') && hits.some((h) => this.counts(h.severity))));
  }

  /** "Not a concern" (a relative, a friend): weak signals of this conversation stop counting. */
  markNotConcern(): Assessment {
    this.notConcern = true;
    this.level = levelFor(this.evidence, true);
    return this.assessment(false);
  }

  /** Hold warning panels for this conversation until `until` (ms). Urgent ones still show. */
  snooze(until: number, now: number): Assessment {
    this.snoozedUntil = until;
    this.now = now;
    return this.assessment(false);
  }

  get current(): Level {
    return this.level;
  }

  summary(): RiskSummary {
    return {
      version: 1,
      messages: this.messages,
      level: this.level,
      notConcern: this.notConcern,
      snoozedUntil: this.snoozedUntil,
      evidence: this.evidence.map(({ quote: _quote, ...rest }) => rest),
    };
  }

  static fromSummary(s: RiskSummary): ConversationRisk {
    const risk = new ConversationRisk();
    risk.messages = s.messages;
    risk.notConcern = s.notConcern;
    risk.snoozedUntil = s.snoozedUntil;
    risk.evidence = s.evidence.map((e) => ({ ...e, quote: '' }));
    risk.level = levelFor(risk.evidence, risk.notConcern);
    return risk;
  }

  /** The assessment at time `now` (a snooze may have run out since the last message). */
  assessmentAt(now: number): Assessment {
    this.now = Math.max(this.now, now);
    return this.assessment(false);
  }

  /** The assessment as it stands, at the time of the last message or action. */
  assessment(changed: boolean): Assessment {
    const snoozed = this.snoozedUntil > this.now;
    // Most messages change nothing: hand back the same (read-only) assessment instead of a new one.
    const last = this.lastAssessment;
    if (!changed && last && !last.changed && last.evidence === this.evidence && last.level === this.level && last.snoozed === snoozed && last.notConcern === this.notConcern) {
      return last;
    }
    this.lastAssessment = {
      level: this.level,
      evidence: this.evidence,
      changed,
      snoozed,
      notConcern: this.notConcern,
      stage: furthestStage(this.evidence.filter((e) => this.counts(e.severity)).map((e) => e.category)),
    };
    return this.lastAssessment;
  }

  private counts(severity: Severity): boolean {
    return !(this.notConcern && WEAK.has(severity));
  }
}

/**
 * Level from the evidence that still counts: per category the strongest signal (the reader's own
 * messages at OUTGOING_SHARE), plus a little for the other person repeating that category in
 * further messages (REPEAT_SHARE, at most REPEAT_CAP), summed over categories; without context,
 * the SHARED_WITHOUT_CONTEXT categories count once, at the strongest of them. Towards a warning,
 * categories worth less than a medium signal add at most WEAK_TOP_UP together.
 */
export function levelFor(evidence: readonly Evidence[], notConcern = false): Level {
  const best = new Map<string, number>();
  const messages = new Map<string, Set<number>>();
  let urgent = false;
  let context = false;
  for (const e of evidence) {
    if (notConcern && WEAK.has(e.severity)) continue;
    if (e.severity === 'urgent') urgent = true;
    if (e.severity !== 'low' && CONTEXT_CATEGORIES.has(e.category)) context = true;
    const points = SEVERITY_POINTS[e.severity] * (e.direction === 'outgoing' ? OUTGOING_SHARE : 1);
    if (points > (best.get(e.category) ?? 0)) best.set(e.category, points);
    if (e.direction !== 'outgoing') {
      const seen = messages.get(e.category) ?? new Set<number>();
      seen.add(e.message);
      messages.set(e.category, seen);
    }
  }
  if (urgent) return 'urgent';
  const values: number[] = [];
  let shared = 0;
  for (const [category, points] of best) {
    const further = Math.max(0, (messages.get(category)?.size ?? 0) - 1);
    const value = points + Math.min(REPEAT_CAP, REPEAT_SHARE * further);
    if (!context && SHARED_WITHOUT_CONTEXT.includes(category)) shared = Math.max(shared, value);
    else values.push(value);
  }
  if (shared > 0) values.push(shared);
  let strong = 0;
  let weak = 0;
  for (const value of values) {
    if (value >= SEVERITY_POINTS.medium) strong += value;
    else weak += value;
  }
  if (strong + Math.min(weak, WEAK_TOP_UP) >= WARNING_POINTS) return 'warning';
  if (strong + weak >= NOTICE_POINTS) return 'notice';
  return 'none';
}

/** Does this assessment open (or refresh) the panel? Snoozed conversations wait unless urgent. */
export function opensPanel(a: Assessment): boolean {
  if (!a.changed || !atLeast(a.level, 'warning')) return false;
  return a.level === 'urgent' || !a.snoozed;
}
