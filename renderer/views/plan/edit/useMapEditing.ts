// Map interactions of the 'select' and 'addWaypoint' tools: pick, drag, add, insert.
//
// A drag never touches the store or the map's sources while the mouse moves: only an SVG of the point
// and its two legs is redrawn (dragOverlay.ts), at most once per animation frame, and the move is
// committed as one edit (one undo step) on mouseup.
import { useEffect } from 'react';
import type { MapGeoJSONFeature, MapMouseEvent, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { routePoints } from '../../../../shared/plan/route';
import type { LatLon } from '../../../../shared/plan/types';
import { addWaypoint, insertItems, moveItemTo, waypointItem, type PlanDoc } from '../../../../shared/planning';
import { call } from '../../../stores/actions';
import { usePlanStore } from '../../../stores/plan';
import { PLAN_HANDLES_LAYER, PLAN_ITEMS_LAYER, PLAN_ROUTE_SOURCE, planBounds } from '../planLayers';
import { DragOverlay } from './dragOverlay';
import { applyOp, notify, opLabel, useEditNotices } from './editActions';
import { ItemLabels } from './itemLabels';

/** Pixels the mouse must travel before a press becomes a drag (MapLibre's click tolerance too). */
const DRAG_PX = 3;
const HIT_PX = 7;

interface Drag {
  kind: 'item' | 'mid';
  /** The dragged item's index, or for a handle the index the new waypoint goes before. */
  index: number;
  /** Item whose altitude and frame a new waypoint takes (the leg's start). */
  from: number;
  x0: number;
  y0: number;
  /** Pixels from the item's centre to where it was grabbed: the item keeps that offset, no jump. */
  dx: number;
  dy: number;
  moved: boolean;
  at: LatLon;
  prev: LatLon | null;
  next: LatLon | null;
}

/** The route neighbours of item `index` (the legs that move with it). */
function neighbours(index: number): { prev: LatLon | null; next: LatLon | null } {
  const plan = usePlanStore.getState().plan;
  if (!plan) return { prev: null, next: null };
  const pts = routePoints(plan);
  const k = pts.findIndex((p) => p.index === index);
  const ll = (p: (typeof pts)[number] | undefined): LatLon | null => (p ? { lat: p.lat, lon: p.lon } : null);
  return { prev: ll(pts[k - 1]), next: ll(pts[k + 1]) };
}

/** The item (or else the handle) nearest the pointer: in a dense survey several circles overlap the box. */
function hit(map: MapLibreMap, x: number, y: number): MapGeoJSONFeature | undefined {
  const box: [PointLike, PointLike] = [[x - HIT_PX, y - HIT_PX], [x + HIT_PX, y + HIT_PX]];
  const found = map.queryRenderedFeatures(box, { layers: [PLAN_ITEMS_LAYER, PLAN_HANDLES_LAYER] });
  const distance = (f: MapGeoJSONFeature): number => {
    const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
    const p = map.project([lon, lat]);
    return Math.hypot(p.x - x, p.y - y);
  };
  let best: MapGeoJSONFeature | undefined;
  let bestScore = Infinity;
  for (const f of found) {
    // An item wins over a handle under the same pixels: short legs put handles right beside items.
    const score = distance(f) + (f.layer.id === PLAN_ITEMS_LAYER ? 0 : 1000);
    if (score < bestScore) (best = f), (bestScore = score);
  }
  return best;
}

const isEditTool = (): boolean => ['select', 'addWaypoint'].includes(usePlanStore.getState().tool);

export function useMapEditing(map: MapLibreMap | null, layersReady: boolean): void {
  // The selection as feature-state: no setData of the route when only the selection changes.
  useEffect(() => {
    if (!map || !layersReady) return;
    // Only the ids that change are touched (removeFeatureState of the whole source followed by a set in
    // the same frame loses the set in MapLibre's coalescing).
    let painted = new Set<number>();
    const paint = (selection: number[]) => {
      const next = new Set(selection);
      for (const id of painted) if (!next.has(id)) map.setFeatureState({ source: PLAN_ROUTE_SOURCE, id }, { selected: false });
      for (const id of next) map.setFeatureState({ source: PLAN_ROUTE_SOURCE, id }, { selected: true });
      painted = next;
    };
    const labels = new ItemLabels(map);
    const first = usePlanStore.getState();
    paint(first.selection);
    labels.update(first.plan, first.selection);
    const unsubscribe = usePlanStore.subscribe((s, prev) => {
      if (s.selection === prev.selection && s.plan === prev.plan) return;
      paint(s.selection);
      labels.update(s.plan, s.selection);
    });
    return () => {
      unsubscribe();
      labels.remove();
    };
  }, [map, layersReady]);

  useEffect(() => {
    if (!map || !layersReady) return;
    return useEditNotices.subscribe((s, prev) => {
      const plan = usePlanStore.getState().plan;
      const b = plan && s.fitSeq !== prev.fitSeq ? planBounds(plan) : null;
      if (b) map.fitBounds(b, { padding: 60, duration: 0, maxZoom: 17 });
    });
  }, [map, layersReady]);

  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    const cursor = (s: { tool: string }) => {
      canvas.style.cursor = s.tool === 'addWaypoint' ? 'crosshair' : '';
    };
    cursor(usePlanStore.getState());
    return usePlanStore.subscribe((s, prev) => {
      if (s.tool !== prev.tool) cursor(s);
    });
  }, [map]);

  useEffect(() => {
    if (!map || !layersReady) return;
    let drag: Drag | null = null;
    let frame = 0;
    let pressedFeature = false;
    const overlay = new DragOverlay(map);

    const draw = () => {
      frame = 0;
      if (drag) overlay.show(drag.at, drag.prev, drag.next);
    };
    const onMove = (e: MapMouseEvent) => {
      if (!drag) return;
      if (!drag.moved && Math.hypot(e.point.x - drag.x0, e.point.y - drag.y0) < DRAG_PX) return;
      if (!drag.moved && drag.kind === 'item') map.setFeatureState({ source: PLAN_ROUTE_SOURCE, id: drag.index }, { dragging: true });
      drag.moved = true;
      const ll = map.unproject([e.point.x - drag.dx, e.point.y - drag.dy]);
      drag.at = { lat: ll.lat, lon: ll.lng };
      frame ||= requestAnimationFrame(draw);
    };
    const finish = () => {
      const d = drag;
      drag = null;
      map.off('mousemove', onMove);
      window.removeEventListener('mouseup', finish);
      if (frame) cancelAnimationFrame(frame), (frame = 0);
      overlay.hide();
      if (!d) return;
      if (d.kind === 'item') {
        map.setFeatureState({ source: PLAN_ROUTE_SOURCE, id: d.index }, { dragging: false });
        if (d.moved) applyOp('planEdit.op.move', (doc) => moveItemTo(doc, d.index, d.at));
        return;
      }
      const plan = usePlanStore.getState().plan;
      const from = plan?.mission.items[d.from];
      const altM = from && Number.isFinite(from.z) ? from.z : (usePlanStore.getState().doc?.settings.defaultAltM ?? 0);
      applyOp('planEdit.op.insert', (doc) => insertItems(doc, d.index, [waypointItem(d.at, altM, from?.frame)]), { select: () => [d.index] });
    };
    const onDown = (e: MapMouseEvent) => {
      pressedFeature = false;
      if (e.originalEvent.button !== 0 || !isEditTool()) return;
      const f = hit(map, e.point.x, e.point.y);
      if (!f) return;
      // Stops MapLibre's drag-pan for this press: the press belongs to the item.
      e.preventDefault();
      pressedFeature = true;
      const store = usePlanStore.getState();
      const [lon0, lat0] = (f.geometry as GeoJSON.Point).coordinates;
      const grabbed = map.project([lon0, lat0]);
      const base = { x0: e.point.x, y0: e.point.y, dx: e.point.x - grabbed.x, dy: e.point.y - grabbed.y, moved: false };
      if (f.layer.id === PLAN_ITEMS_LAYER) {
        const index = Number(f.id);
        const multi = e.originalEvent.shiftKey || e.originalEvent.ctrlKey || e.originalEvent.metaKey;
        if (multi) store.toggleItem(index);
        else if (!store.selection.includes(index)) store.selectItem(index);
        const item = store.plan?.mission.items[index];
        if (!item || multi) return;
        drag = { kind: 'item', index, from: index, at: { lat: item.x, lon: item.y }, ...neighbours(index), ...base };
      } else {
        const before = Number(f.properties.before);
        const from = Number(f.properties.from);
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        const items = store.plan?.mission.items ?? [];
        if (!items[before] || !items[from]) return;
        // The new point sits between the leg's ends: its legs go to them.
        const prev = { lat: items[from].x, lon: items[from].y };
        const next = { lat: items[before].x, lon: items[before].y };
        drag = { kind: 'mid', index: before, from, at: { lat, lon }, prev, next, ...base };
      }
      map.on('mousemove', onMove);
      // On window: the mouse may be released outside the map.
      window.addEventListener('mouseup', finish);
    };
    const onClick = (e: MapMouseEvent) => {
      if (pressedFeature) return void (pressedFeature = false);
      const store = usePlanStore.getState();
      if (!store.doc) return;
      const at = { lat: e.lngLat.lat, lon: e.lngLat.lng };
      if (store.tool === 'select') {
        if (!(e.originalEvent.shiftKey || e.originalEvent.ctrlKey)) store.setSelection([]);
        return;
      }
      if (store.tool !== 'addWaypoint') return;
      if (!store.doc.plan.mission.plannedHome) {
        setHome(at);
        return;
      }
      const after = store.selection.length === 1 ? store.selection[0] : null;
      let index = -1;
      applyOp('planEdit.op.add', (doc) => {
        const r = addWaypoint(doc, at, after);
        index = r.index;
        return r;
      }, { select: () => [index] });
    };
    map.on('mousedown', onDown);
    map.on('click', onClick);
    return () => {
      map.off('mousedown', onDown);
      map.off('click', onClick);
      map.off('mousemove', onMove);
      window.removeEventListener('mouseup', finish);
      if (frame) cancelAnimationFrame(frame);
      overlay.remove();
    };
  }, [map, layersReady]);
}

const withHome = (at: LatLon, altMslM: number) => (doc: PlanDoc): PlanDoc => ({
  ...doc,
  plan: { ...doc.plan, mission: { ...doc.plan.mission, plannedHome: { lat: at.lat, lon: at.lon, altMslM } } },
});

/**
 * The checks measure from the planned home; the first click of a plan without one puts it there. Its
 * height comes from the station's terrain model when it has one (same undo step); else 0 m AMSL, which
 * the pilot can correct in Mission settings, and which the ceiling check then measures above home.
 */
function setHome(at: LatLon): void {
  const gesture = `home-${Date.now()}`;
  usePlanStore.getState().edit(opLabel('planEdit.op.home'), withHome(at, 0), { gesture });
  notify({ key: 'planEdit.notice.homeSet' });
  void call('mapsGroundHeight', { points: [at] }).then((out) => {
    const h = out.ok ? out.value.heightsMslM[0] : null;
    const s = usePlanStore.getState();
    // Only if nothing was edited since: a late answer must not undo the pilot's next edit.
    if (typeof h === 'number' && Number.isFinite(h) && s.lastGesture === gesture) s.edit(opLabel('planEdit.op.home'), withHome(at, Math.round(h * 10) / 10), { gesture });
  });
}
