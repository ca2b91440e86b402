/**
 * `npm run bench` (tsx bench/run.ts): the performance benchmarks of docs/performance.md.
 *
 *   --engine   engine throughput, latency, naive baseline, ceiling, compile times (Node)
 *   --page     page cost in Chromium with and without the extension (builds first)
 *   --size     bundle sizes (builds first)
 *   (none)     all three
 *   --no-build use the existing .output/chrome-mv3
 *   --mb N     corpus size in millions of characters (default 20)
 *   --rounds N page runs of each kind (default 3)
 *   --messages N page messages per run (default 5,000)
 *   --quick    a smoke run: 2 MB corpus, 1,000 page messages, 1 round
 *
 * Prints progress, a table, and LAST one JSON line with every figure; writes both to bench-results/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../scripts/chromium';
import { runEngine } from './engine';
import { runPage } from './page/run';
import { render, summary, type Results } from './report';
import { runSize } from './size';

const args = process.argv.slice(2);
const has = (flag: string) => args.includes(flag);
const num = (flag: string, fallback: number) => {
  const at = args.indexOf(flag);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const quick = has('--quick');
const any = has('--engine') || has('--page') || has('--size');
const parts = { engine: !any || has('--engine'), page: !any || has('--page'), size: !any || has('--size') };
const log = (line: string) => console.log(line);

const results: Results = {};
const started = new Date();

if (parts.engine) {
  log('== engine');
  results.engine = runEngine({
    mb: num('--mb', quick ? 2 : 20),
    latencyMessages: quick ? 20_000 : 100_000,
    naiveChars: quick ? 40_000 : 200_000,
    log,
  });
}

if ((parts.page || parts.size) && !has('--no-build')) {
  log('== build (wxt build)');
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  if (built.status !== 0) throw new Error('wxt build failed');
}

if (parts.size) {
  log('== size');
  results.size = runSize();
}

if (parts.page) {
  log('== page');
  results.page = await runPage({
    messages: num('--messages', quick ? 1000 : 5000),
    history: 40,
    rounds: num('--rounds', quick ? 1 : 3),
    log,
  });
}

const text = render(results);
const line = JSON.stringify(
  summary(results, {
    date: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    parts: Object.entries(parts).filter(([, on]) => on).map(([name]) => name).join(','),
  }),
);
console.log(text);
const dir = join(ROOT, 'bench-results');
mkdirSync(dir, { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
writeFileSync(join(dir, `${stamp}.txt`), `${text}\n${line}\n`);
writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify({ summary: JSON.parse(line), results }, null, 2)}\n`);
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify({ summary: JSON.parse(line), results }, null, 2)}\n`);
console.log(`\nWritten to bench-results/${stamp}.{txt,json} and bench-results/latest.json`);
console.log(line);
