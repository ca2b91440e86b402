/**
 * Turns batches of messages into assessments, one risk object per conversation. Pure logic over
 * the engine: no DOM, no storage, so it can be tested with plain strings. The content script
 * restores a conversation from the background's text-free summary before its first batch.
 */
import type { Matcher } from '~/rules/engine';
import { readMessage } from '~/rules/conversation';
import { ConversationRisk, type Assessment, type RiskSummary } from '~/rules/risk';
import type { AlertReport } from '~/lib/messages';
import type { WatchedMessage } from '~/lib/watch/message-watcher';

/** Conversations remembered per tab; the oldest is forgotten first. A tab rarely visits more. */
export const MAX_CONVERSATIONS = 50;
/**
 * Messages remembered per conversation (as hashes) so that a chat app re-drawing its history,
 * when the reader switches back to a conversation, does not count the same messages twice.
 */
export const MAX_SEEN_MESSAGES = 5_000;

export interface MonitorResult {
  assessment: Assessment;
  /** The panel should open or refresh (rules/conversation.ts decides). */
  alert: boolean;
  /** Some message matched a rule: the stored summary is out of date. */
  matched: boolean;
  /** One report per hit of a message that alerted; what the background logs. */
  reports: AlertReport[];
  /** Index after the last message scanned: messages.length unless `stop` said to stop early. */
  next: number;
}

export interface ScanOptions {
  /** Start at this message (default 0). */
  from?: number;
  /** Asked after each message; true stops the scan there (a time budget). */
  stop?: () => boolean;
}

interface Tracked {
  risk: ConversationRisk;
  seen: RecentHashes;
}

export class ConversationMonitor {
  private readonly conversations = new Map<string, Tracked>();

  constructor(
    private readonly matcher: Matcher,
    private readonly site: string,
    private readonly now: () => number = Date.now,
  ) {}

  has(conversation: string): boolean {
    return this.conversations.has(conversation);
  }

  /** Starts tracking a conversation, from its stored summary when there is one. */
  restore(conversation: string, summary?: RiskSummary | null): Assessment {
    const risk = summary?.version === 1 ? ConversationRisk.fromSummary(summary) : new ConversationRisk();
    this.track(conversation, { risk, seen: new RecentHashes(MAX_SEEN_MESSAGES) });
    return this.assessment(conversation)!;
  }

  scan(conversation: string, messages: readonly WatchedMessage[], options: ScanOptions = {}): MonitorResult {
    const { risk, seen } = this.tracked(conversation);
    let assessment = risk.assessment(false);
    let alert = false;
    let matched = false;
    const reports: AlertReport[] = [];
    const from = options.from ?? 0;
    // One time for the batch: its messages arrived within a hand-over interval of each other.
    const at = this.now();
    let next = from;
    for (; next < messages.length; next++) {
      // At least one message per call, so a scan always gets somewhere.
      if (next > from && options.stop?.()) break;
      const message = messages[next]!;
      const hash = messageHash(message);
      // An identical message again (usually the same one re-drawn) adds nothing: categories count once anyway.
      if (seen.has(hash)) continue;
      seen.add(hash);
      const verdict = readMessage(this.matcher, risk, message.text, message.direction, at);
      assessment = verdict.assessment;
      matched ||= verdict.hits.length > 0;
      if (!verdict.alert) continue;
      alert = true;
      for (const hit of verdict.hits) {
        reports.push({ site: this.site, rule: hit.rule, category: hit.category, level: assessment.level, at });
      }
    }
    return { assessment, alert, matched, reports, next };
  }

  /** The conversation as it stands now (snoozes may have run out since its last message). */
  assessment(conversation: string): Assessment | undefined {
    const risk = this.conversations.get(conversation)?.risk;
    return risk?.assessmentAt(this.now());
  }

  markNotConcern(conversation: string): Assessment | undefined {
    return this.conversations.get(conversation)?.risk.markNotConcern();
  }

  snooze(conversation: string, until: number): Assessment | undefined {
    return this.conversations.get(conversation)?.risk.snooze(until, this.now());
  }

  summary(conversation: string): RiskSummary | undefined {
    return this.conversations.get(conversation)?.risk.summary();
  }

  private tracked(conversation: string): Tracked {
    const found = this.conversations.get(conversation);
    if (found) {
      // Re-insert so Map order tracks recent use.
      this.track(conversation, found);
      return found;
    }
    const fresh = { risk: new ConversationRisk(), seen: new RecentHashes(MAX_SEEN_MESSAGES) };
    this.track(conversation, fresh);
    return fresh;
  }

  private track(conversation: string, tracked: Tracked): void {
    this.conversations.delete(conversation);
    if (this.conversations.size >= MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value;
      if (oldest !== undefined) this.conversations.delete(oldest);
    }
    this.conversations.set(conversation, tracked);
  }
}

/**
 * The last `capacity` message hashes, oldest forgotten first. A ring beside the set, because
 * evicting a Set's first entry (`values().next()`) skips every entry deleted before it: once the
 * set was full, each new message cost a walk over thousands of holes.
 */
export class RecentHashes {
  private readonly ring: number[] = [];
  private readonly members = new Set<number>();
  private oldest = 0;

  constructor(private readonly capacity: number) {}

  has(hash: number): boolean {
    return this.members.has(hash);
  }

  /** Adds a hash not already present. */
  add(hash: number): void {
    if (this.ring.length < this.capacity) this.ring.push(hash);
    else {
      this.members.delete(this.ring[this.oldest]!);
      this.ring[this.oldest] = hash;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
    this.members.add(hash);
  }

  get size(): number {
    return this.members.size;
  }
}

/**
 * FNV-1a of direction and text, cut to 30 bits: a message's identity without keeping its text
 * around. 30 bits fit V8's small integers, so the Set of recent hashes stores them unboxed (a
 * 32-bit hash is a heap number half the time: an allocation per message). Two different messages
 * of one conversation share a hash, and the second is skipped, about once in 200,000 messages
 * when 5,000 are remembered.
 */
export function messageHash({ text, direction }: WatchedMessage): number {
  // Direction, a separator, then the text, without building the joined string.
  let hash = 0x811c9dc5;
  for (let i = 0; i < direction.length; i++) hash = Math.imul(hash ^ direction.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 0, 0x01000193);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/** Marks a page's conversation when its address does not (single-page chats, our test page). */
export const CONVERSATION_ATTRIBUTE = 'data-heads-up-conversation';

/**
 * A conversation is a page of a chat site: host and path, without query or fragment, plus the
 * page's own conversation mark when it has one.
 */
export function conversationId(location: Pick<Location, 'host' | 'pathname'>, doc?: Pick<Document, 'querySelector'>): string {
  const mark = doc?.querySelector(`[${CONVERSATION_ATTRIBUTE}]`)?.getAttribute(CONVERSATION_ATTRIBUTE);
  return location.host + location.pathname + (mark ? `#${mark}` : '');
}
