// Types the shapes part of the Plan view passes between its files.
import type { LatLon } from '../../../../shared/plan/types';
export type { PlanShape } from '../../../../shared/planning';

/** A pattern's flown path, as points (what the preview draws). */
export type PlanPattern = LatLon[];
