// The security area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { LinkInfo, Role, UserMessage, VehicleSigningState } from '../types';

export const AUDIT_KINDS = ['upload', 'download', 'clear', 'command', 'refusal'] as const;
export const AUDIT_LIMIT_MAX = 5000;

const sysid = z.number().int().min(1).max(255);
const linkId = z.string().min(1).max(64);
/** Long enough to be worth hashing, short enough that nobody pastes a file into it. */
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 256;

export const securityCalls = {
  /** Signing configuration and state of every aircraft with a key or heard signing. Never the key. */
  getSigning: z.object({}).strict(),
  /** A new key for an aircraft: SHA-256 of a passphrase, or 32 random bytes. Replaces any old key. */
  setSigningKey: z
    .discriminatedUnion('source', [
      z.object({ sysid, source: z.literal('passphrase'), passphrase: z.string().min(PASSPHRASE_MIN).max(PASSPHRASE_MAX) }).strict(),
      z.object({ sysid, source: z.literal('random') }).strict(),
    ]),
  clearSigningKey: z.object({ sysid }).strict(),
  /** Drop every unsigned frame from this aircraft (its key must be set). */
  setRequireSigned: z.object({ sysid, require: z.boolean() }).strict(),
  /** Send SETUP_SIGNING with the aircraft's key over the link the pilot chose (a cable, not the radio). */
  sendSigningSetup: z.object({ sysid, linkId }).strict(),
  /** Recent vehicle faults (link lost mid-upload, reboot, new system id), most recent first. */
  listVehicleFaults: z.object({}).strict(),
  /** What the station reopened at its last start (the pilot's links from before a restart or crash). */
  getLinkRestore: z.object({}).strict(),
  /** The audit log, newest first: operations on vehicles and refusals, within a time window and/or for one vehicle. */
  listAudit: z
    .object({
      fromMs: z.number().int().min(0).optional(),
      toMs: z.number().int().min(0).optional(),
      vehicleKey: z.string().regex(/^\d{1,3}:\d{1,3}$/).optional(),
      kinds: z.array(z.enum(AUDIT_KINDS)).max(AUDIT_KINDS.length).optional(),
      limit: z.number().int().min(1).max(AUDIT_LIMIT_MAX).optional(),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type SecurityMethod = keyof typeof securityCalls;

const everyone: readonly Role[] = ['pilot', 'commander', 'trainer', 'observer'];
export const securityPermissions: Record<SecurityMethod, readonly Role[]> = {
  getSigning: everyone,
  setSigningKey: ['pilot'],
  clearSigningKey: ['pilot'],
  setRequireSigned: ['pilot'],
  sendSigningSetup: ['pilot'],
  listAudit: ['pilot', 'commander', 'trainer'],
  getLinkRestore: everyone,
  listVehicleFaults: everyone,
};

export interface VehicleFault {
  id: number;
  /** signature_rejected: frames claiming to be a keyed aircraft failed verification (wrong key, replay, forgery). */
  kind: 'link_lost_during_upload' | 'rebooted' | 'sysid_changed' | 'signature_rejected';
  /** The vehicle now (for sysid_changed: under its new id). */
  key: string;
  /** sysid_changed: the key it had before. */
  previousKey: string | null;
  atMs: number;
  /** What happened. */
  message: UserMessage;
  /** What state the vehicle is in now, and what the pilot should do. */
  state: UserMessage;
}

export interface LinkRestoreReport {
  restored: LinkInfo[];
  /** Links that were open before but could not be reopened (device gone, port taken), with why. */
  failed: Array<{ spec: string; error: UserMessage }>;
  /** When the restore ran; null when there was nothing to restore. */
  atMs: number | null;
}

export type AuditKind = (typeof AUDIT_KINDS)[number];
export interface AuditQuery {
  fromMs?: number;
  toMs?: number;
  vehicleKey?: string;
  kinds?: AuditKind[];
  limit?: number;
}

export interface AuditEntry {
  id: number;
  kind: AuditKind;
  /** `${sysid}:${compid}`; null for a refusal. */
  vehicleKey: string | null;
  role: string | null;
  /** Who: the caller's name (role@address on the server host); for a refusal, the peer. */
  name: string | null;
  startedMs: number;
  endedMs: number;
  /** ok: done; failed: the vehicle said no or never answered; error: it could not be done; refused: a host turned it away. */
  outcome: 'ok' | 'failed' | 'error' | 'refused';
  /** Result or error code; for a refusal, the channel (http, websocket, call). */
  code: string | null;
  /** One line in English: what was asked and what came of it. */
  summary: string;
}

export interface SigningCounts {
  /** Frames whose signature verified. */
  signedOk: number;
  unsigned: number;
  badSignature: number;
  /** Good signature but a timestamp the spec rejects (a replayed or stale frame). */
  replayed: number;
  /** Frames not passed on (bad signature, replay, or unsigned while signing is required). */
  dropped: number;
}

export interface AircraftSigning {
  sysid: number;
  hasKey: boolean;
  /** Where the key is kept encrypted: Electron safeStorage or the server host's key file. */
  keyStore: 'safeStorage' | 'keyFile' | null;
  keySource: 'passphrase' | 'random' | null;
  /** First 4 bytes of SHA-256(key), hex: lets two people compare keys without revealing them. */
  fingerprint: string | null;
  requireSigned: boolean;
  state: VehicleSigningState;
  counts: SigningCounts;
  /** Unix ms of the last SETUP_SIGNING sent, or null. */
  setupSentMs: number | null;
}

export interface SecurityCallResults {
  getSigning: AircraftSigning[];
  setSigningKey: AircraftSigning;
  clearSigningKey: AircraftSigning;
  setRequireSigned: AircraftSigning;
  sendSigningSetup: AircraftSigning;
  listAudit: AuditEntry[];
  getLinkRestore: LinkRestoreReport;
  listVehicleFaults: VehicleFault[];
}

export interface SecurityEvents {
  /** Whenever an aircraft's signing configuration or state changes (bounded rate). */
  signing: { aircraft: AircraftSigning[] };
  /** After the start-up restore of the pilot's links, when there was anything to restore. */
  linksRestored: LinkRestoreReport;
  /** A vehicle fault the pilot must see now (shown as a banner until dismissed). */
  vehicleFault: VehicleFault;
}
