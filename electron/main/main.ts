// Entry of the Electron host, bundled to dist/electron/main.cjs (so __dirname is dist/electron).
// All wiring is in desktop-app.ts, all rules in security.ts.
import * as electron from 'electron';
import { flightStartFromEnv } from '../core/recording/flight-tracker';
import { GroundStation } from '../core/station';
import { startDesktopApp } from './desktop-app';
import { SafeStorageBox } from './safe-storage-box';

startDesktopApp(electron, (dataDir) => new GroundStation({ host: 'electron', dataDir, secretBox: new SafeStorageBox(electron.safeStorage), replay: { startOn: flightStartFromEnv() } }), __dirname).catch((err: unknown) => {
  console.error('[gcs main] failed to start:', err);
  electron.app.exit(1);
});
