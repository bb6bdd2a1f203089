// PX4 flight modes. PX4 packs its mode into HEARTBEAT.custom_mode as a union
// { uint16 reserved; uint8 main_mode; uint8 sub_mode } (px4_custom_mode.h), so on the wire
// main = (custom_mode >> 16) & 0xff and sub = (custom_mode >> 24) & 0xff.
import { unknownMode, type ModeTable } from './table';

export const PX4_MAIN = { MANUAL: 1, ALTCTL: 2, POSCTL: 3, AUTO: 4, ACRO: 5, OFFBOARD: 6, STABILIZED: 7, RATTITUDE: 8 } as const;
export const PX4_AUTO_SUB = {
  READY: 1,
  TAKEOFF: 2,
  LOITER: 3,
  MISSION: 4,
  RTL: 5,
  LAND: 6,
  RTGS: 7,
  FOLLOW_TARGET: 8,
  PRECLAND: 9,
  VTOL_TAKEOFF: 10,
} as const;
const PX4_POSCTL_SUB = { ORBIT: 1, SLOW: 2 } as const;

export function px4Encode(main: number, sub = 0): number {
  return (((main & 0xff) << 16) | ((sub & 0xff) << 24)) >>> 0;
}

export function px4Decode(customMode: number): { main: number; sub: number } {
  return { main: (customMode >>> 16) & 0xff, sub: (customMode >>> 24) & 0xff };
}

/** Every named mode with its custom_mode, e.g. AUTO_MISSION -> main 4 / sub 4. */
const NAMED: Record<string, number> = {};
for (const [name, main] of Object.entries(PX4_MAIN)) if (name !== 'AUTO') NAMED[name] = px4Encode(main);
for (const [name, sub] of Object.entries(PX4_AUTO_SUB)) NAMED[`AUTO_${name}`] = px4Encode(PX4_MAIN.AUTO, sub);
for (const [name, sub] of Object.entries(PX4_POSCTL_SUB)) NAMED[name === 'ORBIT' ? 'ORBIT' : `POSCTL_${name}`] = px4Encode(PX4_MAIN.POSCTL, sub);

const BY_MODE = new Map<number, string>(Object.entries(NAMED).map(([name, cm]) => [cm, name]));

export const px4Modes: ModeTable = {
  name(customMode) {
    const { main, sub } = px4Decode(customMode);
    const exact = BY_MODE.get(px4Encode(main, sub));
    if (exact) return exact;
    // A sub mode we do not know under a main mode we do: name the main mode (what the pilot flies in).
    const mainName = Object.entries(PX4_MAIN).find(([, n]) => n === main)?.[0];
    if (mainName && main !== PX4_MAIN.AUTO) return mainName;
    return mainName ? `AUTO(${sub})` : unknownMode(customMode);
  },
  number(name) {
    const key = name.toUpperCase();
    return Object.prototype.hasOwnProperty.call(NAMED, key) ? NAMED[key] : undefined;
  },
  names: () => Object.keys(NAMED),
};
