// Sums the JUnit reports into the plain "N passed, N failed" line CI reads. A missing report
// counts as one failure: a runner that crashed before writing it must not look green.
import { existsSync, readFileSync } from 'node:fs';

const reports = process.argv.slice(2, -1);
const otherStepsFailed = process.argv.at(-1) !== '0';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of reports) {
  if (!existsSync(path)) {
    console.log(`missing report: ${path}`);
    failed += 1;
    continue;
  }
  const xml = readFileSync(path, 'utf8');
  for (const match of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[2] ?? '';
    if (/<(failure|error)\b/.test(body)) failed += 1;
    else if (/<skipped\b/.test(body)) skipped += 1;
    else passed += 1;
  }
}
if (otherStepsFailed && failed === 0) {
  console.log('a non-test step (check, audit, install) failed');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
