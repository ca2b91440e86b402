/**
 * Scanning a whole recorded conversation, message by message, through the same readMessage the
 * content script uses. Pure: the command-line tools feed it parsed JSON lines.
 */
import type { Direction, Matcher } from '../engine';
import { readMessage } from '../conversation';
import { ConversationRisk, type Level } from '../risk';

export interface ConversationInput {
  id: string;
  /** The protected person: their messages are outgoing, everyone else's incoming. */
  self?: string | string[];
  messages: { author: string; text: string }[];
}

export interface ScanHit {
  message: number;
  rule: string;
  category: string;
}

/** One output line of `npm run scan`. */
export interface ConversationScan {
  id: string;
  alert: boolean;
  /** The conversation's level after its last message. */
  level: Level;
  /** Index of the message at which the panel would first open, or null. */
  firstAlertAt: number | null;
  categories: string[];
  hits: ScanHit[];
}

export interface ScanOptions {
  /** Authors whose name starts with this are the protected person (for data sets without `self`). */
  selfPrefix?: string;
}

/** Extra facts for evaluation, beside the scan line. */
export interface ConversationScanDetail extends ConversationScan {
  /** Direction of each message, as the scan saw it. */
  directions: Direction[];
  /** Rules whose evidence stood when the panel first opened. */
  firstAlertRules: string[];
}

/** Messages have no times in recorded data: one a minute keeps time-based fading meaningful. */
const RECORDED_MESSAGE_INTERVAL_MS = 60_000;

export function directionFor(conv: ConversationInput, author: string, options: ScanOptions): Direction {
  if (conv.self !== undefined) {
    const self = Array.isArray(conv.self) ? conv.self : [conv.self];
    return self.includes(author) ? 'outgoing' : 'incoming';
  }
  if (options.selfPrefix !== undefined) return author.startsWith(options.selfPrefix) ? 'outgoing' : 'incoming';
  return 'unknown';
}

export function scanConversation(matcher: Matcher, conv: ConversationInput, options: ScanOptions = {}): ConversationScanDetail {
  const risk = new ConversationRisk();
  const hits: ScanHit[] = [];
  const categories: string[] = [];
  const directions: Direction[] = [];
  let firstAlertAt: number | null = null;
  let firstAlertRules: string[] = [];
  conv.messages.forEach((message, index) => {
    const direction = directionFor(conv, message.author, options);
    directions.push(direction);
    const verdict = readMessage(matcher, risk, message.text, direction, index * RECORDED_MESSAGE_INTERVAL_MS);
    for (const hit of verdict.hits) {
      hits.push({ message: index, rule: hit.rule, category: hit.category });
      if (!categories.includes(hit.category)) categories.push(hit.category);
    }
    if (verdict.alert && firstAlertAt === null) {
      firstAlertAt = index;
      firstAlertRules = [...new Set(verdict.assessment.evidence.map((e) => e.rule))];
    }
  });
  return {
    id: conv.id,
    alert: firstAlertAt !== null,
    level: risk.current,
    firstAlertAt,
    categories,
    hits,
    directions,
    firstAlertRules,
  };
}

/** The public scan line: exactly the documented fields. */
export function scanLine(detail: ConversationScanDetail): ConversationScan {
  const { id, alert, level, firstAlertAt, categories, hits } = detail;
  return { id, alert, level, firstAlertAt, categories, hits };
}

/** Checks one parsed JSON line; returns a message describing what is wrong, or undefined. */
export function conversationProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' && typeof v.id !== 'number') return '"id" must be a string';
  if (v.self !== undefined && typeof v.self !== 'string' && !(Array.isArray(v.self) && v.self.every((s) => typeof s === 'string'))) {
    return '"self" must be an author name or a list of them';
  }
  if (!Array.isArray(v.messages)) return '"messages" must be a list';
  for (const [k, m] of v.messages.entries()) {
    if (typeof m !== 'object' || m === null) return `message ${k} is not an object`;
    const msg = m as Record<string, unknown>;
    if (typeof msg.text !== 'string') return `message ${k} has no "text"`;
    if (msg.author !== undefined && msg.author !== null && typeof msg.author !== 'string') return `message ${k} has a bad "author"`;
  }
  return undefined;
}

/** Normalise a checked JSON value into a ConversationInput (ids as strings, missing authors as ""). */
export function toConversation(value: Record<string, unknown>): ConversationInput {
  const messages = (value.messages as Record<string, unknown>[]).map((m) => ({ author: typeof m.author === 'string' ? m.author : '', text: m.text as string }));
  return { id: String(value.id), self: value.self as ConversationInput['self'], messages };
}
