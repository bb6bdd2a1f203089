// Wall-clock time of day as a crew's log writes it (HH:MM:SS, local time).
export function clockText(tMs: number): string {
  const d = new Date(tMs);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
