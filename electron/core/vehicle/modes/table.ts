/** A flight-mode table both ways: custom_mode number <-> name as the firmware's GCS tools show it. */
export interface ModeTable {
  name(customMode: number): string;
  /** undefined for a name this firmware does not have. */
  number(name: string): number | undefined;
  names(): string[];
}

export function tableFrom(modes: Readonly<Record<string, number>>): ModeTable {
  const byNumber = new Map<number, string>();
  for (const [name, n] of Object.entries(modes)) if (!byNumber.has(n)) byNumber.set(n, name);
  return {
    name: (n) => byNumber.get(n) ?? unknownMode(n),
    number: (name) => (Object.prototype.hasOwnProperty.call(modes, name.toUpperCase()) ? modes[name.toUpperCase()] : undefined),
    names: () => Object.keys(modes),
  };
}

/** A mode we have no name for is still shown, with its number, rather than hidden. */
export function unknownMode(n: number): string {
  return `Mode(${n})`;
}
