// A real station with the server host, as its own process (for kill -9 tests): prints one JSON line
// { port, token } once it listens, then runs until killed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: ops-station-child DATA_DIR');
  const staticDir = join(dataDir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>GCS</title>');
  const station = new GroundStation({ host: 'server', dataDir });
  await station.start();
  const server = await startServer({ station, port: 0, staticDir });
  process.stdout.write(JSON.stringify({ port: server.port, token: server.token }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
