/**
 * Turns batches of messages into assessments, one risk object per conversation. Pure logic over
 * the engine: no DOM, no storage, so it can be tested with plain strings.
 */
import type { Matcher } from '~/rules/engine';
import { readMessage } from '~/rules/conversation';
import { ConversationRisk, type Assessment } from '~/rules/risk';
import type { AlertReport } from '~/lib/messages';
import type { WatchedMessage } from '~/lib/watch/message-watcher';

/** Conversations remembered per tab; the oldest is forgotten first. A tab rarely visits more. */
export const MAX_CONVERSATIONS = 50;

export interface MonitorResult {
  assessment: Assessment;
  /** One report per hit that raised or added to a warning; what the background logs. */
  reports: AlertReport[];
}

export class ConversationMonitor {
  private readonly risks = new Map<string, ConversationRisk>();

  constructor(
    private readonly matcher: Matcher,
    private readonly site: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the newest assessment when the panel should show or update, else undefined. */
  scan(conversation: string, messages: readonly WatchedMessage[]): MonitorResult | undefined {
    const risk = this.riskFor(conversation);
    let shown: Assessment | undefined;
    const reports: AlertReport[] = [];
    for (const message of messages) {
      const at = this.now();
      const { hits, assessment, alert } = readMessage(this.matcher, risk, message.text, message.direction, at);
      if (!alert) continue;
      shown = assessment;
      for (const hit of hits) {
        reports.push({ site: this.site, rule: hit.rule, category: hit.category, level: assessment.level, at });
      }
    }
    return shown && { assessment: shown, reports };
  }

  private riskFor(conversation: string): ConversationRisk {
    let risk = this.risks.get(conversation);
    if (risk) {
      // Re-insert so Map order tracks recent use.
      this.risks.delete(conversation);
    } else {
      risk = new ConversationRisk();
      if (this.risks.size >= MAX_CONVERSATIONS) {
        const oldest = this.risks.keys().next().value;
        if (oldest !== undefined) this.risks.delete(oldest);
      }
    }
    this.risks.set(conversation, risk);
    return risk;
  }
}

/** A conversation is a page of a chat site: host and path, without query or fragment. */
export function conversationId(location: Pick<Location, 'host' | 'pathname'>): string {
  return location.host + location.pathname;
}
