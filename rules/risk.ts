/**
 * Conversation risk: turns rule hits into a level for one conversation. Pure TypeScript, used by
 * the content script and (later) the scanner, so both decide the same way.
 *
 * Precision first: a single weak signal never opens the panel. Strong rules (severity high) and
 * urgent ones (threats, sextortion) alert at once; weaker ones add up only across different
 * categories, and fade after a while.
 */
import type { Direction, Hit, Severity } from './engine';

export type Level = 'none' | 'notice' | 'warning' | 'urgent';
export const LEVELS: readonly Level[] = ['none', 'notice', 'warning', 'urgent'];

/** Points one category contributes, by the strongest severity seen in it. */
export const SEVERITY_POINTS: Record<Severity, number> = {
  low: 1, // a compliment, "how was school": means nothing alone
  medium: 2, // "add me on snap", "how old are you": common, but part of the pattern
  high: 4, // "don't tell your parents", "send me a pic": enough on its own
  urgent: 8, // threats and sextortion: help comes first (and the level is urgent)
};

/**
 * Points at which each level starts. Two medium signals of different kinds make a warning.
 * Urgent is not reached by adding up: only an urgent rule (a threat) makes a conversation urgent.
 */
export const NOTICE_POINTS = 1;
export const WARNING_POINTS = 4;

/** Evidence older than this many messages of the conversation, or this many ms, no longer counts. */
export const FADE_AFTER_MESSAGES = 300;
export const FADE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** The panel lists at most this many pieces of evidence. */
export const MAX_EVIDENCE = 12;

export interface Evidence {
  rule: string;
  category: string;
  severity: Severity;
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
}

export function levelIndex(level: Level): number {
  return LEVELS.indexOf(level);
}

/** State of one open conversation. Holds quotes in memory only; nothing here is stored. */
export class ConversationRisk {
  private evidence: Evidence[] = [];
  private messages = 0;
  private level: Level = 'none';

  /** Add one message's hits (possibly none) and return the conversation's assessment. */
  add(hits: readonly Hit[], direction: Direction, now: number): Assessment {
    const index = this.messages++;
    const before = this.level;
    const oldest = this.evidence[this.evidence.length - 1];
    const fading = oldest !== undefined && (index - oldest.message >= FADE_AFTER_MESSAGES || now - oldest.at >= FADE_AFTER_MS);
    // Most messages carry no hit and nothing fades: nothing to recompute.
    if (hits.length === 0 && !fading) return { level: this.level, evidence: this.evidence, changed: false };
    const fresh = hits.map((hit) => ({ rule: hit.rule, category: hit.category, severity: hit.severity, quote: hit.quote, direction, at: now, message: index }));
    this.evidence = [...fresh.reverse(), ...this.evidence]
      .filter((e) => index - e.message < FADE_AFTER_MESSAGES && now - e.at < FADE_AFTER_MS)
      .slice(0, MAX_EVIDENCE);
    this.level = levelFor(this.evidence);
    const rose = levelIndex(this.level) > levelIndex(before);
    const changed = rose || (hits.length > 0 && levelIndex(this.level) >= levelIndex('warning'));
    return { level: this.level, evidence: this.evidence, changed };
  }

  get current(): Level {
    return this.level;
  }
}

/** Level from the evidence that still counts: strongest severity per category, summed. */
export function levelFor(evidence: readonly Evidence[]): Level {
  const best = new Map<string, number>();
  for (const e of evidence) {
    const points = SEVERITY_POINTS[e.severity];
    if (points > (best.get(e.category) ?? 0)) best.set(e.category, points);
  }
  let total = 0;
  for (const points of best.values()) total += points;
  if (evidence.some((e) => e.severity === 'urgent')) return 'urgent';
  if (total >= WARNING_POINTS) return 'warning';
  if (total >= NOTICE_POINTS) return 'notice';
  return 'none';
}
