/**
 * The alert log: when, where, which rule and how serious. Never the message text or the quote,
 * so the log cannot leak a conversation even if someone reads the profile folder.
 */
import type { Level } from '~/rules/risk';
import type { AlertReport } from '~/lib/messages';
import type { HeadsUpDatabase } from './database';

export interface AlertRow {
  id: number;
  at: number;
  site: string;
  rule: string;
  category: string;
  level: Level;
}

/** Alerts older than this are deleted: enough for a family to talk about a month or two. */
export const ALERT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** Stores an alert, copying only the allowed fields so extra properties (text) can't slip in. */
export async function logAlert(db: HeadsUpDatabase, report: AlertReport): Promise<number> {
  return db.alerts.add({
    at: report.at,
    site: report.site,
    rule: report.rule,
    category: report.category,
    level: report.level,
  });
}

/** Newest first. */
export function recentAlerts(db: HeadsUpDatabase, limit = 100): Promise<AlertRow[]> {
  return db.alerts.orderBy('at').reverse().limit(limit).toArray();
}

export function pruneAlerts(db: HeadsUpDatabase, now: number): Promise<number> {
  return db.alerts.where('at').below(now - ALERT_RETENTION_MS).delete();
}
