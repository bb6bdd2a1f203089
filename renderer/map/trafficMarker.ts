// A manned aircraft on the map as a DOM marker: a helicopter (or aeroplane) silhouette turned to its
// track, and a label with callsign, altitude and the age of the last position. Stale tracks fade.
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { TrafficTrack } from '../../shared/contract/ops-types';

const HELI_SVG = `
<svg viewBox="-20 -20 40 40" width="38" height="38" aria-hidden="true" focusable="false">
  <line class="traffic-marker__rotor" x1="-17" y1="-4" x2="17" y2="-4" />
  <line class="traffic-marker__rotor" x1="0" y1="-19" x2="0" y2="11" />
  <ellipse class="traffic-marker__body" cx="0" cy="-3" rx="5" ry="8" />
  <rect class="traffic-marker__body" x="-1.2" y="4" width="2.4" height="13" />
  <line class="traffic-marker__tail" x1="-4" y1="16" x2="4" y2="16" />
</svg>`;
const PLANE_SVG = `
<svg viewBox="-20 -20 40 40" width="38" height="38" aria-hidden="true" focusable="false">
  <path class="traffic-marker__body" d="M0,-17 L2.5,-6 L16,2 L16,5 L2.5,1 L2,11 L6,15 L6,17 L0,15 L-6,17 L-6,15 L-2,11 L-2.5,1 L-16,5 L-16,2 L-2.5,-6 Z" />
</svg>`;

export interface TrafficLabelParts {
  callsign: string;
  alt: string;
  age: string;
}

export class TrafficMarker {
  private readonly element: HTMLDivElement;
  private readonly icon: HTMLDivElement;
  private readonly label: HTMLDivElement;
  private readonly marker: Marker;

  constructor(map: MapLibreMap, track: TrafficTrack) {
    this.element = document.createElement('div');
    this.element.className = 'traffic-marker';
    this.element.dataset.testid = 'traffic-marker';
    this.icon = document.createElement('div');
    this.icon.className = 'traffic-marker__icon';
    this.icon.innerHTML = track.aircraftClass === 'fixedwing' ? PLANE_SVG : HELI_SVG;
    this.label = document.createElement('div');
    this.label.className = 'traffic-marker__label';
    this.element.append(this.icon, this.label);
    this.marker = new Marker({ element: this.element, rotationAlignment: 'viewport' }).setLngLat([track.lon, track.lat]).addTo(map);
  }

  update(track: TrafficTrack, parts: TrafficLabelParts, conflict: 'violation' | 'predicted' | null, mapBearingDeg: number): void {
    this.marker.setLngLat([track.lon, track.lat]);
    const rot = track.headingDeg === null ? 0 : Math.round(track.headingDeg - mapBearingDeg);
    // The SVG's transform attribute, not a style: the CSP forbids inline styles.
    this.icon.querySelector('svg')?.setAttribute('transform', `rotate(${rot})`);
    this.element.classList.toggle('stale', track.stale);
    this.element.classList.toggle('conflict', conflict === 'violation');
    this.element.classList.toggle('predicted', conflict === 'predicted');
    this.element.dataset.id = track.id;
    const text = `${parts.callsign} · ${parts.alt} · ${parts.age}`;
    if (this.label.textContent !== text) this.label.textContent = text;
  }

  remove(): void {
    this.marker.remove();
  }
}
