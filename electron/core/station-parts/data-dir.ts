// Where the station keeps its database, recordings and caches.
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The server host's default: $XDG_DATA_HOME/police-gcs, else ~/.local/share/police-gcs. */
export function defaultServerDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'police-gcs');
}

/** A station built without a data folder (tests, tools) gets a fresh private one, never a shared default. */
export function scratchDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'police-gcs-'));
}
