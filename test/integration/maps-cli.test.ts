// `gcs coord` and `gcs terrain` as a user runs them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeHgt } from '../../shared/terrain/hgt';
import { runGcs } from '../support/gcs-cli';

describe('gcs coord / gcs terrain', () => {
  it('converts a GCJ-02 phone-map copy to WGS-84 and refuses nonsense', async () => {
    const ok = await runGcs(['coord', '高德', '116.38404722455657,39.91334545536069']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/read as GCJ02 \(longitude first\)/);
    expect(ok.stdout).toMatch(/WGS-84: 39\.911954, 116\.377817 {2}39°54′43\.0″N 116°22′40\.1″E/);
    const bad = await runGcs(['coord', 'hello']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Cannot read "hello"/);
  });

  it('prints ground heights from a folder of tiles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maps-cli-'));
    writeFileSync(join(dir, 'N46E122.hgt'), encodeHgt(1201, () => 512));
    const r = await runGcs(['terrain', '--dir', dir, '--at', '46.5,122.5', '--at', '10,10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('46.500000, 122.500000  512.0 m');
    expect(r.stdout).toContain('10.000000, 10.000000  no data');
  });
});
