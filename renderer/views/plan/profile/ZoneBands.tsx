// Airspace zones in the profile: each stretch of the route under a zone drawn as its band, from its
// floor to its ceiling (open ends reach the chart's edge), clipped to the chart; a band wholly above
// or below what is drawn shows as a strip on that edge, so a control zone's floor far overhead is
// still seen.
import type { ProfileZoneSpan } from '../../../../shared/terrain/plan-profile-zones';
import type { TFunction } from '../../../i18n/useT';
import type { Scales } from './chartGeometry';

const EDGE_PX = 4;

export function ZoneBands({ spans, sc, top, bottom, t }: { spans: ProfileZoneSpan[]; sc: Scales; top: number; bottom: number; t: TFunction }) {
  return (
    <g className="profile-zones">
      {spans.map((z, k) => {
        const x0 = sc.x(z.fromM);
        const x1 = Math.max(x0 + 2, sc.x(z.toM));
        let y0 = z.ceilingM === null ? top : Math.max(top, sc.y(z.ceilingM));
        let y1 = z.floorM === null ? bottom : Math.min(bottom, sc.y(z.floorM));
        if (y1 - y0 < EDGE_PX) {
          // Entirely above the chart (floor over its top) or below it: a strip on that edge.
          const above = z.floorM !== null && sc.y(z.floorM) <= top;
          [y0, y1] = above ? [top, top + EDGE_PX] : [bottom - EDGE_PX, bottom];
        }
        const band = t('maps.zone.band', { floor: z.floorM === null ? t('maps.zone.ground') : z.floorM.toFixed(0), ceiling: z.ceilingM === null ? t('maps.zone.unlimited') : z.ceilingM.toFixed(0) });
        return (
          <g key={k} className={`profile-zone profile-zone--${z.kind}`} data-testid="profile-zone" data-name={z.name}>
            <title>{`${z.name}: ${band}`}</title>
            <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} />
            {x1 - x0 > 50 && (
              <text x={x0 + 3} y={Math.min(bottom - 3, y0 + 11)}>
                {z.name}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
