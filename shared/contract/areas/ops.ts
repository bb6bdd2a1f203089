// The ops area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import type { z } from 'zod';
import type { Role } from '../types';

export const opsCalls = {} as const satisfies Record<string, z.ZodType>;

export type OpsMethod = keyof typeof opsCalls;

export const opsPermissions: Record<OpsMethod, readonly Role[]> = {};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpsCallResults {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpsEvents {}
