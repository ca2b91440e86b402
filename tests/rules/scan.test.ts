import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileFromDisk } from '../../rules/node/load-packs';
import { Evaluation, median, otherPartyPosition } from '../../rules/scan/evaluate';
import { conversationProblem, scanConversation, toConversation } from '../../rules/scan/scan-conversation';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/conversations.jsonl');
const { matcher } = compileFromDisk();

function run(script: string, args: string[], input?: string) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('scanConversation', () => {
  it('uses "self" for direction and finds the first alert', () => {
    const scan = scanConversation(matcher, {
      id: 'x',
      self: 'sam',
      messages: [
        { author: 'alex', text: 'hey' },
        { author: 'sam', text: 'hi' },
        { author: 'alex', text: 'dont tell your mom we talk' },
      ],
    });
    expect(scan).toMatchObject({ id: 'x', alert: true, level: 'warning', firstAlertAt: 2, categories: ['secrecy'] });
    expect(scan.directions).toEqual(['incoming', 'outgoing', 'incoming']);
    expect(scan.hits).toEqual([{ message: 2, rule: expect.stringMatching(/^secrecy\./), category: 'secrecy' }]);
  });

  it('ignores incoming-only rules on the protected person’s own messages', () => {
    const scan = scanConversation(matcher, { id: 'y', self: ['sam'], messages: [{ author: 'sam', text: 'dont tell your mom we talk' }] });
    expect(scan.hits.filter((h) => h.category === 'secrecy')).toEqual([]);
  });

  it('treats direction as unknown without self, and outgoing by prefix when asked', () => {
    const conv = { id: 'z', messages: [{ author: 'decoy_1', text: 'hi' }, { author: 'adult', text: 'hey' }] };
    expect(scanConversation(matcher, conv).directions).toEqual(['unknown', 'unknown']);
    expect(scanConversation(matcher, conv, { selfPrefix: 'decoy' }).directions).toEqual(['outgoing', 'incoming']);
  });

  it('explains what is wrong with a bad record', () => {
    expect(conversationProblem([])).toBe('not a JSON object');
    expect(conversationProblem({ id: 'a' })).toContain('"messages"');
    expect(conversationProblem({ id: 'a', messages: [{ author: 'x' }] })).toContain('no "text"');
    expect(conversationProblem({ id: 'a', self: 3, messages: [] })).toContain('"self"');
    expect(toConversation({ id: 7, messages: [{ text: 'hi' }] })).toEqual({ id: '7', self: undefined, messages: [{ author: '', text: 'hi' }] });
  });
});

describe('npm run scan', { timeout: 60_000 }, () => {
  it('writes one line per conversation and reports bad lines by number', () => {
    const { stdout, stderr, code } = run('scan.ts', [FIXTURE]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.alert, l.firstAlertAt])).toEqual([
      ['secret-early', true, 2],
      ['harmless', false, null],
      ['unknown-direction', true, 2],
    ]);
    expect(Object.keys(lines[0]).sort()).toEqual(['alert', 'categories', 'firstAlertAt', 'hits', 'id', 'level']);
    expect(stderr).toContain(':3: skipped: not valid JSON');
    expect(stderr).toContain(':4: skipped: "messages" must be a list');
  });

  it('reads gzip files and standard input the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hu-scan-'));
    const gz = join(dir, 'c.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(FIXTURE)));
    const plain = run('scan.ts', [FIXTURE]).stdout;
    expect(run('scan.ts', [gz]).stdout).toBe(plain);
    expect(run('scan.ts', ['-'], readFileSync(FIXTURE, 'utf8')).stdout).toBe(plain);
  });
});

describe('evaluation', () => {
  it('counts positions among the other party’s messages only', () => {
    expect(otherPartyPosition({ directions: ['incoming', 'outgoing', 'outgoing', 'incoming'] }, 3)).toBe(2);
    expect(otherPartyPosition({ directions: ['unknown', 'unknown'] }, 1)).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('aggregates per source and label, with the rules behind false alerts', () => {
    const ev = new Evaluation();
    const alerting = { id: 'a', self: 'kid', messages: [{ author: 'kid', text: 'hi' }, { author: 'x', text: 'dont tell your dad about us' }] };
    const quiet = { id: 'b', messages: [{ author: 'x', text: 'lovely weather' }] };
    ev.add('s', 'grooming', scanConversation(matcher, alerting));
    ev.add('s', 'grooming', scanConversation(matcher, quiet));
    ev.add('s', 'benign', scanConversation(matcher, { ...alerting, id: 'c' }));
    const [benign, grooming] = ev.results();
    expect(grooming).toMatchObject({ conversations: 2, alerted: 1, alertedShare: 0.5, medianFirstAlert: 1, within10: 0.5, messages: 3 });
    expect(benign!.topFalseAlertRules).toEqual([{ rule: expect.stringMatching(/^secrecy\./), conversations: 1 }]);
  });

  it('prints JSON with --json', { timeout: 60_000 }, () => {
    const { stdout, code } = run('eval.ts', [FIXTURE, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.skipped).toBe(2);
    expect(out.stats.map((s: { label: string; alerted: number }) => [s.label, s.alerted])).toEqual([
      ['benign', 0],
      ['grooming', 2],
    ]);
  });
});
