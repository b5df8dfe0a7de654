import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Names every integration test that passed only on its retry, so a flaky test is seen, not hidden:
 * printed at the end of the run and written to `.data/test-retries.json` (an array of
 * `{ file, name, retries, firstError }`), which `.ci/run` prints again under both runs' totals.
 * The integration project retries a failed test once (vitest.config.ts): on a shared two-core
 * machine a browser test can lose to a renderer crash or a stalled connection; a test that fails
 * twice still fails the run.
 */
export default class RetryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const retried: { file: string; name: string; retries: number; firstError: string }[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const diagnostic = test.diagnostic();
        if (!diagnostic?.flaky) continue;
        retried.push({
          file: module.relativeModuleId,
          name: test.fullName,
          retries: diagnostic.retryCount,
          firstError: (test.result().errors?.[0]?.message ?? '').split('\n')[0]?.slice(0, 300) ?? '',
        });
      }
    }
    mkdirSync('.data', { recursive: true });
    writeFileSync('.data/test-retries.json', `${JSON.stringify(retried, null, 2)}\n`);
    for (const r of retried) console.log(`RETRIED ${r.file} › ${r.name} (passed on retry ${r.retries})`);
  }
}
