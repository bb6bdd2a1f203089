// Plan files for the CLI: read a QGC .plan or a WPL (.waypoints/.txt, also MAVProxy's older fence
// and rally text) by extension, else by what the text starts with; write .plan or .waypoints.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseQgcPlan, parseWplPlan, writeQgcPlan, writeWplFence, writeWplMission, writeWplRally, type Plan } from '../../../shared/plan';
import type { PlanPart } from '../../../shared/contract/types';
import { UsageError } from './options';

export const PLAN_FILE_MAX_BYTES = 64 * 1024 * 1024;

export interface PlanFile {
  plan: Plan;
  format: 'plan' | 'wpl';
  /** Which lists the file defines: a .plan all three, a WPL file one. */
  parts: PlanPart[];
  /** Items the plan model could not hold (counted so the CLI can say so). */
  skipped: number;
}

export type OutputFormat = 'plan' | 'wpl';

export function outputFormatOf(path: string): OutputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.plan') return 'plan';
  if (ext === '.waypoints' || ext === '.txt') return 'wpl';
  throw new UsageError(`--out "${path}": use a .plan or .waypoints (or .txt) file name`);
}

function formatOf(path: string, text: string): 'plan' | 'wpl' {
  const ext = extname(path).toLowerCase();
  if (ext === '.plan') return 'plan';
  if (ext === '.waypoints' || ext === '.txt') return 'wpl';
  return text.trimStart().startsWith('{') ? 'plan' : 'wpl';
}

/** Throws UsageError when the file cannot be read, or the plan readers' PlanFileError for bad content. */
export async function readPlanFile(path: string): Promise<PlanFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? String(err)})`);
  }
  if (bytes.length > PLAN_FILE_MAX_BYTES) throw new UsageError(`${path} is larger than ${PLAN_FILE_MAX_BYTES / 1024 / 1024} MB; not a plan file`);
  const text = bytes.toString('utf8');
  if (formatOf(path, text) === 'plan') return { plan: parseQgcPlan(text), format: 'plan', parts: ['mission', 'fence', 'rally'], skipped: 0 };
  const wpl = parseWplPlan(text);
  return { plan: wpl.plan, format: 'wpl', parts: [wpl.kind], skipped: wpl.skipped.length };
}

export function planText(plan: Plan, format: OutputFormat, part: PlanPart): string {
  if (format === 'plan') return writeQgcPlan(plan);
  if (part === 'fence') return writeWplFence(plan);
  if (part === 'rally') return writeWplRally(plan);
  return writeWplMission(plan);
}

export async function writePlanFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (err) {
    throw new UsageError(`cannot write ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** --type: one list, or all three. */
export function parseTypes(text: string | undefined, fallback: PlanPart[]): PlanPart[] {
  if (text === undefined) return fallback;
  if (text === 'all') return ['mission', 'fence', 'rally'];
  if (text === 'mission' || text === 'fence' || text === 'rally') return [text];
  throw new UsageError(`--type: "${text}" must be mission, fence, rally or all`);
}
