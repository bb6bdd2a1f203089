import { ContractError } from '../contract/errors';
import type { UserMessage } from '../contract/types';

/** Stable codes for everything a plan file reader can reject; the UI maps them to help, tests assert them. */
export type PlanFileErrorCode =
  | 'plan_not_json'
  | 'plan_wrong_file_type'
  | 'plan_unsupported_version'
  | 'plan_missing_section'
  | 'plan_bad_value'
  | 'plan_complex_item_unsupported'
  | 'wpl_bad_header'
  | 'wpl_bad_line'
  | 'wpl_wrong_kind'
  | 'wire_bad_fence'
  | 'kml_bad_xml'
  | 'kml_bad_coordinates'
  | 'kmz_bad_zip'
  | 'kmz_no_kml'
  | 'kmz_too_big'
  | 'geojson_bad';

/**
 * The only error the plan readers throw. Extends ContractError so the station can hand it to the UI
 * unchanged ({ code, message: { en, zh } }); `line` is set when a text format can point at a line.
 */
export class PlanFileError extends ContractError {
  override readonly code: PlanFileErrorCode;
  readonly line: number | undefined;
  constructor(code: PlanFileErrorCode, message: UserMessage, line?: number) {
    super(code, message);
    this.name = 'PlanFileError';
    this.code = code;
    this.line = line;
  }
}

export function planError(code: PlanFileErrorCode, en: string, zh: string, line?: number): PlanFileError {
  return new PlanFileError(code, { en, zh }, line);
}
