// One simulated vehicle on the wire: the model, its own Encoder (its own sequence numbers), its
// telemetry streams, the message/command tables and the vehicle side of the mission protocol. Pure
// like the model: bytes go out through an injected `send`, time comes in through step(dtS). The one
// exception is the mission protocol's give-up deadline (8 s without a wanted item): it belongs to the
// GCS's patience, which is counted in real seconds, so the process passes the wall clock for it (a
// sped-up simulation must not abandon a GCS that is only slow in real seconds). Re-requests follow
// simulated time like everything else the vehicle does. Tests leave linkClock out: all simulated.
import { common } from 'mavlink-mappings';
import { Encoder, type Fields, type Message } from '../mavlink';
import { ardupilotDialect } from '../mavlink';
import type { GeoPoint } from './geo';
import { FakeClock } from '../protocol/fake-clock';
import type { Clock, ProtocolPort } from '../protocol/port';
import { MESSAGE_HANDLERS } from './message-handlers';
import { VehicleMissionProtocol } from './mission/vehicle-mission-protocol';
import type { VehicleMissionStoreOptions } from './mission/vehicle-mission-store';
import type { SimParams } from './params';
import { StreamScheduler } from './streams';
import { TELEMETRY, type TelemetrySource } from './telemetry';
import { SimVehicle } from './vehicle';
import { SimTerrainClient } from './terrain-client';

const { MavSeverity } = common;

export const MAV_COMP_ID_AUTOPILOT1 = 1;

export interface SimEndpointOptions {
  sysid: number;
  compid?: number;
  start: GeoPoint;
  params?: Partial<SimParams>;
  /** Rate of every data stream until a GCS asks otherwise (see streams.ts). */
  streamDefaultHz: number;
  send(bytes: Uint8Array): void;
  unixTimeMs?: () => number;
  /** Items per list (mission 0, fence 1, rally 2); more is refused with MAV_MISSION_NO_SPACE. */
  missionCapacity?: VehicleMissionStoreOptions['capacity'];
  /** Clock of the mission protocol's upload give-up deadline; default: simulated time (see the header). */
  linkClock?: Clock;
  /** Ask for terrain like ArduPilot at this grid spacing (see terrain-client.ts); absent: never. */
  terrainSpacingM?: number;
}

export class SimEndpoint {
  /** Changes only through changeSysid (a fault the simulator can play: SYSID_THISMAV set and rebooted). */
  sysid: number;
  readonly compid: number;
  readonly vehicle: SimVehicle;
  readonly streams: StreamScheduler;
  readonly missionProtocol: VehicleMissionProtocol;
  readonly terrain: SimTerrainClient | null;
  private readonly encoder: Encoder;
  /** The mission protocol's timers on simulated time (advanced by step). */
  private readonly simClock = new FakeClock();
  private readonly missionListeners = new Set<(m: Message) => void>();
  private readonly source: TelemetrySource;
  private readonly output: (bytes: Uint8Array) => void;
  private booted = false;
  /** Messages to send after the reply currently being built (e.g. REQUEST_MESSAGE: ACK first). */
  private afterReply: Array<() => void> = [];
  private replying = 0;

  constructor(opts: SimEndpointOptions) {
    this.sysid = opts.sysid;
    this.compid = opts.compid ?? MAV_COMP_ID_AUTOPILOT1;
    this.output = opts.send;
    this.encoder = new Encoder({ sysid: this.sysid, compid: this.compid }, ardupilotDialect());
    this.vehicle = new SimVehicle({
      start: opts.start,
      params: opts.params,
      seed: opts.sysid,
      events: {
        text: (severity, text) => this.sendText(severity, text),
        homeChanged: () => this.afterAck(() => this.sendTelemetry('HOME_POSITION')),
        missionCurrentChanged: () => this.afterAck(() => this.sendTelemetry('MISSION_CURRENT')),
        missionItemReached: (seq) => this.send('MISSION_ITEM_REACHED', { seq }),
      },
      missionCapacity: opts.missionCapacity,
    });
    this.streams = new StreamScheduler(opts.streamDefaultHz);
    this.terrain = opts.terrainSpacingM
      ? new SimTerrainClient(opts.terrainSpacingM, { send: (name, fields) => this.send(name, fields), text: (sev, text) => this.sendText(sev, text) })
      : null;
    this.source = { vehicle: this.vehicle, sysid: this.sysid, origin: { ...opts.start }, unixTimeMs: opts.unixTimeMs ?? Date.now };
    const port: ProtocolPort = {
      send: (name, fields) => this.send(name, fields),
      onMessage: (handler) => {
        this.missionListeners.add(handler);
        return () => this.missionListeners.delete(handler);
      },
    };
    // DO_SET_MISSION_CURRENT and MISSION_SET_CURRENT are answered by commands.ts / message-handlers.ts,
    // which also move the AUTO executor; the protocol object only transfers lists.
    this.missionProtocol = new VehicleMissionProtocol(port, this.simClock, this.vehicle.missions, {
      setCurrentCommand: 'ignore',
      abandonClock: opts.linkClock ?? this.simClock,
    });
  }

  /** A mission-protocol message (MISSION_COUNT, _ITEM(_INT), _REQUEST(_INT/_LIST), _ACK, _CLEAR_ALL). */
  missionMessage(msg: Message): void {
    for (const listener of [...this.missionListeners]) listener(msg);
  }

  /**
   * A power cycle mid-flight, as a brown-out does it: uptime from zero, disarmed, STABILIZE, position
   * and stored mission kept (ArduPilot keeps its mission in storage), the boot banner again.
   */
  reboot(): void {
    const s = this.vehicle.state;
    s.timeBootMs = 0;
    s.armed = false;
    s.mode = 0; // STABILIZE
    s.flightTimeS = 0;
    this.streams.restartClock();
    this.booted = false;
  }

  /** The vehicle comes back under another system id (someone changed SYSID_THISMAV). */
  changeSysid(sysid: number): void {
    this.sysid = sysid;
    this.encoder.sysid = sysid;
    this.source.sysid = sysid;
    this.reboot();
  }

  /** Stop the mission protocol's timers (the process is closing). */
  close(): void {
    this.missionProtocol.dispose();
  }

  get timeBootMs(): number {
    return this.vehicle.state.timeBootMs;
  }

  step(dtS: number): void {
    if (!this.booted) {
      this.booted = true;
      // ArduPilot's boot banner; nobody may be listening yet, exactly as on a real vehicle.
      this.sendText(MavSeverity.INFO, 'ArduCopter V4.5.7 (gcs-sim)');
      this.sendText(MavSeverity.INFO, 'Frame: QUAD/X');
    }
    this.vehicle.step(dtS);
    this.simClock.advance(dtS * 1000);
    for (const name of this.streams.due(this.timeBootMs)) this.sendTelemetry(name);
    this.terrain?.step(this.timeBootMs, this.vehicle.state.position, this.vehicle.state.position.altMslM);
  }

  /** A decoded message from any link. Messages addressed to another system or component are ignored. */
  receive(msg: Message): void {
    if (!this.isForUs(msg.fields)) return;
    const handler = MESSAGE_HANDLERS[msg.name];
    if (!handler) return;
    this.replying++;
    try {
      handler(this, msg);
    } finally {
      this.replying--;
    }
    if (this.replying === 0) {
      const queued = this.afterReply;
      this.afterReply = [];
      for (const fn of queued) fn();
    }
  }

  /** Run fn once the current reply (the COMMAND_ACK) has gone out. */
  afterAck(fn: () => void): void {
    if (this.replying > 0) this.afterReply.push(fn);
    else fn();
  }

  send(name: string, fields: Partial<Fields>): void {
    this.output(this.encoder.encode(name, fields));
  }

  /** Send a telemetry message now; false when we cannot build it (or it has nothing to say). */
  sendTelemetry(name: string): boolean {
    const build = TELEMETRY[name];
    const fields = build?.(this.source);
    if (!fields) return false;
    this.send(name, fields);
    return true;
  }

  sendText(severity: number, text: string): void {
    // STATUSTEXT carries 50 characters; ArduPilot truncates rather than chunking for its own texts.
    this.send('STATUSTEXT', { severity, text: text.slice(0, 50), id: 0, chunk_seq: 0 });
  }

  ack(command: number, result: number, to: { sysid: number; compid: number }): void {
    this.send('COMMAND_ACK', { command, result, progress: 0, result_param2: 0, target_system: to.sysid, target_component: to.compid });
  }

  private isForUs(fields: Fields): boolean {
    const ts = fields.target_system;
    const tc = fields.target_component;
    if (typeof ts === 'number' && ts !== 0 && ts !== this.sysid) return false;
    if (typeof tc === 'number' && tc !== 0 && tc !== this.compid) return false;
    return true;
  }
}
