// Item numbers beside the circles on the map. The offline style has no glyphs, so numbers are DOM
// markers: every item's while the route is short enough to read, else only the selected ones (a
// 2,000-item survey would be a wall of numbers and 2,000 DOM nodes).
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { routePoints } from '../../../../shared/plan/route';
import type { Plan } from '../../../../shared/plan/types';

/** Up to this many route items, all are numbered. */
export const LABEL_ALL_MAX = 60;
/** With more, at most this many selected ones are. */
const LABEL_SELECTED_MAX = 30;

export function labelledItems(plan: Plan | null, selection: readonly number[]): Array<{ index: number; lat: number; lon: number }> {
  if (!plan) return [];
  const pts = routePoints(plan);
  if (pts.length <= LABEL_ALL_MAX) return pts;
  const picked = new Set(selection.slice(0, LABEL_SELECTED_MAX));
  return pts.filter((p) => picked.has(p.index));
}

export class ItemLabels {
  private markers = new Map<number, Marker>();

  constructor(private readonly map: MapLibreMap) {}

  update(plan: Plan | null, selection: readonly number[]): void {
    // Items at one place (a waypoint and the landing after it) share one label, "5,6", not two on top.
    const groups = new Map<string, { index: number; lat: number; lon: number; numbers: number[] }>();
    for (const p of labelledItems(plan, selection)) {
      const key = `${p.lat.toFixed(7)},${p.lon.toFixed(7)}`;
      const g = groups.get(key);
      if (g) g.numbers.push(p.index + 1);
      else groups.set(key, { ...p, numbers: [p.index + 1] });
    }
    const keep = new Set([...groups.values()].map((g) => g.index));
    for (const [i, m] of this.markers) if (!keep.has(i)) m.remove(), this.markers.delete(i);
    const selected = new Set(selection);
    for (const g of groups.values()) {
      let m = this.markers.get(g.index);
      if (!m) {
        const el = document.createElement('div');
        el.className = 'pe-item-label';
        m = new Marker({ element: el, anchor: 'bottom-left', offset: [5, -5] }).setLngLat([g.lon, g.lat]).addTo(this.map);
        this.markers.set(g.index, m);
      } else m.setLngLat([g.lon, g.lat]);
      const el = m.getElement();
      const text = g.numbers.join(',');
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle('pe-item-label--selected', g.numbers.some((n) => selected.has(n - 1)));
    }
  }

  remove(): void {
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
  }
}
