import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blankPageFile, copyWithBlankPage } from '../../bench/blank-page';

describe('copyWithBlankPage', () => {
  let build: string;
  beforeEach(() => {
    build = mkdtempSync(path.join(tmpdir(), 'wic-blank-page-test-'));
    writeFileSync(path.join(build, 'manifest.json'), '{}');
    writeFileSync(path.join(build, 'popup.html'), '<!doctype html>');
  });
  afterEach(() => rmSync(build, { recursive: true, force: true }));

  it('adds the blank page to a copy and leaves the build as it was', async () => {
    const copy = await copyWithBlankPage(build);
    try {
      expect(readdirSync(build).sort()).toEqual(['manifest.json', 'popup.html']);
      expect(readdirSync(copy.dir).sort()).toEqual(['bench-blank.html', 'bench-blank.js', 'manifest.json', 'popup.html']);
      expect(path.basename(copy.dir)).toMatch(new RegExp(`^wic-e2e-${process.pid}-`));
    } finally {
      await copy.remove();
    }
    expect(existsSync(copy.dir)).toBe(false);
  });

  it('loads its script from a file, since the extension\'s CSP allows no inline script', async () => {
    const copy = await copyWithBlankPage(build);
    try {
      const html = readFileSync(path.join(copy.dir, blankPageFile), 'utf8');
      expect(html.match(/<script[^>]*>/g)).toEqual(['<script src=bench-blank.js>']);
      expect(readFileSync(path.join(copy.dir, 'bench-blank.js'), 'utf8')).toContain("marker.dataset.testid = 'profile-status'");
    } finally {
      await copy.remove();
    }
  });

  it('refuses a folder without a build', async () => {
    await expect(copyWithBlankPage(path.join(build, 'missing'))).rejects.toThrow('run `npm run build` first');
  });
});
