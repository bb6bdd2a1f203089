// The profile drawn in SVG: ground (filled), the ceiling above it (dashed), the planned altitude
// (red where it is below the ground or over the ceiling) and each item with its number and height.
import { useLayoutEffect, useRef, useState } from 'react';
import type { PlanProfile } from '../../../../shared/terrain/plan-profile';
import type { ProfileZoneSpan } from '../../../../shared/terrain/plan-profile-zones';
import type { TFunction } from '../../../i18n/useT';
import { groundPath, labelled, linePath, nearestSample, routePaths, scalesFor, type ChartBox } from './chartGeometry';
import { ProfileCursor } from './ProfileCursor';
import { ZoneBands } from './ZoneBands';

const HEIGHT = 130;
const MARGIN = { left: 52, right: 14, top: 24, bottom: 20 };

/** The chart's width follows its container, so text is never stretched by a viewBox. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

const m0 = (n: number): string => n.toFixed(0);
/** Labels at the chart's ends grow inwards, so the first and last items' numbers are not cut off. */
const anchorFor = (x: number, width: number): 'start' | 'middle' | 'end' => (x < MARGIN.left + 30 ? 'start' : x > width - MARGIN.right - 30 ? 'end' : 'middle');

export function ProfileChart({ profile: p, zones, t, selectedIndex, onSelect }: { profile: PlanProfile; zones: ProfileZoneSpan[]; t: TFunction; selectedIndex: number | null; onSelect(index: number): void }) {
  const [ref, width] = useWidth();
  const box: ChartBox = { width, height: HEIGHT, ...MARGIN };
  const sc = scalesFor(p, box);
  const floorY = HEIGHT - MARGIN.bottom;
  const terrain = p.mode === 'terrain';
  const xs = p.items.map((i) => sc.x(i.distanceM));
  const labels = p.items.map((it) => t('profile.item', { n: it.index + 1, agl: it.aglM === null ? '?' : m0(it.aglM) }));
  // About 6.5 px a character at 11 px: enough to keep labels from running into each other.
  const show = labelled(xs, p.items.map((i) => i.status !== 'ok'), labels.map((l) => l.length * 6.5));
  const [hoverM, setHoverM] = useState<number | null>(null);
  const hovered = hoverM === null ? undefined : nearestSample(p.samples, hoverM);
  const onMove = (e: React.MouseEvent<SVGSVGElement>): void => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const w = width - MARGIN.left - MARGIN.right;
    setHoverM(x < MARGIN.left || x > width - MARGIN.right || w <= 0 ? null : ((x - MARGIN.left) / w) * p.totalM);
  };
  return (
    <div ref={ref} className="profile-chart">
      {width > 0 && (
        <svg width={width} height={HEIGHT} data-testid="profile-svg" role="img" aria-label={t('profile.title')} onMouseMove={onMove} onMouseLeave={() => setHoverM(null)}>
          <ZoneBands spans={zones} sc={sc} top={MARGIN.top} bottom={floorY} t={t} />
          {terrain ? (
            <path className="profile-ground" data-testid="profile-ground" d={groundPath(p.samples, sc, floorY)} />
          ) : (
            <line className="profile-home-line" x1={MARGIN.left} x2={width - MARGIN.right} y1={sc.y(0)} y2={sc.y(0)} />
          )}
          <path className="profile-ceiling" data-testid="profile-ceiling" d={linePath(p.samples, (s) => s.ceilingM, sc)} />
          {routePaths(p.samples, sc).map((r, k) => (
            <path key={k} className={`profile-route profile-route--${r.status}`} data-testid={r.status === 'ok' ? 'profile-route' : 'profile-violation'} d={r.d} />
          ))}
          <text className="profile-axis" x={MARGIN.left - 6} y={sc.y(sc.maxM) + 10} textAnchor="end">{m0(sc.maxM)}</text>
          <text className="profile-axis" x={MARGIN.left - 6} y={floorY} textAnchor="end">{m0(sc.minM)}</text>
          <text className="profile-axis" x={4} y={MARGIN.top - 8}>{t(terrain ? 'profile.axis.amsl' : 'profile.axis.home')}</text>
          <text className="profile-axis" x={MARGIN.left} y={HEIGHT - 4}>0</text>
          <text className="profile-axis" x={width - MARGIN.right} y={HEIGHT - 4} textAnchor="end">{t('profile.km', { km: (p.totalM / 1000).toFixed(2) })}</text>
          {p.items.map((it, k) => {
            if (it.altM === null) return null;
            const n = it.index + 1;
            const agl = it.aglM === null ? '?' : m0(it.aglM);
            const title =
              it.aglM === null ? t('profile.itemUnknown', { n }) : terrain ? t('profile.itemTitle', { n, alt: m0(it.altM), agl }) : t('profile.itemTitleHome', { n, agl });
            const y = sc.y(it.altM);
            return (
              <g
                key={k}
                className={`profile-item profile-item--${it.status}${it.index === selectedIndex ? ' profile-item--selected' : ''}`}
                data-testid="profile-item"
                data-n={n}
                data-agl={it.aglM === null ? '' : it.aglM.toFixed(1)}
                onClick={() => onSelect(it.index)}
              >
                <title>{title}</title>
                <circle cx={xs[k]} cy={y} r={4} />
                {show[k] && (
                  <text x={xs[k]} y={Math.max(10, y - 8)} textAnchor={anchorFor(xs[k]!, width)}>
                    {labels[k]}
                  </text>
                )}
              </g>
            );
          })}
          {hovered && <ProfileCursor s={hovered} sc={sc} top={MARGIN.top} bottom={floorY} width={width} terrain={terrain} t={t} />}
        </svg>
      )}
    </div>
  );
}
