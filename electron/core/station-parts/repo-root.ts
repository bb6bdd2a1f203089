// Where the checkout (or the packaged app's resources) is: found by walking up from this module to
// the folder holding the simulator's entry, so it works from the TypeScript sources (tsx) and from
// the CommonJS bundle in dist/electron alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIM_ENTRY = join('electron', 'core', 'sim', 'main.ts');

let cached: string | null | undefined;

export function repoRoot(): string | null {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, SIM_ENTRY))) return (cached = dir);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cached = null);
}

export function appVersion(): string {
  const root = repoRoot();
  if (!root) return '0.0.0';
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
