/**
 * One text-free summary per conversation, so reopening a chat (or switching back to it) restores
 * its level, "not a concern" and snooze. Keyed by the conversation id (site host, path and the
 * page's conversation mark). Never the message text or the quotes.
 */
import { LEVELS, type Evidence, type Level, type RiskSummary } from '~/rules/risk';
import type { HeadsUpDatabase } from './database';

export interface ConversationRow {
  id: string;
  site: string;
  summary: RiskSummary;
  updatedAt: number;
}

/** Conversations untouched this long are forgotten: by then their evidence has faded anyway. */
export const CONVERSATION_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

export async function saveConversation(db: HeadsUpDatabase, site: string, id: string, summary: RiskSummary, now: number): Promise<void> {
  await db.conversations.put({ id, site, summary: cleanSummary(summary), updatedAt: now });
}

export async function loadConversation(db: HeadsUpDatabase, id: string): Promise<RiskSummary | null> {
  return (await db.conversations.get(id))?.summary ?? null;
}

export function pruneConversations(db: HeadsUpDatabase, now: number): Promise<number> {
  return db.conversations.where('updatedAt').below(now - CONVERSATION_RETENTION_MS).delete();
}

/**
 * Copies only the summary's known fields, so a quote or message text attached by mistake (or by a
 * hostile page that reached our messaging) can never be written to disk.
 */
export function cleanSummary(summary: RiskSummary): RiskSummary {
  const evidence: Omit<Evidence, 'quote'>[] = (Array.isArray(summary.evidence) ? summary.evidence : []).map((e) => ({
    rule: String(e.rule),
    category: String(e.category),
    severity: e.severity,
    direction: e.direction,
    at: Number(e.at),
    message: Number(e.message),
  }));
  return {
    version: 1,
    messages: Number(summary.messages) || 0,
    level: LEVELS.includes(summary.level) ? summary.level : ('none' satisfies Level),
    notConcern: summary.notConcern === true,
    snoozedUntil: Number(summary.snoozedUntil) || 0,
    evidence,
  };
}
