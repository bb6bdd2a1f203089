// One vehicle on the map as a DOM marker. Created once per vehicle and updated in place: at 20
// vehicles x 5 Hz, re-creating DOM and markers would churn layout and drop clicks mid-update.
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { VehicleSnapshot } from '../../shared/contract/types';

// A quad-copter silhouette (four rotors on an X frame) with a heading arrow on top. Drawn pointing
// north; the element is rotated to the heading. Colours come from CSS classes (mapView.css) so the
// markup holds no inline styles (the Electron CSP forbids them).
const ICON_SVG = `
<svg viewBox="-20 -20 40 40" width="40" height="40" aria-hidden="true" focusable="false">
  <g class="vehicle-marker__frame">
    <line x1="-7" y1="-7" x2="7" y2="7" />
    <line x1="7" y1="-7" x2="-7" y2="7" />
  </g>
  <g class="vehicle-marker__rotors">
    <circle cx="-11" cy="-11" r="5.5" /><circle cx="11" cy="-11" r="5.5" />
    <circle cx="-11" cy="11" r="5.5" /><circle cx="11" cy="11" r="5.5" />
  </g>
  <path class="vehicle-marker__arrow" d="M0,-16 L7.5,8 L0,4 L-7.5,8 Z" />
</svg>`;

// A fixed-wing (or VTOL in forward flight) silhouette, nose up; the same classes so colours apply.
const FIXEDWING_SVG = `
<svg viewBox="-20 -20 40 40" width="40" height="40" aria-hidden="true" focusable="false">
  <path class="vehicle-marker__arrow" d="M0,-17 L2.5,-5 L17,2 L17,5 L2.5,2 L2,11 L7,15 L7,17 L0,15.5 L-7,17 L-7,15 L-2,11 L-2.5,2 L-17,5 L-17,2 L-2.5,-5 Z" />
</svg>`;

export interface VehicleMarkerState {
  lat: number;
  lon: number;
  /** null when the vehicle reports no heading: the arrow is hidden rather than pointing north. */
  headingDeg: number | null;
  label: string;
  selected: boolean;
  linkLost: boolean;
  /** Picks the icon: a plane for fixed-wing and VTOL types, a quad otherwise. */
  fixedWing?: boolean;
}

export function markerStateOf(v: VehicleSnapshot, selectedKey: string | null, label: string): VehicleMarkerState | null {
  if (v.lat === null || v.lon === null || !Number.isFinite(v.lat) || !Number.isFinite(v.lon)) return null;
  const headingDeg = v.headingDeg !== null && Number.isFinite(v.headingDeg) ? v.headingDeg : null;
  return { lat: v.lat, lon: v.lon, headingDeg, label, selected: v.key === selectedKey, linkLost: v.linkLost, fixedWing: v.type === 'fixedwing' || v.type === 'vtol' };
}

/** The icon's on-screen rotation: the map may itself be rotated by `bearingDeg`. */
export function screenRotationDeg(headingDeg: number | null, bearingDeg: number): number {
  if (headingDeg === null) return 0;
  const r = (((headingDeg - bearingDeg) % 360) + 360) % 360;
  return Math.round(r * 10) / 10;
}

export class VehicleMarker {
  readonly element: HTMLDivElement;
  private readonly icon: HTMLDivElement;
  private readonly labelEl: HTMLDivElement;
  private readonly marker: Marker;
  private onMap = false;
  private last: VehicleMarkerState | null = null;
  private bearingDeg = 0;
  private iconFixedWing = false;

  constructor(
    readonly key: string,
    private readonly map: MapLibreMap,
    onClick: (key: string) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'vehicle-marker';
    this.element.dataset.testid = 'vehicle-marker';
    this.element.dataset.key = key;
    this.element.setAttribute('role', 'button');
    this.element.tabIndex = 0;

    this.icon = document.createElement('div');
    this.icon.className = 'vehicle-marker__icon';
    this.icon.innerHTML = ICON_SVG;
    this.labelEl = document.createElement('div');
    this.labelEl.className = 'vehicle-marker__label';
    this.element.append(this.icon, this.labelEl);

    const select = (e: Event) => {
      e.stopPropagation(); // a click on a vehicle is not a click on the map under it
      onClick(key);
    };
    this.element.addEventListener('click', select);
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') select(e);
    });

    this.marker = new Marker({ element: this.element, anchor: 'center', subpixelPositioning: true });
  }

  update(state: VehicleMarkerState | null, bearingDeg: number): void {
    if (state === null) {
      this.hide();
      return;
    }
    const prev = this.last;
    if (!prev || prev.lat !== state.lat || prev.lon !== state.lon) {
      this.marker.setLngLat([state.lon, state.lat]);
      this.element.dataset.lat = String(state.lat);
      this.element.dataset.lon = String(state.lon);
    }
    if (!prev || prev.headingDeg !== state.headingDeg || this.bearingDeg !== bearingDeg) {
      this.bearingDeg = bearingDeg;
      this.applyRotation(state.headingDeg);
    }
    if (!prev || prev.label !== state.label) {
      this.labelEl.textContent = state.label;
      this.element.setAttribute('aria-label', state.label);
    }
    if (!prev || prev.selected !== state.selected) {
      this.element.classList.toggle('vehicle-marker--selected', state.selected);
      this.element.setAttribute('aria-pressed', String(state.selected));
      // The selected vehicle is drawn above the others so its label is never hidden.
      this.element.classList.toggle('vehicle-marker--top', state.selected);
    }
    const fixedWing = state.fixedWing ?? false;
    if (fixedWing !== this.iconFixedWing) {
      this.iconFixedWing = fixedWing;
      this.icon.innerHTML = fixedWing ? FIXEDWING_SVG : ICON_SVG;
    }
    if (!prev || prev.linkLost !== state.linkLost) {
      this.element.classList.toggle('vehicle-marker--lost', state.linkLost);
    }
    this.last = state;
    if (!this.onMap) {
      this.marker.addTo(this.map);
      this.onMap = true;
    }
  }

  /** Called when the map rotates: headings are relative to north, the screen is not. */
  setBearing(bearingDeg: number): void {
    if (this.bearingDeg === bearingDeg) return;
    this.bearingDeg = bearingDeg;
    this.applyRotation(this.last?.headingDeg ?? null);
  }

  remove(): void {
    this.marker.remove();
    this.onMap = false;
  }

  private hide(): void {
    if (this.onMap) this.marker.remove();
    this.onMap = false;
    this.last = null;
  }

  private applyRotation(headingDeg: number | null): void {
    this.element.dataset.heading = headingDeg === null ? '' : String(headingDeg);
    this.element.classList.toggle('vehicle-marker--no-heading', headingDeg === null);
    // CSSOM writes are allowed under a strict style CSP; style attributes in markup are not.
    this.icon.style.transform = `rotate(${screenRotationDeg(headingDeg, this.bearingDeg)}deg)`;
  }
}
