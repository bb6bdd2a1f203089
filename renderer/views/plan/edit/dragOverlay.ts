// What a drag draws while the mouse moves: the item and its two legs as an SVG over the map canvas.
// Not a map source: a GeoJSON setData per frame costs a worker round trip, a tile rebuild and a
// repaint of the whole map (2,000 items and their handles); this costs three projections and three
// attribute writes, and the map itself does not redraw until the drop.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LatLon } from '../../../../shared/plan/types';

const SVG = 'http://www.w3.org/2000/svg';

export class DragOverlay {
  private readonly svg: SVGSVGElement;
  private readonly legs: SVGPolylineElement;
  private readonly dot: SVGCircleElement;

  constructor(private readonly map: MapLibreMap) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'pe-drag');
    this.svg.setAttribute('data-testid', 'pe-drag');
    this.legs = document.createElementNS(SVG, 'polyline');
    this.legs.setAttribute('class', 'pe-drag__legs');
    this.dot = document.createElementNS(SVG, 'circle');
    this.dot.setAttribute('class', 'pe-drag__dot');
    this.dot.setAttribute('r', '8');
    this.svg.append(this.legs, this.dot);
    this.svg.style.display = 'none';
    map.getCanvasContainer().appendChild(this.svg);
  }

  show(at: LatLon, prev: LatLon | null, next: LatLon | null): void {
    const px = (p: LatLon) => this.map.project([p.lon, p.lat]);
    const a = px(at);
    const pts = [prev, at, next].filter((p): p is LatLon => p !== null).map((p) => (p === at ? a : px(p)));
    this.legs.setAttribute('points', pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '));
    this.dot.setAttribute('cx', a.x.toFixed(1));
    this.dot.setAttribute('cy', a.y.toFixed(1));
    this.svg.style.display = '';
  }

  hide(): void {
    this.svg.style.display = 'none';
  }

  remove(): void {
    this.svg.remove();
  }
}
