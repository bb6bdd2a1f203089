// Who may talk to the server host, and as what. Pure functions plus one small rate limiter, so every
// rule here is tested without sockets.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { networkInterfaces, hostname } from 'node:os';
import type { Role } from '../../shared/contract/types';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal, so length leaks nothing either. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 256) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** One cookie name per port, so two servers on one machine (cookies ignore ports) never clash. */
export function cookieName(port: number): string {
  return `gcs_token_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export type RoleDecision = { ok: true; role: Role } | { ok: false; reason: string };

const LESSER_ROLES: readonly Role[] = ['commander', 'trainer', 'observer'];

/**
 * Pilot only for a peer on this machine: flying needs the seat at the laptop. A loopback peer may
 * ask for a lesser role (the commander's view on the pilot's laptop, tests). A peer from the network
 * is an observer until per-role tokens exist; asking for more does not raise it.
 */
export function decideRole(remoteAddress: string | undefined, requested: string | null): RoleDecision {
  if (requested !== null && requested !== 'pilot' && !LESSER_ROLES.includes(requested as Role)) {
    return { ok: false, reason: `unknown role "${requested.slice(0, 32)}"` };
  }
  if (!isLoopback(remoteAddress)) return { ok: true, role: 'observer' };
  return { ok: true, role: (requested as Role | null) ?? 'pilot' };
}

/** host:port strings a browser may legitimately use to reach us (Host header, Origin). */
export function allowedHosts(bindHost: string, port: number, allowLan: boolean): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]']);
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::';
  if (!wildcard) names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  if (allowLan) {
    names.add(hostname());
    names.add(`${hostname()}.local`);
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(info.family === 'IPv6' ? `[${info.address.split('%')[0]}]` : info.address);
    }
  }
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`));
}

/**
 * The Host header must name us: a page on another site that rebinds its DNS name to 127.0.0.1
 * would otherwise be "same origin" with us in the browser's eyes.
 */
export function hostAllowed(hostHeader: string | undefined, allowed: Set<string>): boolean {
  return typeof hostHeader === 'string' && allowed.has(hostHeader.toLowerCase());
}

/** No Origin = not a browser (CLI tools, tests): the token alone decides. A browser must be us. */
export function originAllowed(origin: string | undefined, allowed: Set<string>): boolean {
  if (origin === undefined) return true;
  const m = /^http:\/\/([^/]+)$/i.exec(origin);
  return m !== null && allowed.has(m[1].toLowerCase());
}

/**
 * Refuses an address for a while after too many wrong tokens, so a token cannot be guessed by
 * brute force even by a peer on the LAN. Counts distinct wrong tokens only: a browser that still
 * holds the cookie of the previous run sends the same stale token with every asset, and must not
 * lock its person out; a guesser sends a new one every time. Missing tokens are not counted either:
 * a browser opened on the bare address is a person who lost the link, not an attacker.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, Array<{ t: number; key: string }>>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
    private readonly blockMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(address: string): boolean {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.blockedUntil.delete(address);
    return false;
  }

  /** Returns true when this failure blocks the address. */
  recordFailure(address: string, wrongToken: string): boolean {
    const t = this.now();
    const key = createHash('sha256').update(wrongToken).digest('base64url');
    const recent = (this.failures.get(address) ?? []).filter((x) => t - x.t < this.windowMs);
    if (!recent.some((x) => x.key === key)) recent.push({ t, key });
    if (recent.length >= this.maxFailures) {
      this.failures.delete(address);
      this.blockedUntil.set(address, t + this.blockMs);
      return true;
    }
    this.failures.set(address, recent);
    // Bound memory under a spray of addresses: forget the oldest entries.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
    return false;
  }
}
