// TCP client (`tcp:host:port`): SITL, MAVProxy outputs, WiFi telemetry bridges. A dropped connection
// is normal in the field (bridge rebooted, WiFi gap), so after the first successful connect the link
// reconnects by itself with backoff, showing 'reconnecting' and why.
import { connect, type Socket } from 'node:net';
import { connectionClosed, linkError } from './errors';
import { backoffMs, BaseLink } from './link';

const CONNECT_TIMEOUT_MS = 5000;

export class TcpClientLink extends BaseLink {
  readonly kind = 'tcp' as const;
  private socket: Socket | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  /** How many times a dropped connection came back, for tests and diagnostics. */
  reconnects = 0;

  constructor(
    id: string,
    spec: string,
    private readonly host: string,
    private readonly port: number,
  ) {
    super(id, spec);
  }

  private where(): string {
    return `${this.host}:${this.port}`;
  }

  /** The first connect must succeed: a wrong address should be said now, not retried forever. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connectOnce((err) => {
        if (err) {
          const e = linkError(err, this.where());
          this.setState('error', e);
          reject(e);
        } else resolve();
      });
    });
  }

  private connectOnce(done: (err: Error | null) => void): void {
    const socket = connect({ host: this.host, port: this.port });
    socket.setNoDelay(true);
    socket.setTimeout(CONNECT_TIMEOUT_MS);
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      done(err);
    };
    socket.once('connect', () => {
      socket.setTimeout(0);
      if (this.closed) {
        socket.destroy();
        return;
      }
      this.socket = socket;
      this.attempt = 0;
      this.setState('open');
      settle(null);
    });
    socket.on('timeout', () => socket.destroy(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' })));
    socket.on('data', (data) => this.emitData(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    let lastError: Error | null = null;
    socket.on('error', (err) => {
      lastError = err;
    });
    socket.on('close', () => {
      const wasOpen = this.socket === socket;
      if (wasOpen) this.socket = null;
      if (!settled) {
        settle(lastError ?? new Error('connection closed'));
        return;
      }
      if (wasOpen && !this.closed) this.scheduleReconnect(lastError ? linkError(lastError, this.where()) : connectionClosed(this.where()));
    });
  }

  private scheduleReconnect(reason: ReturnType<typeof linkError>): void {
    if (this.closed) return;
    this.setState('reconnecting', reason);
    const delay = backoffMs(this.attempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed) return;
      this.connectOnce((err) => {
        if (err) this.scheduleReconnect(linkError(err, this.where()));
        else this.reconnects++;
      });
    }, delay);
  }

  send(bytes: Uint8Array): void {
    const s = this.socket;
    // A stalled peer must not grow our memory: drop rather than queue megabytes of telemetry requests.
    if (s && !s.destroyed && s.writableLength < 1 << 20) s.write(bytes);
  }

  async close(): Promise<void> {
    this.setState('closed');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const s = this.socket;
    this.socket = null;
    s?.destroy();
  }
}
