// The security area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import type { z } from 'zod';
import type { Role } from '../types';

export const securityCalls = {} as const satisfies Record<string, z.ZodType>;

export type SecurityMethod = keyof typeof securityCalls;

export const securityPermissions: Record<SecurityMethod, readonly Role[]> = {};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SecurityCallResults {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SecurityEvents {}
