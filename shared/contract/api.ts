// The one API between the UI and the station. Every call's params are checked against these
// schemas where they enter the station (shared/contract/dispatch.ts), whichever host carried them.
import { z } from 'zod';
import type {
  HelloInfo,
  LinkInfo,
  Role,
  SerialPortInfo,
  SimulatorInfo,
  StatusTextEvent,
  VehicleSnapshot,
} from './types';

export const LINK_SPEC_MAX = 200;

export const callSchemas = {
  hello: z.object({}).strict(),
  listLinks: z.object({}).strict(),
  openLink: z.object({ spec: z.string().min(1).max(LINK_SPEC_MAX) }).strict(),
  closeLink: z.object({ id: z.string().min(1).max(64) }).strict(),
  listSerialPorts: z.object({}).strict(),
  getVehicles: z.object({}).strict(),
  getSimulator: z.object({}).strict(),
  startSimulator: z.object({ vehicles: z.number().int().min(1).max(20).default(1) }).strict(),
  stopSimulator: z.object({}).strict(),
} as const;

export type Method = keyof typeof callSchemas;
export type CallParams<M extends Method> = z.input<(typeof callSchemas)[M]>;
export type CheckedParams<M extends Method> = z.output<(typeof callSchemas)[M]>;

export interface CallResults {
  hello: HelloInfo;
  listLinks: LinkInfo[];
  openLink: LinkInfo;
  closeLink: null;
  listSerialPorts: SerialPortInfo[];
  getVehicles: VehicleSnapshot[];
  getSimulator: SimulatorInfo;
  startSimulator: SimulatorInfo;
  stopSimulator: SimulatorInfo;
}

/** What the station implements; hosts and tests call it through dispatch, never directly from a UI. */
export type StationApi = {
  [M in Method]: (params: CheckedParams<M>, caller: Caller) => Promise<CallResults[M]> | CallResults[M];
};

export interface Caller {
  role: Role;
  /** Who, for the audit log: a name given at connection, or the host's description. */
  name: string;
}

/**
 * Who may call what. Enforced in the station's dispatcher, not only hidden in the UI: a commander's
 * browser can watch and (later) write notes but cannot open links or command a vehicle.
 */
export const permissions: Record<Method, readonly Role[]> = {
  hello: ['pilot', 'commander', 'trainer', 'observer'],
  listLinks: ['pilot', 'commander', 'trainer', 'observer'],
  openLink: ['pilot'],
  closeLink: ['pilot'],
  listSerialPorts: ['pilot'],
  getVehicles: ['pilot', 'commander', 'trainer', 'observer'],
  getSimulator: ['pilot', 'commander', 'trainer', 'observer'],
  startSimulator: ['pilot'],
  stopSimulator: ['pilot'],
};

export interface Events {
  /** Coalesced vehicle snapshots: latest wins, bounded rate. Only vehicles that changed. */
  vehicles: { vehicles: VehicleSnapshot[] };
  /** Full link list whenever a link's state or stats change (bounded rate). */
  links: { links: LinkInfo[] };
  statustext: StatusTextEvent;
  simulator: SimulatorInfo;
}
export type EventName = keyof Events;

// Wire envelope shared by the WebSocket and the Electron MessagePort transports.
export const envelopeSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int().nonnegative(), method: z.string().max(64), params: z.unknown() }),
  z.object({
    t: z.literal('result'),
    id: z.number().int().nonnegative(),
    ok: z.boolean(),
    value: z.unknown().optional(),
    error: z.object({ code: z.string(), message: z.object({ en: z.string(), zh: z.string() }) }).optional(),
  }),
  z.object({ t: z.literal('event'), name: z.string().max(64), payload: z.unknown() }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

/** Largest message either side accepts; anything bigger is refused before parsing. */
export const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** The station as both hosts see it: the calls, plus one stream of events for every connection. */
export interface Station extends StationApi {
  subscribe(listener: EventListener): () => void;
}
