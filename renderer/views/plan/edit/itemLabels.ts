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
    const want = labelledItems(plan, selection);
    const keep = new Set(want.map((p) => p.index));
    for (const [i, m] of this.markers) if (!keep.has(i)) m.remove(), this.markers.delete(i);
    const selected = new Set(selection);
    for (const p of want) {
      let m = this.markers.get(p.index);
      if (!m) {
        const el = document.createElement('div');
        el.className = 'pe-item-label';
        el.textContent = String(p.index + 1);
        m = new Marker({ element: el, anchor: 'bottom-left', offset: [5, -5] }).setLngLat([p.lon, p.lat]).addTo(this.map);
        this.markers.set(p.index, m);
      } else m.setLngLat([p.lon, p.lat]);
      m.getElement().classList.toggle('pe-item-label--selected', selected.has(p.index));
    }
  }

  remove(): void {
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
  }
}
