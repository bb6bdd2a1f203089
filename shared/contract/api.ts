// The one API between the UI and the station. Every call's params are checked against these
// schemas where they enter the station (shared/contract/dispatch.ts), whichever host carried them.
import { z } from 'zod';
import type { Plan } from '../plan/types';
import { planCalls, planPermissions, type PlanCallResults, type PlanEvents } from './areas/plan';
import { opsCalls, opsPermissions, type OpsCallResults, type OpsEvents } from './areas/ops';
import { replayCalls, replayPermissions, type ReplayCallResults, type ReplayEvents } from './areas/replay';
import { mapsCalls, mapsPermissions, type MapsCallResults, type MapsEvents } from './areas/maps';
import { securityCalls, securityPermissions, type SecurityCallResults, type SecurityEvents } from './areas/security';
import type {
  HelloInfo,
  LinkInfo,
  MissionProgressEvent,
  PlanUploadResult,
  Role,
  SerialPortInfo,
  SimulatorInfo,
  StatusTextEvent,
  VehicleCommandResult,
  VehicleSnapshot,
} from './types';

export const LINK_SPEC_MAX = 200;

// --- Plans and commands (issue 3). A Plan crosses as JSON, where NaN ("unused parameter") cannot
// travel: it is sent as null and read back as NaN here, which is what shared/plan means by it.
const numOrNaN = z.union([z.number(), z.null()]).transform((v) => (v === null ? Number.NaN : v));
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const latLon = z.object({ lat, lon });
/** MAVLink counts items in a uint16; a plan never needs more. */
export const PLAN_ITEMS_MAX = 65535;

export const missionItemSchema = z.object({
  seq: z.number().int().min(0).max(PLAN_ITEMS_MAX).optional(),
  frame: z.number().int().min(0).max(255),
  command: z.number().int().min(0).max(65535),
  current: z.number().int().min(0).max(255),
  autocontinue: z.number().int().min(0).max(255),
  param1: numOrNaN,
  param2: numOrNaN,
  param3: numOrNaN,
  param4: numOrNaN,
  x: numOrNaN,
  y: numOrNaN,
  z: numOrNaN,
  missionType: z.number().int().min(0).max(2).optional(),
});

export const planSchema = z.object({
  mission: z.object({
    items: z.array(missionItemSchema).max(PLAN_ITEMS_MAX),
    plannedHome: z.object({ lat, lon, altMslM: z.number() }).optional(),
    vehicleType: z.number().int().min(0).max(255).optional(),
    firmwareType: z.number().int().min(0).max(255).optional(),
    cruiseSpeedMps: z.number().min(0).optional(),
    hoverSpeedMps: z.number().min(0).optional(),
  }),
  fence: z.object({
    polygons: z.array(z.object({ inclusion: z.boolean(), vertices: z.array(latLon).min(3).max(PLAN_ITEMS_MAX) })).max(1000),
    circles: z.array(z.object({ inclusion: z.boolean(), center: latLon, radiusM: z.number().positive() })).max(1000),
    returnPoint: z.object({ lat, lon, altM: z.number() }).optional(),
  }),
  rally: z.object({ points: z.array(z.object({ lat, lon, altM: z.number() })).max(PLAN_ITEMS_MAX) }),
  complexItems: z
    .array(z.object({ index: z.number().int().min(0), itemCount: z.number().int().min(0), complexItemType: z.string().max(64), json: z.record(z.string(), z.unknown()) }))
    .max(1000)
    .optional(),
});

const planParts = z.array(z.enum(['mission', 'fence', 'rally'])).min(1).max(3);
const vehicleKey = z.string().regex(/^\d{1,3}:\d{1,3}$/);
const altM = z.number().min(-1000).max(10_000);

/** One schema per command action: what each needs, and nothing else. */
export const commandSchema = z.discriminatedUnion('action', [
  z.object({ key: vehicleKey, action: z.literal('arm') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('disarm') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('forceDisarm') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('takeoff'), altM: z.number().positive().max(10_000) }).strict(),
  z.object({ key: vehicleKey, action: z.literal('setMode'), mode: z.string().min(1).max(32) }).strict(),
  z.object({ key: vehicleKey, action: z.literal('missionStart'), firstItem: z.number().int().min(0).max(65535).optional(), lastItem: z.number().int().min(0).max(65535).optional() }).strict(),
  z.object({ key: vehicleKey, action: z.literal('pause') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('continue') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('rtl') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('land') }).strict(),
  z.object({ key: vehicleKey, action: z.literal('goto'), lat, lon, altM }).strict(),
  z.object({ key: vehicleKey, action: z.literal('setRoi'), lat, lon, altM }).strict(),
  z.object({ key: vehicleKey, action: z.literal('changeSpeed'), speedMps: z.number().positive().max(100), speedType: z.enum(['ground', 'air']).optional() }).strict(),
]);

export const callSchemas = {
  hello: z.object({}).strict(),
  listLinks: z.object({}).strict(),
  openLink: z.object({ spec: z.string().min(1).max(LINK_SPEC_MAX) }).strict(),
  closeLink: z.object({ id: z.string().min(1).max(64) }).strict(),
  listSerialPorts: z.object({}).strict(),
  getVehicles: z.object({}).strict(),
  getSimulator: z.object({}).strict(),
  startSimulator: z
    .object({
      vehicles: z.number().int().min(1).max(20).default(1),
      /** Also a simulated police helicopter (ADS-B on the drones' link), as `gcs sim --helicopter`. */
      helicopter: z.boolean().optional(),
    })
    .strict(),
  stopSimulator: z.object({}).strict(),
  uploadPlan: z.object({ key: vehicleKey, plan: planSchema, types: planParts, verify: z.boolean().default(true) }).strict(),
  downloadPlan: z.object({ key: vehicleKey, types: planParts }).strict(),
  clearPlan: z.object({ key: vehicleKey, types: planParts }).strict(),
  command: commandSchema,
  ...planCalls,
  ...opsCalls,
  ...replayCalls,
  ...mapsCalls,
  ...securityCalls,
} as const;

export type Method = keyof typeof callSchemas;
export type CallParams<M extends Method> = z.input<(typeof callSchemas)[M]>;
export type CheckedParams<M extends Method> = z.output<(typeof callSchemas)[M]>;

export interface CallResults extends PlanCallResults, OpsCallResults, ReplayCallResults, MapsCallResults, SecurityCallResults {
  hello: HelloInfo;
  listLinks: LinkInfo[];
  openLink: LinkInfo;
  closeLink: null;
  listSerialPorts: SerialPortInfo[];
  getVehicles: VehicleSnapshot[];
  getSimulator: SimulatorInfo;
  startSimulator: SimulatorInfo;
  stopSimulator: SimulatorInfo;
  uploadPlan: PlanUploadResult;
  downloadPlan: Plan;
  clearPlan: null;
  command: VehicleCommandResult;
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
  uploadPlan: ['pilot'],
  downloadPlan: ['pilot'],
  clearPlan: ['pilot'],
  command: ['pilot'],
  ...planPermissions,
  ...opsPermissions,
  ...replayPermissions,
  ...mapsPermissions,
  ...securityPermissions,
};

export interface Events extends PlanEvents, OpsEvents, ReplayEvents, MapsEvents, SecurityEvents {
  /** Coalesced vehicle snapshots: latest wins, bounded rate. Only vehicles that changed. */
  vehicles: { vehicles: VehicleSnapshot[] };
  /** Full link list whenever a link's state or stats change (bounded rate). */
  links: { links: LinkInfo[] };
  statustext: StatusTextEvent;
  simulator: SimulatorInfo;
  /** Item progress of a running upload/download (a few per second per vehicle at most). */
  missionProgress: MissionProgressEvent;
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
