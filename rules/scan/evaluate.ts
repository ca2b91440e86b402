/**
 * Aggregates scans of labelled conversations into the numbers of docs/evaluation.md: per source
 * and label, how many conversations alert, how early (counting only the other party's messages),
 * how many hits per 1,000 messages, and which rules cause false alerts. Pure, no I/O.
 */
import type { ConversationScanDetail } from './scan-conversation';

export interface GroupStats {
  source: string;
  label: string;
  conversations: number;
  messages: number;
  alerted: number;
  alertedShare: number;
  /** Median 1-based position of the first alert among the other party's messages (alerted only). */
  medianFirstAlert: number | null;
  /** Share of all conversations in the group alerted within the first N messages of the other party. */
  within10: number;
  within20: number;
  within50: number;
  hitsPer1000: number;
  /** For benign groups: rules present when a false alert opened, most frequent first. */
  topFalseAlertRules: { rule: string; conversations: number }[];
}

interface Accumulator {
  source: string;
  label: string;
  conversations: number;
  messages: number;
  hits: number;
  alerted: number;
  firstPositions: number[];
  falseRules: Map<string, number>;
}

export class Evaluation {
  private readonly groups = new Map<string, Accumulator>();

  add(source: string, label: string, scan: ConversationScanDetail): void {
    const key = `${source}\u0000${label}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { source, label, conversations: 0, messages: 0, hits: 0, alerted: 0, firstPositions: [], falseRules: new Map() };
      this.groups.set(key, g);
    }
    g.conversations++;
    g.messages += scan.directions.length;
    g.hits += scan.hits.length;
    if (scan.firstAlertAt === null) return;
    g.alerted++;
    g.firstPositions.push(otherPartyPosition(scan, scan.firstAlertAt));
    if (label === 'benign') for (const rule of scan.firstAlertRules) g.falseRules.set(rule, (g.falseRules.get(rule) ?? 0) + 1);
  }

  results(topRules = 10): GroupStats[] {
    return [...this.groups.values()]
      .sort((a, b) => a.source.localeCompare(b.source) || a.label.localeCompare(b.label))
      .map((g) => {
        const within = (n: number) => (g.conversations === 0 ? 0 : g.firstPositions.filter((p) => p <= n).length / g.conversations);
        return {
          source: g.source,
          label: g.label,
          conversations: g.conversations,
          messages: g.messages,
          alerted: g.alerted,
          alertedShare: g.conversations === 0 ? 0 : g.alerted / g.conversations,
          medianFirstAlert: median(g.firstPositions),
          within10: within(10),
          within20: within(20),
          within50: within(50),
          hitsPer1000: g.messages === 0 ? 0 : (1000 * g.hits) / g.messages,
          topFalseAlertRules: [...g.falseRules]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, topRules)
            .map(([rule, conversations]) => ({ rule, conversations })),
        };
      });
  }
}

/**
 * 1-based position of message `index` among the other party's messages: the protected person's
 * own (outgoing) messages are not counted. Without known directions, every message counts.
 */
export function otherPartyPosition(scan: Pick<ConversationScanDetail, 'directions'>, index: number): number {
  let count = 0;
  for (let k = 0; k <= index; k++) if (scan.directions[k] !== 'outgoing') count++;
  return Math.max(count, 1);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** A readable table of the results. */
export function formatEvaluation(stats: readonly GroupStats[]): string {
  const rows = [['source', 'label', 'convs', 'alerted', 'median 1st', '<=10', '<=20', '<=50', 'hits/1k msgs']];
  for (const s of stats) {
    rows.push([
      s.source,
      s.label,
      String(s.conversations),
      `${s.alerted} (${pct(s.alertedShare)})`,
      s.medianFirstAlert === null ? '-' : String(s.medianFirstAlert),
      pct(s.within10),
      pct(s.within20),
      pct(s.within50),
      s.hitsPer1000.toFixed(1),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  for (const s of stats) {
    if (s.topFalseAlertRules.length === 0) continue;
    lines.push('', `Top rules in false alerts, ${s.source}/${s.label}:`);
    for (const r of s.topFalseAlertRules) lines.push(`  ${String(r.conversations).padStart(4)}  ${r.rule}`);
  }
  return lines.join('\n');
}
