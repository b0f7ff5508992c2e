/**
 * `wic install` and `wic uninstall`: carry out an {@link InstallPlan}. With `--browser all`
 * (the default) a browser whose own folder is missing (not installed, never started) is skipped;
 * a browser named explicitly gets its folder created.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InstallChoice, InstallContext, InstallPlan } from './install-plan';
import { installPlan, registryDelete } from './install-plan';

/** Runs `reg.exe` with the arguments; replaced in tests. */
export type RegistryRunner = (args: string[]) => void;

export const runReg: RegistryRunner = (args) => {
  execFileSync('reg', args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
};

/** Report lines for the user. */
export type Report = string[];

function writeFile(file: { path: string; content: string; mode: number }): void {
  mkdirSync(path.dirname(file.path), { recursive: true });
  writeFileSync(file.path, file.content, { mode: file.mode });
}

/** Writes the launcher, the manifests of the browsers present (or named) and the registry keys. */
export function install(context: InstallContext, choice: InstallChoice, explicit: boolean, reg: RegistryRunner = runReg): Report {
  const plan: InstallPlan = installPlan(context, choice);
  const report: Report = [];
  writeFile(plan.launcher);
  report.push(`Host launcher: ${plan.launcher.path}`);
  let written = 0;
  for (const manifest of plan.manifests) {
    if (!explicit && context.platform !== 'win32' && !existsSync(manifest.browserFolder)) {
      report.push(`Skipped ${manifest.browser}: ${manifest.browserFolder} not found (name it with --browser to install anyway)`);
      continue;
    }
    writeFile(manifest);
    written += 1;
    report.push(`Installed for ${manifest.browser}: ${manifest.path}`);
  }
  for (const args of plan.registry) {
    reg(args);
    report.push(`Registered ${args[1]}`);
  }
  if (written === 0) report.push('No browser found: name one with --browser, or use --user-data-dir.');
  else report.push('Restart the browser (or reload the extension) so it connects.');
  return report;
}

/** Removes every manifest, registry key and launcher {@link install} may have written. */
export function uninstall(context: InstallContext, choice: InstallChoice, reg: RegistryRunner = runReg): Report {
  const plan = installPlan(context, choice);
  const report: Report = [];
  for (const file of [...plan.manifests, plan.launcher]) {
    if (!existsSync(file.path)) continue;
    rmSync(file.path);
    report.push(`Removed ${file.path}`);
  }
  if (context.platform === 'win32' && choice.userDataDir === undefined) {
    for (const browser of choice.browsers) {
      const args = registryDelete(browser);
      try {
        reg(args);
        report.push(`Unregistered ${args[1]}`);
      } catch {
        // Not there: nothing to remove.
      }
    }
  }
  // wic's folders, if they are empty now (the run dir may still hold a live socket).
  for (const folder of [path.dirname(plan.launcher.path), path.dirname(path.dirname(plan.launcher.path))]) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, or gone.
    }
  }
  if (report.length === 0) report.push('Nothing to remove.');
  return report;
}
