// The reading under the pointer: a vertical line at that distance along the route, and the altitude,
// the ground and the height above it there, so a pilot can read the clearance anywhere on a leg, not
// only at the items.
import type { PlanProfileSample } from '../../../../shared/terrain/plan-profile';
import type { TFunction } from '../../../i18n/useT';
import type { Scales } from './chartGeometry';

export function ProfileCursor({ s, sc, top, bottom, width, terrain, t }: { s: PlanProfileSample; sc: Scales; top: number; bottom: number; width: number; terrain: boolean; t: TFunction }) {
  const x = sc.x(s.distanceM);
  const km = (s.distanceM / 1000).toFixed(2);
  const agl = s.altM !== null && s.groundM !== null ? (s.altM - s.groundM).toFixed(0) : '?';
  const text = terrain
    ? t('profile.cursor', { km, alt: s.altM === null ? '?' : s.altM.toFixed(0), ground: s.groundM === null ? '?' : s.groundM.toFixed(0), agl })
    : t('profile.cursorHome', { km, agl });
  // The text sits on the side with room for it.
  const right = x < width / 2;
  return (
    <g className="profile-cursor" data-testid="profile-cursor" pointerEvents="none">
      <line x1={x} x2={x} y1={top} y2={bottom} />
      <text x={right ? x + 6 : x - 6} y={top + 10} textAnchor={right ? 'start' : 'end'}>
        {text}
      </text>
    </g>
  );
}
