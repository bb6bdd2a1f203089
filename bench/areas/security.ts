// The security area's benchmarks, run by bench/run.ts.
// Row: receiving signed telemetry (framing + signature and timestamp checks + decode) against the same
// frames unsigned, in the same run: what MAVLink 2 signing costs the station per frame.
import { decodeFrame, Framer } from '../../electron/core/mavlink';
import { keyFromPassphrase } from '../../electron/core/mavlink/signing';
import { SigningGuard } from '../../electron/core/security/signing-guard';
import { telemetryMix } from '../mavlink-parse';
import type { BenchRow } from '../table';

const FRAMES = 100_000;
const CHUNK = 1024;

function chunked(buf: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < buf.length; i += CHUNK) out.push(buf.subarray(i, i + CHUNK));
  return out;
}

/** The same telemetry, signed by the vehicle (sysid 1) as it would send it. */
function signedCopy(unsigned: Uint8Array, key: Uint8Array): Uint8Array {
  const signer = new SigningGuard({ now: () => 0 });
  signer.setKey(1, key, false);
  const parts: Uint8Array[] = [];
  new Framer().push(unsigned, (f) => parts.push(signer.outgoing('link-1', f.raw.slice(), '', { target_system: 1 })));
  return Buffer.concat(parts);
}

function receive(chunks: Uint8Array[], guard: SigningGuard | null): number {
  const framer = new Framer();
  let n = 0;
  for (const c of chunks) {
    framer.push(c, (f) => {
      if (guard && !guard.accept(f, 'link-1')) return;
      if (decodeFrame(f)) n++;
    });
  }
  return n;
}

export async function benchSignedReceive(): Promise<BenchRow> {
  const key = keyFromPassphrase('bench key');
  const plain = telemetryMix(FRAMES);
  const plainChunks = chunked(plain);
  const signedChunks = chunked(signedCopy(plain, key));
  const freshGuard = () => {
    const g = new SigningGuard({ now: () => 0 });
    g.setKey(1, key, true);
    return g;
  };
  receive(plainChunks, null);
  receive(signedChunks, freshGuard()); // warm up
  let signedRate = 0;
  let plainRate = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    const a = receive(plainChunks, null);
    const t1 = performance.now();
    // A fresh guard per round: the same signed frames again would (rightly) be rejected as replays.
    const b = receive(signedChunks, freshGuard());
    const t2 = performance.now();
    if (a !== FRAMES || b !== FRAMES) throw new Error(`frame counts differ: unsigned ${a}, signed ${b}, expected ${FRAMES}`);
    plainRate = Math.max(plainRate, a / ((t1 - t0) / 1000));
    signedRate = Math.max(signedRate, b / ((t2 - t1) / 1000));
  }
  return {
    name: 'Signed MAVLink receive (frame + verify + decode)',
    value: signedRate,
    unit: 'msg/s',
    baselineName: 'same frames unsigned, no guard',
    baseline: plainRate,
    // A busy radio link carries ~1,000 msg/s; 100 vehicles' worth must still leave room.
    target: '>= 100,000 msg/s',
    pass: signedRate >= 100_000,
  };
}

export const securityBenches: Array<() => Promise<BenchRow>> = [benchSignedReceive];
