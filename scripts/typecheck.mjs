// `npm run typecheck`: the whole project with TypeScript. Where the electron package is missing (a
// plain `npm install` on a machine that cannot download Electron's runtime drops the optional
// dependency), the few files typed by Electron's declarations are left out, and this says so: the
// server host, the station and every test still type-check, and CI (which installs the package with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1) checks the desktop host too.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let hasElectron = true;
try {
  require.resolve('electron/package.json');
} catch {
  hasElectron = false;
}
if (!hasElectron) {
  console.log('typecheck: the electron package is not installed, so the desktop host files typed by it are skipped.');
  console.log('           To check them too: ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install');
  console.log('typecheck: 未安装 electron 包，跳过依赖其类型声明的桌面端文件。');
}
const tsc = require.resolve('typescript/bin/tsc');
for (const project of [hasElectron ? 'tsconfig.json' : 'tsconfig.no-electron.json', 'tsconfig.shared.json']) {
  const r = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
