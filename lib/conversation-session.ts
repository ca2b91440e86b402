/**
 * The content script's view of the conversation on screen: restores a conversation's risk from
 * the background's text-free summary before reading it, shows or hides the panel when the reader
 * switches conversation, keeps the summary and the badge up to date, and carries out "Not a
 * concern" and "Snooze". No DOM here (the panel is behind PanelUi), so it is tested with fakes.
 */
import type { SnoozeChoice } from '~/components/PanelActions';
import { levelIndex, type Assessment, type Level } from '~/rules/risk';
import type { ConversationMonitor } from '~/lib/conversation-monitor';
import type { AlertReport, RequestOf, Responses, RequestType } from '~/lib/messages';
import type { PanelUi } from '~/lib/panel-ui';
import type { WatchedMessage } from '~/lib/watch/message-watcher';

export const SNOOZE_HOUR_MS = 60 * 60 * 1000;
/** "Until tomorrow" ends at this local hour of the next day: a night's rest, back for the school day. */
export const SNOOZE_TOMORROW_HOUR = 8;

export type Send = <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;

/**
 * Matching time per task: a batch that takes longer (a flood of messages, or the first batches
 * while the matcher is cold) continues in the next task, so the page never gets a long task.
 */
export const MATCH_BUDGET_MS = 3;

/**
 * On a busy chat, alert reports, summaries that only gain evidence and levels that fall (old
 * evidence fading) are sent to the background together at most this often. Each extension message
 * costs the page's main thread 0.4-2 ms in Chromium (measured from a content script, whatever the
 * size), and on a busy channel sending every second was about an eighth of the extension's
 * sampled time on the page (docs/performance.md). A rise in level goes in the next task (see
 * flushNext); "Not a concern", a snooze, a switch of conversation and leaving or hiding the page
 * send at once; so a reload or the badge never misses a warning.
 */
export const REPORT_DELAY_MS = 5000;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SessionOptions {
  monitor: ConversationMonitor;
  panel: PanelUi;
  /** Host name of the chat site. */
  site: string;
  send: Send;
  now?: () => number;
  /** Matching time per task in ms (default MATCH_BUDGET_MS). */
  budgetMs?: number;
  /** The clock for the budget (default performance.now). */
  clock?: () => number;
  /** Waits for the next task before the rest of a long batch (default a zero-delay timer). */
  nextTask?: () => Promise<void>;
  /** Timers for the delayed reports (default the global setTimeout). */
  timers?: Timers;
}

/** Whether a conversation at this assessment shows the panel when the reader opens it. */
export function wantsPanel(assessment: Pick<Assessment, 'level' | 'snoozed'>): boolean {
  return assessment.level === 'urgent' || (assessment.level === 'warning' && !assessment.snoozed);
}

export function snoozeUntil(choice: SnoozeChoice, now: number): number {
  if (choice === 'hour') return now + SNOOZE_HOUR_MS;
  const until = new Date(now);
  until.setDate(until.getDate() + 1);
  until.setHours(SNOOZE_TOMORROW_HOUR, 0, 0, 0);
  return until.getTime();
}

export class ConversationSession {
  private active: string | undefined;
  private reportedLevel: Level | undefined;
  /** Work runs one step at a time, in order: a batch must not be read before its conversation is restored. */
  private queue: Promise<void> = Promise.resolve();
  /** Steps queued or running; with none, a batch for the conversation on screen is read at once. */
  private steps = 0;
  private readonly now: () => number;
  private readonly clock: () => number;
  private readonly budgetMs: number;
  private readonly nextTask: () => Promise<void>;
  private readonly timers: Timers;
  /** Conversations whose summary changed since it was last sent, with the level it was sent at. */
  private readonly unsaved = new Set<string>();
  private readonly savedLevel = new Map<string, Level>();
  private unsentReports: AlertReport[] = [];
  /** A lower level for the badge, sent with the next flush (see reportLevel). */
  private unsentLevel: Level | undefined;
  private flushTimer: unknown;
  /** The pending flushTimer is flushNext's (zero delay), not flushSoon's. */
  private flushIsNext = false;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.clock = options.clock ?? (() => performance.now());
    this.budgetMs = options.budgetMs ?? MATCH_BUDGET_MS;
    this.nextTask = options.nextTask ?? (() => new Promise((resume) => setTimeout(resume, 0)));
    this.timers = options.timers ?? { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) };
  }

  /** Sends what is waiting (summaries, alert reports) now: the content script calls it when the page is hidden or left. */
  flush(): void {
    if (this.flushTimer !== undefined) this.timers.clear(this.flushTimer);
    this.flushTimer = undefined;
    this.flushIsNext = false;
    for (const conversation of this.unsaved) this.sendSummary(conversation);
    this.unsaved.clear();
    if (this.unsentReports.length > 0) {
      const reports = this.unsentReports;
      this.unsentReports = [];
      // The background may be restarting; the panel has already told the reader.
      this.options.send({ type: 'alerts', reports }).catch(() => {});
    }
    if (this.unsentLevel !== undefined) this.sendLevel(this.unsentLevel);
  }

  /** The reader is looking at this conversation (page load or a switch in a single-page chat). */
  open(conversation: string): Promise<void> {
    return this.enqueue(async () => {
      await this.restore(conversation);
      this.switchTo(conversation);
    });
  }

  /**
   * New messages on the page, which belong to the conversation the page shows now. When nothing is
   * queued and that conversation is restored and on screen (nearly always), they are matched right
   * away, in the caller's task, and nothing is returned; a batch that does not fit the time budget,
   * or one that must wait for a restore, returns a promise of its completion.
   */
  read(conversation: string, messages: readonly WatchedMessage[]): Promise<void> | undefined {
    if (this.steps === 0 && this.active === conversation && this.options.monitor.has(conversation)) {
      const next = this.scanSome(conversation, messages, 0);
      return next < messages.length ? this.enqueue(() => this.scanRest(conversation, messages, next)) : undefined;
    }
    return this.enqueue(async () => {
      await this.restore(conversation);
      this.switchTo(conversation);
      await this.scanRest(conversation, messages, 0);
    });
  }

  /** Matches messages[from..] in budgeted slices, one task each. */
  private async scanRest(conversation: string, messages: readonly WatchedMessage[], from: number): Promise<void> {
    for (let next = from; next < messages.length; ) {
      if (next > 0) await this.nextTask();
      next = this.scanSome(conversation, messages, next);
    }
  }

  /** Matches from messages[from] until the budget is spent, acts on the result, returns where it stopped. */
  private scanSome(conversation: string, messages: readonly WatchedMessage[], from: number): number {
    const began = this.clock();
    const result = this.options.monitor.scan(conversation, messages, { from, stop: () => this.clock() - began >= this.budgetMs });
    if (result.alert) void this.options.panel.show(conversation, result.assessment);
    this.unsentReports.push(...result.reports);
    if (result.matched) this.unsaved.add(conversation);
    // A higher level is sent in the next task (the stored summary decides what a reload shows); more
    // evidence at the same level, or a level that fell as old evidence faded, can wait.
    if (result.matched && rose(this.savedLevel.get(conversation), result.assessment.level)) this.flushNext();
    else if (this.unsaved.size > 0 || this.unsentReports.length > 0) this.flushSoon();
    this.reportLevel(result.assessment);
    return result.next;
  }

  notConcern(conversation: string): Promise<void> {
    return this.enqueue(async () => {
      const assessment = this.options.monitor.markNotConcern(conversation);
      if (!assessment) return;
      this.save(conversation);
      this.reportLevel(assessment, true);
      // The reader has answered; strong signs that come later still open the panel.
      this.options.panel.hide('panel_not_concern_announce');
    });
  }

  snooze(conversation: string, choice: SnoozeChoice): Promise<void> {
    return this.enqueue(async () => {
      if (!this.options.monitor.snooze(conversation, snoozeUntil(choice, this.now()))) return;
      this.save(conversation);
      this.options.panel.hide('panel_snoozed_announce');
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.steps++;
    const run = () => step().finally(() => this.steps--);
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private async restore(conversation: string): Promise<void> {
    const { monitor, send } = this.options;
    if (monitor.has(conversation)) return;
    const stored = await send({ type: 'get-conversation', conversation }).catch(() => ({ summary: null }));
    // Another step may have started tracking it while we waited.
    if (!monitor.has(conversation)) monitor.restore(conversation, stored.summary);
  }

  private switchTo(conversation: string): void {
    if (conversation === this.active) return;
    // What the last conversation gathered is sent before the reader moves on (but not its badge
    // level: the new conversation's replaces it).
    this.unsentLevel = undefined;
    this.flush();
    this.active = conversation;
    this.reportedLevel = undefined;
    const assessment = this.options.monitor.assessment(conversation);
    if (!assessment) return;
    if (wantsPanel(assessment)) void this.options.panel.show(conversation, assessment);
    else this.options.panel.hide();
    this.reportLevel(assessment);
  }

  /** Saves a conversation now (with anything else waiting): the reader acted on it. */
  private save(conversation: string): void {
    this.unsaved.add(conversation);
    this.flush();
  }

  private flushSoon(): void {
    this.flushTimer ??= this.timers.set(() => {
      this.flushTimer = undefined;
      this.flush();
    }, REPORT_DELAY_MS);
  }

  /**
   * Flushes in the next task: what must not wait for REPORT_DELAY_MS still leaves the watcher's
   * pass, which it would otherwise lengthen by 0.4-2 ms per extension message (a rise in level
   * sends three: the summary, the alert reports and the badge's level).
   */
  private flushNext(): void {
    if (this.flushTimer !== undefined && this.flushIsNext) return;
    if (this.flushTimer !== undefined) this.timers.clear(this.flushTimer);
    this.flushIsNext = true;
    this.flushTimer = this.timers.set(() => {
      this.flushTimer = undefined;
      this.flush();
    }, 0);
  }

  private sendSummary(conversation: string): void {
    const summary = this.options.monitor.summary(conversation);
    if (!summary) return;
    this.savedLevel.set(conversation, summary.level);
    this.options.send({ type: 'save-conversation', site: this.options.site, conversation, summary }).catch(() => {});
  }

  /**
   * The badge follows the conversation on screen: a first level or a rise is sent in the next task,
   * a fall (evidence fading on a busy chat, where the level can go down and up again many times a
   * minute) with the delayed flush; at once when the reader acted (`now`).
   */
  private reportLevel({ level }: Pick<Assessment, 'level'>, now = false): void {
    if (level === this.reportedLevel) {
      this.unsentLevel = undefined;
      return;
    }
    if (now) {
      this.sendLevel(level);
      return;
    }
    this.unsentLevel = level;
    if (rose(this.reportedLevel, level)) this.flushNext();
    else this.flushSoon();
  }

  private sendLevel(level: Level): void {
    this.reportedLevel = level;
    this.unsentLevel = undefined;
    this.options.send({ type: 'tab-level', level }).catch(() => {});
  }
}

/** Whether `level` is higher than `before` (anything is, after nothing was sent). */
function rose(before: Level | undefined, level: Level): boolean {
  return before === undefined || levelIndex(level) > levelIndex(before);
}
