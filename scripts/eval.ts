/**
 * npm run eval -- FILE [--self-prefix NAME] [--json]
 *
 * Measures the bundled rules on labelled conversations (JSON Lines with "source" and "label":
 * "grooming" | "benign"). Prints per source and label: conversations alerted, how early, hits per
 * 1,000 messages and the rules behind false alerts. Nothing of the data is written anywhere.
 */
import { parseArgs } from 'node:util';
import { formatError } from '../rules/engine';
import { compileFromDisk } from '../rules/node/load-packs';
import { readJsonLines } from '../rules/node/jsonl';
import { Evaluation, formatEvaluation } from '../rules/scan/evaluate';
import { conversationProblem, scanConversation, toConversation } from '../rules/scan/scan-conversation';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'self-prefix': { type: 'string' },
    json: { type: 'boolean' },
    top: { type: 'string', default: '10' },
    help: { type: 'boolean', short: 'h' },
  },
});
const input = positionals[0] ?? process.env.HEADS_UP_EVAL;
if (values.help || !input) {
  console.log('usage: npm run eval -- FILE.jsonl[.gz] [--self-prefix NAME] [--json] [--top N]   (or set HEADS_UP_EVAL)');
  process.exit(values.help ? 0 : 2);
}
const { matcher, errors } = compileFromDisk();
if (errors.length > 0) {
  console.error(errors.map(formatError).join('\n'));
  process.exit(2);
}

const evaluation = new Evaluation();
let skipped = 0;
const started = performance.now();
for await (const { line, value } of readJsonLines(input, (p) => (skipped++, console.error(`${input}:${p.line}: skipped: ${p.message}`)))) {
  const problem = conversationProblem(value);
  const record = value as Record<string, unknown>;
  if (problem || typeof record.label !== 'string') {
    skipped++;
    console.error(`${input}:${line}: skipped: ${problem ?? '"label" is missing'}`);
    continue;
  }
  const scan = scanConversation(matcher, toConversation(record), { selfPrefix: values['self-prefix'] });
  evaluation.add(typeof record.source === 'string' ? record.source : 'unknown', record.label, scan);
}
const stats = evaluation.results(Number(values.top));
if (values.json) console.log(JSON.stringify({ rules: matcher.rules.length, skipped, stats }));
else {
  console.log(formatEvaluation(stats));
  console.log(`\n${matcher.rules.length} rules; ${skipped} line(s) skipped; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
