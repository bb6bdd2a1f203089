/** A group of `gcs` commands: usage text (lines to add to `gcs help`) and a loader per command name. */
export interface CliArea {
  usage: string;
  commands: Record<string, (argv: string[]) => Promise<number>>;
}
