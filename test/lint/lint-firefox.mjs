// `npm run lint:firefox`: Mozilla's `web-ext lint` over dist/firefox, which must report nothing,
// warnings and notices included, but the findings accepted (and justified) below. Plain
// `web-ext lint` fails on errors only; a new warning (an unknown permission, unsafe code in a
// bundle) would pass it unseen. dist/chrome holds the same bundles byte for byte (see
// webpack.config.js) and a manifest that differs only by the keys build/browser-manifest.js
// transforms, so linting the real Firefox build covers the code of both.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const firefoxBuild = path.join(root, 'dist', 'firefox');

/**
 * Findings accepted, each with why. Preact's renderer assigns innerHTML for
 * `dangerouslySetInnerHTML`, which the linter sees in every page bundle; our sources never use
 * it (ESLint forbids it, see eslint.config.js), so that code path never runs.
 */
const accepted = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^[\w-]+\.js$/, message: /innerHTML/, why: 'preact renderer; dangerouslySetInnerHTML is forbidden in our sources' },
];

if (!existsSync(path.join(firefoxBuild, 'manifest.json'))) throw new Error('no build in dist/firefox: run `npm run build` first');
const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', firefoxBuild, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const start = run.stdout.indexOf('{');
if (start === -1) throw new Error(`web-ext lint printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
const report = JSON.parse(run.stdout.slice(start));
const findings = [...report.errors, ...report.warnings, ...report.notices];
const isAccepted = (finding) => accepted.some((rule) => rule.code === finding.code && rule.file.test(finding.file ?? '') && rule.message.test(finding.message ?? ''));
for (const finding of findings) {
  console.log(`${isAccepted(finding) ? 'accepted' : finding._type.toUpperCase()} ${finding.code} ${finding.file ?? ''}: ${finding.message}`);
}
const rejected = findings.filter((finding) => !isAccepted(finding)).length;
console.log(`dist/firefox: web-ext lint ${rejected ? `found ${rejected} problem(s)` : 'clean'} (${findings.length - rejected} accepted finding(s))`);
if (rejected) process.exitCode = 1;
