/**
 * npm run scan -- [FILE.jsonl | FILE.jsonl.gz | -] [--self-prefix NAME]
 *
 * Reads conversations as JSON Lines ({"id", "self"?, "messages": [{"author", "text"}]}) and writes
 * one JSON line per conversation with the decision the extension would make. Bad lines are
 * reported on stderr with their line number and skipped.
 */
import { compileFromDisk } from '../rules/node/load-packs';
import { readJsonLines } from '../rules/node/jsonl';
import { formatError } from '../rules/engine';
import { conversationProblem, scanConversation, scanLine, toConversation } from '../rules/scan/scan-conversation';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'self-prefix': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('usage: npm run scan -- [FILE.jsonl | FILE.jsonl.gz | -] [--self-prefix NAME]');
  process.exit(0);
}
const input = positionals[0] ?? '-';
const { matcher, errors } = compileFromDisk();
if (errors.length > 0) {
  console.error(errors.map(formatError).join('\n'));
  process.exit(2);
}

let bad = 0;
const report = (line: number, message: string) => {
  bad++;
  console.error(`${input}:${line}: skipped: ${message}`);
};
for await (const { line, value } of readJsonLines(input, (p) => report(p.line, p.message))) {
  const problem = conversationProblem(value);
  if (problem) {
    report(line, problem);
    continue;
  }
  const detail = scanConversation(matcher, toConversation(value as Record<string, unknown>), { selfPrefix: values['self-prefix'] });
  process.stdout.write(JSON.stringify(scanLine(detail)) + '\n');
}
if (bad > 0) console.error(`${bad} line(s) skipped`);
