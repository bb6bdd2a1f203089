// A TCP client for an SBS-1 feed (dump1090 --net on 30003, or our simulated helicopter). A receiver
// on a mast drops off and comes back; the feed keeps retrying with backoff and says why it is not
// connected, instead of failing once and leaving the commander without traffic.
import { connect, type Socket } from 'node:net';
import type { UserMessage } from '../../../shared/contract/types';
import { backoffMs } from '../links/link';
import { linkError } from '../links/errors';
import { LineSplitter, parseSbsLine, type TrafficUpdate } from './sbs';

export type FeedState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SbsFeedStats {
  lines: number;
  updates: number;
  /** Malformed or unusable lines, counted and skipped. */
  rejected: number;
  reconnects: number;
}

export interface SbsClientOptions {
  host: string;
  port: number;
  onUpdate(u: TrafficUpdate): void;
  onState?(state: FeedState, error: UserMessage | null): void;
}

const CONNECT_TIMEOUT_MS = 5000;
/** A live feed sends many lines a second; a silent socket this long is a dead one (half-open TCP). */
const IDLE_TIMEOUT_MS = 30_000;

export class SbsClient {
  private socket: Socket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private closed = false;
  state: FeedState = 'connecting';
  error: UserMessage | null = null;
  readonly stats: SbsFeedStats = { lines: 0, updates: 0, rejected: 0, reconnects: 0 };

  constructor(private readonly opts: SbsClientOptions) {}

  start(): void {
    this.connectOnce();
  }

  private setState(state: FeedState, error: UserMessage | null): void {
    this.state = state;
    this.error = error;
    this.opts.onState?.(state, error);
  }

  private connectOnce(): void {
    if (this.closed) return;
    const socket = connect({ host: this.opts.host, port: this.opts.port });
    this.socket = socket;
    socket.setTimeout(CONNECT_TIMEOUT_MS);
    const splitter = new LineSplitter();
    let wasOpen = false;
    socket.setEncoding('latin1');
    socket.once('connect', () => {
      wasOpen = true;
      if (this.attempt > 0) this.stats.reconnects++;
      this.attempt = 0;
      socket.setTimeout(IDLE_TIMEOUT_MS);
      this.setState('open', null);
    });
    socket.on('data', (chunk: string) => {
      for (const line of splitter.push(chunk)) {
        this.stats.lines++;
        const r = parseSbsLine(line);
        if (!r.ok) {
          this.stats.rejected++;
          continue;
        }
        this.stats.updates++;
        this.opts.onUpdate(r.update);
      }
    });
    socket.on('timeout', () => socket.destroy(new Error(wasOpen ? 'feed silent' : 'connect timed out')));
    let failure: unknown = null;
    socket.on('error', (err) => {
      failure = err;
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      if (this.closed) return;
      const where = `${this.opts.host}:${this.opts.port}`;
      const err = failure ? linkError(failure, where).userMessage : { en: `SBS feed ${where} closed the connection`, zh: `SBS 数据源 ${where} 关闭了连接` };
      this.setState('reconnecting', err);
      this.retry = setTimeout(() => {
        this.retry = null;
        this.connectOnce();
      }, backoffMs(this.attempt++));
    });
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.socket?.destroy();
    this.socket = null;
    this.setState('closed', null);
  }
}
