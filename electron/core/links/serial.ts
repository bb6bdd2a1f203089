// Serial links (`serial:/dev/ttyUSB0:57600`): telemetry radios and USB autopilots. A USB cable that is
// pulled and plugged back is normal, so after the first open the link keeps trying to reopen the
// device, showing 'reconnecting' and why.
import { SerialPort } from 'serialport';
import type { SerialPortInfo } from '../../../shared/contract/types';
import { connectionClosed, linkError } from './errors';
import { BaseLink } from './link';

const REOPEN_INTERVAL_MS = 1000;

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => {
    const info: SerialPortInfo = { path: p.path };
    if (p.manufacturer) info.manufacturer = p.manufacturer;
    if (p.serialNumber) info.serialNumber = p.serialNumber;
    if (p.vendorId) info.vendorId = p.vendorId;
    if (p.productId) info.productId = p.productId;
    return info;
  });
}

export class SerialLink extends BaseLink {
  readonly kind = 'serial' as const;
  private port: SerialPort | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  reconnects = 0;

  constructor(
    id: string,
    spec: string,
    private readonly path: string,
    private readonly baud: number,
  ) {
    super(id, spec);
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.openOnce((err) => {
        if (err) {
          const e = linkError(err, this.path);
          this.setState('error', e);
          reject(e);
        } else resolve();
      });
    });
  }

  private openOnce(done: (err: Error | null) => void): void {
    const port = new SerialPort({ path: this.path, baudRate: this.baud, autoOpen: false });
    port.open((err) => {
      if (err) {
        done(err);
        return;
      }
      if (this.closed) {
        port.close(() => undefined);
        return;
      }
      this.port = port;
      port.on('data', (data: Buffer) => this.emitData(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      let lastError: Error | null = null;
      port.on('error', (e: Error) => {
        lastError = e;
      });
      port.on('close', () => {
        if (this.port !== port) return;
        this.port = null;
        if (!this.closed) this.scheduleReopen(lastError ? linkError(lastError, this.path) : connectionClosed(this.path));
      });
      this.setState('open');
      done(null);
    });
  }

  private scheduleReopen(reason: ReturnType<typeof linkError>): void {
    if (this.closed) return;
    this.setState('reconnecting', reason);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed) return;
      this.openOnce((err) => {
        if (err) this.scheduleReopen(linkError(err, this.path));
        else this.reconnects++;
      });
    }, REOPEN_INTERVAL_MS);
  }

  send(bytes: Uint8Array): void {
    const p = this.port;
    if (p && p.isOpen && p.writableLength < 1 << 16) p.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  async close(): Promise<void> {
    this.setState('closed');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
  }
}
