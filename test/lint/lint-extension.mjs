// `npm run lint:extension`: Mozilla's `web-ext lint` over the built extension, which must report
// nothing, warnings included, but the findings accepted (and justified) below.
//
// web-ext lint judges a package for Firefox, so dist/chrome is linted as a copy with the
// Firefox-only manifest keys a Firefox build has: the service worker as a background script
// (Firefox runs no extension service worker) and a gecko id with its data-collection
// declaration. Chrome-only keys (`key`, `minimum_chrome_version`) stay: the linter accepts them.
// Nothing else in the copy changes. A Firefox build in dist/firefox, when there is one, is
// linted as it is.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromeBuild = path.join(root, 'dist', 'chrome');
const firefoxBuild = path.join(root, 'dist', 'firefox');

/**
 * Findings accepted, each with why. Preact's renderer assigns innerHTML for
 * `dangerouslySetInnerHTML`, which the linter sees in every page bundle; our sources never use
 * it (ESLint forbids it, see eslint.config.js), so that code path never runs.
 */
const accepted = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^[\w-]+\.js$/, message: /innerHTML/, why: 'preact renderer; dangerouslySetInnerHTML is forbidden in our sources' },
];

function firefoxShapedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'wic-web-ext-lint-'));
  cpSync(chromeBuild, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.background = { scripts: [manifest.background.service_worker] };
  manifest.browser_specific_settings = { gecko: { id: 'web-identity-credentials@lint.invalid', data_collection_permissions: { required: ['none'] } } };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Lints `sourceDir`; returns the number of findings not accepted. */
function lint(sourceDir, label) {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const start = run.stdout.indexOf('{');
  if (start === -1) throw new Error(`web-ext lint printed no report for ${label} (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start));
  const findings = [...report.errors, ...report.warnings, ...report.notices];
  const isAccepted = (finding) => accepted.some((rule) => rule.code === finding.code && rule.file.test(finding.file ?? '') && rule.message.test(finding.message ?? ''));
  for (const finding of findings) {
    console.log(`${label}: ${isAccepted(finding) ? 'accepted' : finding._type.toUpperCase()} ${finding.code} ${finding.file ?? ''}: ${finding.message}`);
  }
  const rejected = findings.filter((finding) => !isAccepted(finding)).length;
  console.log(`${label}: web-ext lint ${rejected ? `found ${rejected} problem(s)` : 'clean'} (${findings.length - rejected} accepted finding(s))`);
  return rejected;
}

if (!existsSync(path.join(chromeBuild, 'manifest.json'))) throw new Error('no build in dist/chrome: run `npm run build` first');
let problems = 0;
const copy = firefoxShapedCopy();
try {
  problems += lint(copy, 'dist/chrome (Firefox-shaped copy)');
} finally {
  rmSync(copy, { recursive: true, force: true });
}
if (existsSync(path.join(firefoxBuild, 'manifest.json'))) problems += lint(firefoxBuild, 'dist/firefox');
if (problems) process.exitCode = 1;
