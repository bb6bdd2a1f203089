import { describe, expect, it } from 'vitest';
import { arduCopterModes, arduPlaneModes, modeName, modeNumber, px4Decode, px4Encode, px4Modes } from '../../electron/core/vehicle/modes';
import { autopilotOf, kindOf } from '../../electron/core/vehicle';

describe('flight-mode tables', () => {
  it('ArduCopter both ways', () => {
    expect([0, 2, 3, 4, 5, 6, 9, 16, 17, 21].map((n) => arduCopterModes.name(n))).toEqual([
      'STABILIZE', 'ALT_HOLD', 'AUTO', 'GUIDED', 'LOITER', 'RTL', 'LAND', 'POSHOLD', 'BRAKE', 'SMART_RTL',
    ]);
    expect(arduCopterModes.number('guided')).toBe(4);
    expect(arduCopterModes.number('FBWA')).toBeUndefined();
    expect(arduCopterModes.name(99)).toBe('Mode(99)');
  });

  it('ArduPlane both ways', () => {
    expect([0, 5, 6, 10, 11, 12, 15, 19, 21].map((n) => arduPlaneModes.name(n))).toEqual([
      'MANUAL', 'FBWA', 'FBWB', 'AUTO', 'RTL', 'LOITER', 'GUIDED', 'QLOITER', 'QRTL',
    ]);
    expect(arduPlaneModes.number('QRTL')).toBe(21);
    for (const name of arduPlaneModes.names()) expect(arduPlaneModes.name(arduPlaneModes.number(name)!)).toBe(name);
  });

  it('PX4 main/sub mode encoding', () => {
    expect(px4Encode(4, 4)).toBe(0x04040000);
    expect(px4Decode(0x04040000)).toEqual({ main: 4, sub: 4 });
    const cases: Array<[number, number, string]> = [
      [1, 0, 'MANUAL'], [2, 0, 'ALTCTL'], [3, 0, 'POSCTL'], [4, 4, 'AUTO_MISSION'], [4, 3, 'AUTO_LOITER'],
      [4, 5, 'AUTO_RTL'], [4, 6, 'AUTO_LAND'], [4, 2, 'AUTO_TAKEOFF'], [6, 0, 'OFFBOARD'], [7, 0, 'STABILIZED'], [5, 0, 'ACRO'],
    ];
    for (const [main, sub, name] of cases) {
      expect(px4Modes.name(px4Encode(main, sub))).toBe(name);
      expect(px4Modes.number(name)).toBe(px4Encode(main, sub));
    }
    expect(px4Modes.name(px4Encode(4, 99))).toBe('AUTO(99)');
    // The low 16 bits are reserved: whatever is there does not change the mode.
    expect(px4Modes.name(px4Encode(2, 0) | 0x1234)).toBe('ALTCTL');
  });

  it('the table follows autopilot and vehicle type', () => {
    expect(modeName('ardupilot', 2, 5)).toBe('LOITER');
    expect(modeName('ardupilot', 1, 5)).toBe('FBWA');
    expect(modeName('ardupilot', 21, 18)).toBe('QHOVER'); // VTOL tiltrotor: ArduPlane
    expect(modeName('ardupilot', 10, 4)).toBe('HOLD'); // rover
    expect(modeName('px4', 2, px4Encode(3))).toBe('POSCTL');
    expect(modeName('generic', 2, 7)).toBe('Mode(7)');
    expect(modeNumber('ardupilot', 2, 'RTL')).toBe(6);
    expect(modeNumber('px4', 2, 'AUTO_RTL')).toBe(px4Encode(4, 5));
  });

  it('identity from MAV_AUTOPILOT and MAV_TYPE', () => {
    expect([3, 12, 0, 8, 4].map(autopilotOf)).toEqual(['ardupilot', 'px4', 'generic', 'unknown', 'unknown']);
    expect([1, 2, 4, 13, 14, 20, 10, 11, 6, 27].map(kindOf)).toEqual([
      'fixedwing', 'multirotor', 'helicopter', 'multirotor', 'multirotor', 'vtol', 'rover', 'boat', 'other', 'other',
    ]);
  });
});
