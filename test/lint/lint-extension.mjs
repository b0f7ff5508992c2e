// `npm run lint:extension`: Mozilla's `web-ext lint` over the built extension, which must report
// nothing but the findings listed (and justified) below.
//
// web-ext lint judges a package for Firefox. Until the build writes dist/firefox (then linted as
// it is), it lints a copy of dist/chrome with the Firefox-only manifest keys added that such a
// build has: the service worker as a background script (Firefox runs no extension service
// worker), and a gecko id with its data-collection declaration. Chrome-only keys (`key`, `minimum_chrome_version`) stay: the
// linter accepts them. Nothing else in the copy changes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const firefoxBuild = path.join(root, 'dist', 'firefox');
const chromeBuild = path.join(root, 'dist', 'chrome');

/**
 * Findings accepted, each with why. Preact's renderer assigns innerHTML for
 * `dangerouslySetInnerHTML`, which the linter sees in every page bundle; our sources never use
 * it (ESLint forbids it, see eslint.config.js), so that code path never runs.
 */
const accepted = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(popup|options|diagnostics)\.js$/, why: 'preact renderer; dangerouslySetInnerHTML is forbidden in our sources' },
];

function firefoxShapedCopy() {
  if (!existsSync(path.join(chromeBuild, 'manifest.json'))) throw new Error('no build in dist/chrome: run `npm run build` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'wic-web-ext-lint-'));
  cpSync(chromeBuild, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  manifest.background = { scripts: [manifest.background.service_worker] };
  manifest.browser_specific_settings = { gecko: { id: 'web-identity-credentials@lint.invalid', data_collection_permissions: { required: ['none'] } } };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

const sourceDir = existsSync(path.join(firefoxBuild, 'manifest.json')) ? firefoxBuild : firefoxShapedCopy();
try {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const start = run.stdout.indexOf('{');
  if (start === -1) throw new Error(`web-ext lint printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start));
  const findings = [...report.errors, ...report.warnings, ...report.notices];
  const isAccepted = (finding) => accepted.some((rule) => rule.code === finding.code && rule.file.test(finding.file ?? ''));
  const rejected = findings.filter((finding) => !isAccepted(finding));
  const label = path.relative(root, sourceDir).startsWith('..') ? 'dist/chrome (Firefox-shaped copy)' : path.relative(root, sourceDir);
  for (const finding of findings) {
    console.log(`${isAccepted(finding) ? 'accepted' : finding._type.toUpperCase()} ${finding.code} ${finding.file ?? ''}: ${finding.message}`);
  }
  if (rejected.length) {
    console.error(`web-ext lint: ${rejected.length} finding(s) in ${label}`);
    process.exitCode = 1;
  } else {
    console.log(`web-ext lint: clean (${label}; ${findings.length} accepted finding(s))`);
  }
} finally {
  if (sourceDir !== firefoxBuild) rmSync(sourceDir, { recursive: true, force: true });
}
