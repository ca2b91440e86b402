import { describe, expect, it, vi } from 'vitest';
import { compileRules, type Pack } from '~/rules/engine';
import { FADE_AFTER_MESSAGES, type RiskSummary } from '~/rules/risk';
import { ConversationMonitor } from '~/lib/conversation-monitor';
import { ConversationSession, REPORT_DELAY_MS, SNOOZE_HOUR_MS, snoozeUntil, wantsPanel, type Send, type SessionOptions } from '~/lib/conversation-session';
import type { PanelUi } from '~/lib/panel-ui';
import type { Request } from '~/lib/messages';

const pack = (category: string, severity: Pack['rules'][number]['severity'], pattern: string): Pack => ({
  name: `test/${category}.json`,
  language: 'en',
  category,
  rules: [
    { id: `${category}.test`, severity, direction: 'incoming', patterns: [pattern], except: [], examples: { match: [], noMatch: [] }, source: 'test' },
  ],
});

const { matcher } = compileRules(
  [
    pack('secrecy', 'high', '(dont | do not) tell [your] (mom | dad | parents)'),
    pack('threats', 'urgent', 'i will post (it | them)'),
    pack('flattery', 'low', 'so pretty'),
  ],
  [],
);

const incoming = (text: string) => ({ text, direction: 'incoming' as const });
/** Every alert report sent to the background. */
const alerts = (requests: Request[]) => requests.flatMap((r) => (r.type === 'alerts' ? r.reports : []));

/** The next task: what the session sends to the background leaves the caller's task. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Timers that run when the test says so. */
function manualTimers() {
  let pending: { run: () => void; ms: number; id: number }[] = [];
  let count = 0;
  return {
    timers: {
      set: (run: () => void, ms: number) => {
        pending.push({ run, ms, id: ++count });
        return count;
      },
      clear: (id: unknown) => {
        pending = pending.filter((timer) => timer.id !== id);
      },
    },
    /** The delays of the timers waiting. */
    pending: () => pending.map((timer) => timer.ms),
    /** Runs the timers set with a delay of at most `ms`. */
    run: (ms: number) => {
      const due = pending.filter((timer) => timer.ms <= ms);
      pending = pending.filter((timer) => timer.ms > ms);
      for (const timer of due) timer.run();
    },
  };
}

/** A background that keeps summaries in a Map and records every request. */
function setup(stored: Record<string, RiskSummary> = {}, now = () => 1_000, extra: Partial<SessionOptions> = {}) {
  const requests: Request[] = [];
  const summaries = new Map(Object.entries(stored));
  const send = (async (request: Request) => {
    requests.push(request);
    if (request.type === 'get-conversation') return { summary: summaries.get(request.conversation) ?? null };
    if (request.type === 'save-conversation') summaries.set(request.conversation, request.summary);
    return { ok: true };
  }) as Send;
  const panel = { show: vi.fn(async () => {}), hide: vi.fn() } satisfies PanelUi;
  const session = new ConversationSession({
    monitor: new ConversationMonitor(matcher, 'chat.example', now),
    panel,
    site: 'chat.example',
    send,
    now,
    ...extra,
  });
  const levels = () => requests.flatMap((r) => (r.type === 'tab-level' ? [r.level] : []));
  return { session, panel, requests, summaries, levels };
}

describe('ConversationSession', () => {
  it('shows the panel on a warning, saves a text-free summary and reports the level for the badge', async () => {
    const { session, panel, summaries, levels, requests } = setup();
    await session.read('chat.example/a', [incoming('hi'), incoming("don't tell your mom")]);
    expect(panel.show).toHaveBeenCalledWith('chat.example/a', expect.objectContaining({ level: 'warning' }));
    await tick();
    expect(summaries.get('chat.example/a')?.level).toBe('warning');
    expect(JSON.stringify([...summaries.values()])).not.toContain('tell your mom');
    // Only the latest level goes: 'none' (the conversation opened) was still waiting when the warning came.
    expect(levels()).toEqual(['warning']);
    expect(alerts(requests)).toHaveLength(1);
  });

  it('switching conversation shows that conversation\'s level, restored from the background', async () => {
    const { session, panel, levels } = setup();
    await session.read('chat.example/a', [incoming("don't tell your mom")]);
    panel.hide.mockClear();
    await session.read('chat.example/b', [incoming('see you at practice')]);
    expect(panel.hide).toHaveBeenCalledTimes(1);
    await tick();
    expect(levels().at(-1)).toBe('none');
    panel.show.mockClear();
    await session.open('chat.example/a');
    expect(panel.show).toHaveBeenCalledWith('chat.example/a', expect.objectContaining({ level: 'warning' }));
    await tick();
    expect(levels().at(-1)).toBe('warning');
  });

  it('reopening a conversation in a new page restores its level before reading', async () => {
    const first = setup();
    await first.session.read('chat.example/a', [incoming('i will post it')]);
    await tick();
    const again = setup(Object.fromEntries(first.summaries));
    await again.session.open('chat.example/a');
    expect(again.panel.show).toHaveBeenCalledWith('chat.example/a', expect.objectContaining({ level: 'urgent' }));
    await tick();
    expect(again.levels()).toEqual(['urgent']);
  });

  it('"Not a concern" closes the panel, says so, and is remembered', async () => {
    const { session, panel, summaries } = setup();
    await session.read('chat.example/a', [incoming('you are so pretty'), incoming("don't tell your mom")]);
    await session.notConcern('chat.example/a');
    expect(panel.hide).toHaveBeenLastCalledWith('panel_not_concern_announce');
    expect(summaries.get('chat.example/a')?.notConcern).toBe(true);
  });

  it('a snoozed warning stays closed when reopened, an urgent one shows anyway', async () => {
    const first = setup();
    await first.session.read('chat.example/a', [incoming("don't tell your mom")]);
    await first.session.snooze('chat.example/a', 'hour');
    expect(first.panel.hide).toHaveBeenLastCalledWith('panel_snoozed_announce');
    expect(first.summaries.get('chat.example/a')?.snoozedUntil).toBe(1_000 + SNOOZE_HOUR_MS);

    const again = setup(Object.fromEntries(first.summaries));
    await again.session.open('chat.example/a');
    expect(again.panel.show).not.toHaveBeenCalled();
    await again.session.read('chat.example/a', [incoming('i will post them')]);
    expect(again.panel.show).toHaveBeenCalledWith('chat.example/a', expect.objectContaining({ level: 'urgent' }));
  });

  it('reads a batch for the conversation on screen at once, in the caller\'s task', async () => {
    const { session, panel, requests } = setup();
    await session.open('chat.example/a');
    expect(session.read('chat.example/a', [incoming("don't tell your mom")])).toBeUndefined();
    expect(panel.show).toHaveBeenCalledWith('chat.example/a', expect.objectContaining({ level: 'warning' }));
    // What goes to the background waits for the next task: each message costs the page's thread.
    expect(alerts(requests)).toHaveLength(0);
    await tick();
    expect(alerts(requests)).toHaveLength(1);
  });

  it('sends more evidence at the same level together, after a delay, and everything when flushed', async () => {
    const clock = manualTimers();
    const { session, requests, summaries } = setup({}, () => 1_000, { timers: clock.timers });
    await session.open('chat.example/a');
    clock.run(0);
    session.read('chat.example/a', [incoming("don't tell your mom")]);
    // A new level goes in the next task.
    expect(summaries.get('chat.example/a')).toBeUndefined();
    expect(clock.pending()).toEqual([0]);
    clock.run(0);
    expect(summaries.get('chat.example/a')?.level).toBe('warning');
    const saves = () => requests.filter((r) => r.type === 'save-conversation').length;
    const before = saves();
    session.read('chat.example/a', [incoming('do not tell your dad')]);
    session.read('chat.example/a', [incoming('so pretty')]);
    // Same level: nothing yet, one timer for both.
    expect(saves()).toBe(before);
    expect(alerts(requests)).toHaveLength(1);
    expect(clock.pending()).toEqual([REPORT_DELAY_MS]);
    clock.run(REPORT_DELAY_MS);
    expect(saves()).toBe(before + 1);
    expect(summaries.get('chat.example/a')?.evidence.length).toBeGreaterThan(1);
    // Leaving the page sends what is left at once.
    session.read('chat.example/a', [incoming("don't tell your parents")]);
    session.flush();
    expect(saves()).toBe(before + 2);
    expect(requests.filter((r) => r.type === 'alerts').length).toBeGreaterThanOrEqual(2);
  });

  it('sends a rise in level in the next task, and a fall (old evidence fading) with the delayed flush', async () => {
    const clock = manualTimers();
    const { session, levels } = setup({}, () => 1_000, {
      timers: clock.timers,
      // A clock that never runs out of budget: the long batch below is read in one go.
      clock: () => 0,
    });
    await session.open('chat.example/a');
    clock.run(0);
    session.read('chat.example/a', [incoming("don't tell your mom")]);
    clock.run(0);
    expect(levels().at(-1)).toBe('warning');
    const sent = levels().length;
    // Enough ordinary messages for the warning's evidence to fade.
    session.read('chat.example/a', Array.from({ length: FADE_AFTER_MESSAGES }, (_, i) => incoming(`see you at practice ${i}`)));
    clock.run(0);
    expect(levels()).toHaveLength(sent);
    expect(clock.pending()).toEqual([REPORT_DELAY_MS]);
    clock.run(REPORT_DELAY_MS);
    expect(levels().at(-1)).toBe('none');
    session.read('chat.example/a', [incoming('i will post it')]);
    expect(clock.pending()).toEqual([0]);
    clock.run(0);
    expect(levels().at(-1)).toBe('urgent');
  });

  it('matches a long batch in slices of its time budget, one task each, in order with later batches', async () => {
    // A clock that advances 1 ms each time it is read, and tasks that start when the test says so.
    let t = 0;
    const tasks: (() => void)[] = [];
    const nextTask = () => new Promise<void>((resume) => tasks.push(resume));
    const { session, panel } = setup({}, () => 1_000, { clock: () => t++, budgetMs: 2, nextTask });
    await session.open('chat.example/a');
    const filler = Array.from({ length: 6 }, (_, i) => incoming(`hello ${i}`));
    const first = session.read('chat.example/a', [...filler, incoming("don't tell your mom")]);
    expect(first).toBeInstanceOf(Promise);
    expect(panel.show).not.toHaveBeenCalled();
    // A later batch waits its turn behind the rest of the first.
    const second = session.read('chat.example/a', [incoming('i will post it')]);
    expect(second).toBeInstanceOf(Promise);
    let slices = 0;
    while (panel.show.mock.calls.length < 2) {
      await Promise.resolve();
      const task = tasks.shift();
      if (task) {
        slices++;
        task();
      }
      expect(slices).toBeLessThan(20);
    }
    expect(slices).toBeGreaterThan(1);
    expect(panel.show.mock.calls.map((call) => (call as unknown[])[1] as { level: string }).map((a) => a.level)).toEqual(['warning', 'urgent']);
    await Promise.all([first, second]);
  });

  it('keeps working when the background does not answer', async () => {
    const panel = { show: vi.fn(async () => {}), hide: vi.fn() } satisfies PanelUi;
    const failing = new ConversationSession({
      monitor: new ConversationMonitor(matcher, 'chat.example'),
      panel,
      site: 'chat.example',
      send: (async () => {
        throw new Error('no receiver');
      }) as Send,
    });
    await failing.read('chat.example/a', [incoming("don't tell your mom")]);
    expect(panel.show).toHaveBeenCalledTimes(1);
  });
});

describe('snooze and panel rules', () => {
  it('"until tomorrow" ends at 8 in the morning of the next day', () => {
    const evening = new Date(2026, 10, 27, 21, 30).getTime();
    expect(new Date(snoozeUntil('tomorrow', evening))).toEqual(new Date(2026, 10, 28, 8, 0));
    expect(snoozeUntil('hour', evening)).toBe(evening + SNOOZE_HOUR_MS);
  });

  it('shows the panel for warnings unless snoozed, and always for urgent', () => {
    expect(wantsPanel({ level: 'notice', snoozed: false })).toBe(false);
    expect(wantsPanel({ level: 'warning', snoozed: false })).toBe(true);
    expect(wantsPanel({ level: 'warning', snoozed: true })).toBe(false);
    expect(wantsPanel({ level: 'urgent', snoozed: true })).toBe(true);
  });
});
