// What the UI asks of the station. Every call answers with a value: ok, or an error a person can read.
import type { CallParams, CallResults, Method } from '../../shared/contract/api';
import { toErrorValue } from '../../shared/contract/errors';
import type { ContractErrorValue, LinkInfo, SerialPortInfo, SimulatorInfo } from '../../shared/contract/types';
import { bothLanguages } from '../i18n/translate';
import { useConnectionStore } from './connection';
import { useLinksStore } from './links';
import { useSecurityStore } from './security';
import { useSimulatorStore } from './simulator';

/** Exported for the areas' own action files (renderer/stores/*-actions.ts). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ContractErrorValue };

export async function call<M extends Method>(method: M, params?: CallParams<M>): Promise<Outcome<CallResults[M]>> {
  const client = useConnectionStore.getState().client;
  if (!client) return { ok: false, error: { code: 'disconnected', message: bothLanguages('conn.notConnected') } };
  try {
    return { ok: true, value: await client.call(method, params) };
  } catch (err) {
    return { ok: false, error: toErrorValue(err) };
  }
}

/** Security area calls (signing): each answer also updates the security store. */
export async function signingCall<M extends 'setSigningKey' | 'clearSigningKey' | 'setRequireSigned' | 'sendSigningSetup'>(
  method: M,
  params: CallParams<M>,
): Promise<Outcome<CallResults[M]>> {
  const out = await call(method, params);
  if (out.ok) useSecurityStore.getState().signingChanged(out.value);
  return out;
}

export async function openLink(spec: string): Promise<Outcome<LinkInfo>> {
  const out = await call('openLink', { spec });
  if (out.ok) useLinksStore.getState().upserted(out.value);
  return out;
}

export async function closeLink(id: string): Promise<Outcome<null>> {
  const out = await call('closeLink', { id });
  if (out.ok) useLinksStore.getState().removed(id);
  return out;
}

export function listSerialPorts(): Promise<Outcome<SerialPortInfo[]>> {
  return call('listSerialPorts');
}

export async function startSimulator(vehicles: number, helicopter = false): Promise<Outcome<SimulatorInfo>> {
  const out = await call('startSimulator', { vehicles, helicopter });
  if (out.ok) useSimulatorStore.getState().received(out.value);
  return out;
}

export async function stopSimulator(): Promise<Outcome<SimulatorInfo>> {
  const out = await call('stopSimulator');
  if (out.ok) useSimulatorStore.getState().received(out.value);
  return out;
}
