// A plain `npm install` offline drops the optional electron package, and `npm run typecheck` then leaves
// out the files typed by Electron's declarations. Only those: anything else left out would go unchecked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('typecheck without the electron package', () => {
  it('leaves out only files that need electron\'s own type declarations', () => {
    const text = readFileSync(join(ROOT, 'tsconfig.no-electron.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const exclude = (JSON.parse(text) as { exclude: string[] }).exclude;
    expect(exclude.length).toBeLessThanOrEqual(4);
    for (const file of exclude) {
      const src = readFileSync(join(ROOT, file), 'utf8');
      expect(/from 'electron'|import\('electron'\)|desktop-app/.test(src), file).toBe(true);
    }
  });
});
