// The plan area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import type { z } from 'zod';
import type { Role } from '../types';

export const planCalls = {} as const satisfies Record<string, z.ZodType>;

export type PlanMethod = keyof typeof planCalls;

export const planPermissions: Record<PlanMethod, readonly Role[]> = {};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanCallResults {}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanEvents {}
