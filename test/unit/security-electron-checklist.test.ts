// Electron's security checklist, the items no runtime hook can enforce: the source itself must never
// open external links from text, weaken a window's preferences, load remote pages or evaluate strings.
// A source scan, so a regression anywhere in electron/ or renderer/ fails here with file and line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWindowOptions } from '../../electron/main/security';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mjs|cjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

const FORBIDDEN: Array<{ pattern: RegExp; why: string; dirs: string[] }> = [
  { pattern: /openExternal\s*\(/, why: 'shell.openExternal on text from the wire or a file opens anything the OS can', dirs: ['electron', 'renderer'] },
  { pattern: /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/, why: 'Node in a renderer', dirs: ['electron', 'renderer'] },
  { pattern: /contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false/, why: 'a weakened window', dirs: ['electron'] },
  { pattern: /allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|webviewTag\s*:\s*true/, why: 'a weakened window', dirs: ['electron'] },
  { pattern: /enableBlinkFeatures|enableRemoteModule|@electron\/remote/, why: 'remote module or experimental Blink features', dirs: ['electron', 'renderer'] },
  { pattern: /load(URL|File)\s*\(\s*['"`]https?:/, why: 'remote content in a window', dirs: ['electron'] },
  { pattern: /\beval\s*\(|new Function\s*\(/, why: 'strings evaluated as code (the CSP forbids it too)', dirs: ['renderer', 'electron/main', 'electron/preload'] },
  // A module constant (an icon's SVG) is ours; anything else assigned as HTML could come from outside.
  { pattern: /dangerouslySetInnerHTML|\.innerHTML\s*=(?!\s*[A-Z_][A-Z0-9_]*;)/, why: 'HTML from strings in the UI', dirs: ['renderer'] },
];

describe('Electron checklist in the source', () => {
  for (const rule of FORBIDDEN) {
    it(`nowhere: ${rule.why}`, () => {
      const hits: string[] = [];
      for (const dir of rule.dirs) {
        for (const file of sources(join(ROOT, dir))) {
          readFileSync(file, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (rule.pattern.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
      expect(hits).toEqual([]);
    });
  }

  it('the window options are the hardened ones, whatever the preload path', () => {
    expect(appWindowOptions('/x/preload.cjs').webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
