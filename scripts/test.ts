// `npm test`: every check in order — lint, format, typecheck, unit, integration, e2e — streaming
// their output, continuing past failures, and ending with one line: `N passed, N failed`.
// Each static check counts as one test. YATRA_TEST_ONLY=unit,integration runs a subset.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bin, repoRoot } from './lib/paths';
import { runCommand } from './lib/processes';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Step {
  id: string;
  title: string;
  run(): Promise<Counts>;
}

const resultsDir = path.join(repoRoot, 'test-results');

/** A command whose success is one passed test, failure one failed test. */
function check(id: string, title: string, command: string, args: string[]): Step {
  return {
    id,
    title,
    run: async () => {
      const code = await runCommand(command, args, { cwd: repoRoot });
      return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
    },
  };
}

function vitest(project: 'unit' | 'integration'): Step {
  const report = path.join(resultsDir, `vitest-${project}.json`);
  return {
    id: project,
    title: `${project} tests (vitest)`,
    run: async () => {
      rmSync(report, { force: true });
      const code = await runCommand(
        bin('vitest'),
        [
          'run',
          '--project',
          project,
          '--passWithNoTests',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ],
        { cwd: repoRoot },
      );
      return withExitCode(readVitestReport(report), code);
    },
  };
}

function playwright(): Step {
  const report = path.join(resultsDir, 'playwright.json');
  return {
    id: 'e2e',
    title: 'end-to-end tests (playwright)',
    run: async () => {
      rmSync(report, { force: true });
      // Without specs Playwright would still start the whole stack in its global setup.
      if (!hasSpecs(path.join(repoRoot, 'e2e'))) {
        process.stdout.write('No e2e/*.spec.ts files: nothing to run.\n');
        return { passed: 0, failed: 0, skipped: 0 };
      }
      const code = await runCommand(
        bin('playwright'),
        ['test', '--reporter=list,json', '--pass-with-no-tests'],
        { cwd: repoRoot, env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report } },
      );
      return withExitCode(readPlaywrightReport(report), code);
    },
  };
}

function hasSpecs(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? entry.name !== 'node_modules' && hasSpecs(path.join(dir, entry.name))
      : /\.spec\.tsx?$/.test(entry.name),
  );
}

/** A run that failed without a failed test (a crash, an unhandled error) still counts as one. */
function withExitCode(counts: Counts | undefined, code: number): Counts {
  const result = counts ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && result.failed === 0) result.failed = 1;
  return result;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Vitest's JSON (Jest-compatible): test counts, plus files that failed before any test ran. */
function readVitestReport(file: string): Counts | undefined {
  const report = readJson(file);
  if (report === undefined) return undefined;
  const files = field(report, 'testResults');
  const brokenFiles = Array.isArray(files)
    ? files.filter((result: unknown) => {
        const assertions = field(result, 'assertionResults');
        return (
          field(result, 'status') === 'failed' &&
          Array.isArray(assertions) &&
          assertions.length === 0
        );
      }).length
    : 0;
  return {
    passed: num(field(report, 'numPassedTests')),
    failed: num(field(report, 'numFailedTests')) + brokenFiles,
    skipped: num(field(report, 'numPendingTests')) + num(field(report, 'numTodoTests')),
  };
}

/** Playwright's JSON: stats, plus errors outside tests (e.g. a failed global setup). */
function readPlaywrightReport(file: string): Counts | undefined {
  const report = readJson(file);
  if (report === undefined) return undefined;
  const stats = field(report, 'stats');
  const errors = field(report, 'errors');
  return {
    passed: num(field(stats, 'expected')) + num(field(stats, 'flaky')),
    failed: num(field(stats, 'unexpected')) + (Array.isArray(errors) ? errors.length : 0),
    skipped: num(field(stats, 'skipped')),
  };
}

const steps: Step[] = [
  check('lint', 'lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']),
  check('format', 'format (prettier --check)', bin('prettier'), ['--check', '.']),
  check('typecheck', 'typecheck (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  vitest('unit'),
  vitest('integration'),
  playwright(),
];

function selectedSteps(): Step[] {
  const only = process.env.YATRA_TEST_ONLY?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (!only?.length) return steps;
  const unknown = only.filter((id) => !steps.some((step) => step.id === id));
  if (unknown.length) {
    process.stderr.write(
      `YATRA_TEST_ONLY: unknown step(s) ${unknown.join(', ')}; choose from ${steps.map((s) => s.id).join(', ')}\n`,
    );
    process.exit(2);
  }
  return steps.filter((step) => only.includes(step.id));
}

function describeCounts({ passed, failed, skipped }: Counts): string {
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}

async function main(): Promise<void> {
  if (!existsSync(resultsDir)) mkdirSync(resultsDir, { recursive: true });
  const results: { step: Step; counts: Counts; seconds: number }[] = [];
  for (const step of selectedSteps()) {
    process.stdout.write(`\n━━━ ${step.title} ━━━\n`);
    const started = Date.now();
    const counts = await step.run();
    results.push({ step, counts, seconds: (Date.now() - started) / 1000 });
  }

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  process.stdout.write('\n━━━ summary ━━━\n');
  for (const { step, counts, seconds } of results) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    const mark = counts.failed ? '✗' : '✓';
    process.stdout.write(
      `${mark} ${step.id.padEnd(12)} ${describeCounts(counts).padEnd(36)} ${seconds.toFixed(1)}s\n`,
    );
  }
  if (total.passed + total.failed === 0) process.stdout.write('No tests ran.\n');
  process.stdout.write(`${describeCounts(total)}\n`);
  process.exitCode = total.failed > 0 || total.passed + total.failed === 0 ? 1 : 0;
}

void main();
