#!/usr/bin/env node
// `npm start`: build what is missing, then open the desktop app, or, where Electron's runtime is not
// installed, serve the same UI to a browser on this computer. Extra arguments go to `gcs serve`
// (e.g. `npm start -- --port 9000`).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');
const VITE_CONFIG = join(ROOT, 'renderer', 'vite.config.ts');
/** What the built renderer is made from; newer sources mean a rebuild. */
const RENDERER_SOURCES = ['renderer', 'shared', 'resources'].map((d) => join(ROOT, d));

function newestMtimeMs(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtimeMs(join(path, name)));
  }
  return newest;
}

function rendererNeedsBuild() {
  if (!existsSync(RENDERER_INDEX)) return true;
  const built = statSync(RENDERER_INDEX).mtimeMs;
  return RENDERER_SOURCES.some((dir) => newestMtimeMs(dir) > built);
}

function run(cmd, args, onSpawn = () => {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    onSpawn(child);
    child.on('error', (err) => {
      console.error(`Could not run ${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
  });
}

/** The Electron binary's path, or null: the npm package throws when its binary was not downloaded. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * Runs a long-lived child until it ends. Ctrl+C in the terminal reaches the child directly (same
 * process group), so SIGINT is only ignored here, not forwarded: forwarding would make it a second
 * Ctrl+C, which the server takes as "stop now". SIGTERM is sent to us alone, so it is passed on.
 */
function runForeground(cmd, args) {
  process.on('SIGINT', () => {});
  return run(cmd, args, (child) => process.on('SIGTERM', () => child.kill('SIGTERM')));
}

async function main() {
  if (rendererNeedsBuild()) {
    if (!existsSync(VITE_CONFIG)) {
      console.error(`npm start: the renderer's build config ${VITE_CONFIG} is missing; cannot build the user interface.`);
      return 1;
    }
    console.log('Building the user interface (dist/renderer)...');
    const code = await run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', VITE_CONFIG]);
    if (code !== 0) {
      console.error('npm start: building the user interface failed (see above).');
      return code;
    }
  }

  const electron = electronBinary();
  if (electron) {
    console.log('Starting the Police GCS desktop app...');
    const { buildElectron } = await import('./build-electron.mjs');
    await buildElectron({ quiet: true });
    return runForeground(electron, [ROOT, ...process.argv.slice(2)]);
  }

  console.log("Electron's desktop runtime is not installed here, so Police GCS serves the same UI to a browser on this computer instead.");
  console.log('未安装 Electron 桌面运行环境：地面站将以浏览器方式在本机提供同样的界面。');
  return runForeground(process.execPath, [join(ROOT, 'bin', 'gcs.mjs'), 'serve', ...process.argv.slice(2)]);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
