#!/usr/bin/env node
// Bundles the Electron host: electron/main/main.ts -> dist/electron/main.cjs and
// electron/preload/preload.ts -> dist/electron/preload.cjs. CommonJS because Electron's main and
// sandboxed preload load it without any loader; native modules stay external and are loaded from
// node_modules (electron-builder unpacks them from the asar).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'electron');

export async function buildElectron({ quiet = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['electron', 'better-sqlite3', 'serialport', '@serialport/*'],
    logLevel: quiet ? 'warning' : 'info',
    absWorkingDir: ROOT,
  };
  await build({
    ...common,
    entryPoints: [join(ROOT, 'electron/main/main.ts')],
    outfile: join(OUT, 'main.cjs'),
    // The core is ESM and may use import.meta.url; in a CommonJS bundle that would be undefined.
    // (Not in the preload: a sandboxed preload cannot require node:url.)
    banner: { js: "const __bundle_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundle_import_meta_url' },
  });
  // The sandboxed preload may require only 'electron' and a few built-ins; everything is inlined.
  await build({ ...common, entryPoints: [join(ROOT, 'electron/preload/preload.ts')], outfile: join(OUT, 'preload.cjs') });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron().catch((err) => {
    console.error(`build-electron: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
