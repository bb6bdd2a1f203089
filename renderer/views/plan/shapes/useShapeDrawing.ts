// Map interactions of the drawing tools: areas, lines, points, fence circles and rally points.
//   drawPolygon / drawLine: click adds a vertex (live preview to the cursor); double-click or Enter
//     finishes, Backspace takes the last vertex back, Esc cancels. drawPoint: one click, one point.
//   fenceCircle: click the centre, then click the edge (or type the radius in the Fence tab).
//   rally: click adds a rally point; drag one to move it (one undo step per drag).
//   select: a click on a shape selects it (items are useMapEditing's).
// The finished shape is one undoable edit and becomes the selected shape.
import { useEffect } from 'react';
import type { Map as MapLibreMap, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import { distanceM } from '../../../../shared/geo/distance';
import { addFenceCircle, addRally, addShapes, moveRally } from '../../../../shared/planning';
import type { LatLon } from '../../../../shared/plan/types';
import { translate } from '../../../i18n/translate';
import { useLanguageStore } from '../../../stores/language';
import { usePlanStore } from '../../../stores/plan';
import { boundsOf, circleDraftGeoJson, draftGeoJson, finishDraft, isDrawTool, nextId, patternPreviewGeoJson, shapeKindOf, type DrawTool } from './draft';
import { useDifferingItems } from './useDifferingItems';
import { addShapeLayers, DIFF_SOURCE, diffGeoJson, DRAFT_SOURCE, RALLY_LAYER, RALLY_SOURCE, rallyGeoJson, setShapeData, SHAPE_HIT_LAYERS, SHAPES_SOURCE, shapesGeoJson } from './shapeLayers';
import { useShapeUi } from './shapeUiStore';

const at = (e: MapMouseEvent): LatLon => ({ lat: e.lngLat.lat, lon: e.lngLat.lng });
/** Undo labels in the language on screen (the undo button shows them). */
export const tl = (key: Parameters<typeof translate>[1]): string => translate(useLanguageStore.getState().language, key);
const typing = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
const NAME_KEY = { polygon: 'plan.shapes.areaN', line: 'plan.shapes.lineN', point: 'plan.shapes.pointN' } as const;
const ID_PREFIX = { polygon: 'area', line: 'line', point: 'point' } as const;

/** Ends the shape being drawn: one undoable edit, then the new shape is selected. */
export function finishDrawing(tool: DrawTool): void {
  const ui = useShapeUi.getState();
  const store = usePlanStore.getState();
  const kind = shapeKindOf(tool);
  const shapes = store.doc?.shapes ?? [];
  const id = nextId(ID_PREFIX[kind], shapes.map((s) => s.id));
  const n = shapes.filter((s) => s.kind === kind).length + 1;
  const shape = finishDraft(tool, ui.draft, id, translate(useLanguageStore.getState().language, NAME_KEY[kind], { n }));
  if (!shape) return;
  store.edit(tl('plan.shapes.editDraw'), (d) => addShapes(d, [shape]));
  store.selectShape(id);
  ui.setDraft([]);
}

function cancelDrawing(): void {
  const ui = useShapeUi.getState();
  ui.setDraft([]);
  ui.setCircleCentre(null);
  ui.setPicking(false);
}

/** The draft source's data: the shape or circle being drawn, else the pattern preview; picked stations on top. */
function draftData(): GeoJSON.FeatureCollection {
  const { draft, cursor, circleCentre, preview, pickedStations, pickingStations } = useShapeUi.getState();
  const tool = usePlanStore.getState().tool;
  let fc = patternPreviewGeoJson(preview);
  if (tool === 'fenceCircle' && circleCentre) fc = circleDraftGeoJson(circleCentre, cursor ? distanceM(circleCentre, cursor) : 0);
  else if (isDrawTool(tool) && draft.length > 0) fc = draftGeoJson(tool, draft, cursor);
  const stations = (pickingStations ? pickedStations : []).map((p): GeoJSON.Feature => ({ type: 'Feature', properties: { kind: 'vertex' }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }));
  return { type: 'FeatureCollection', features: [...fc.features, ...stations] };
}

/** Keeps the shapes, rally, draft and difference sources in step with the stores. */
function useShapeSources(map: MapLibreMap | null, ready: boolean): void {
  const doc = usePlanStore((s) => s.doc);
  const selectedShapeId = usePlanStore((s) => s.selectedShapeId);
  const differing = useDifferingItems();
  useEffect(() => {
    if (map && ready) setShapeData(map, SHAPES_SOURCE, shapesGeoJson(doc?.shapes ?? [], selectedShapeId));
  }, [map, ready, doc?.shapes, selectedShapeId]);
  useEffect(() => {
    if (map && ready) setShapeData(map, RALLY_SOURCE, rallyGeoJson(doc?.plan.rally.points ?? []));
  }, [map, ready, doc?.plan.rally.points]);
  // The cursor moves many times a second while drawing: the draft is painted from a store
  // subscription, not through React state, so the Plan view does not re-render on every mouse move.
  useEffect(() => {
    if (!map || !ready) return;
    const paint = () => setShapeData(map, DRAFT_SOURCE, draftData());
    paint();
    const offUi = useShapeUi.subscribe(paint);
    const offTool = usePlanStore.subscribe((s, prev) => s.tool !== prev.tool && paint());
    return () => {
      offUi();
      offTool();
    };
  }, [map, ready]);
  useEffect(() => {
    if (!map || !ready) return;
    setShapeData(map, DIFF_SOURCE, diffGeoJson(doc?.plan ?? null, differing));
  }, [map, ready, doc?.plan, differing]);
}

export function useShapeDrawing(map: MapLibreMap | null, layersReady: boolean): void {
  const tool = usePlanStore((s) => s.tool);
  const hasDoc = usePlanStore((s) => s.doc !== null);

  useEffect(() => {
    if (map && layersReady) addShapeLayers(map);
  }, [map, layersReady]);
  useShapeSources(map, layersReady);
  const fitTo = useShapeUi((s) => s.fitTo);
  useEffect(() => {
    if (!map || !fitTo) return;
    const b = boundsOf(fitTo);
    if (b) map.fitBounds(b, { padding: 80, duration: 0, maxZoom: 17 });
    useShapeUi.getState().setFitTo(null);
  }, [map, fitTo]);

  // A tool change drops what the previous tool had half done; picking stations lives on the point tool.
  useEffect(() => () => {
    useShapeUi.getState().setDraft([]);
    useShapeUi.getState().setCircleCentre(null);
  }, [tool]);
  useEffect(() => {
    if (tool !== 'drawPoint') useShapeUi.getState().setPicking(false);
  }, [tool]);

  useEffect(() => {
    if (!map || !layersReady || !hasDoc) return;
    const ui = useShapeUi.getState;
    const store = usePlanStore.getState;
    const drawing = isDrawTool(tool) || tool === 'fenceCircle' || tool === 'rally';
    // Rally drag: press on a rally point, move, release. One gesture key, so one undo step.
    let dragging: { index: number; gesture: string } | null = null;
    // The click that ends a drag (or a press on a point) must not add another rally point.
    let dragEnded = false;
    const onClick = (e: MapMouseEvent) => {
      const p = at(e);
      if (tool === 'drawPoint' && ui().pickingStations) ui().setPickedStations([...ui().pickedStations, p]);
      else if (tool === 'drawPoint') {
        ui().setDraft([p]);
        finishDrawing(tool);
      } else if (isDrawTool(tool)) ui().setDraft([...ui().draft, p]);
      else if (tool === 'fenceCircle') {
        const c = ui().circleCentre;
        if (!c) ui().setCircleCentre(p);
        else {
          store().edit(tl('plan.fence.editCircle'), (d) => addFenceCircle(d, c, Math.round(distanceM(c, p)), false));
          ui().setCircleCentre(null);
        }
      } else if (tool === 'rally' && !dragEnded) store().edit(tl('plan.rally.editAdd'), (d) => addRally(d, p));
    };
    const onDblClick = (e: MapMouseEvent) => {
      if (!isDrawTool(tool) || tool === 'drawPoint') return;
      e.preventDefault();
      finishDrawing(tool);
    };
    const onMove = (e: MapMouseEvent) => {
      if (isDrawTool(tool) ? ui().draft.length > 0 : tool === 'fenceCircle' && ui().circleCentre) ui().setCursor(at(e));
    };
    // Capture phase, so a key that acts on the drawing is ours alone: Backspace must take back a vertex,
    // not also delete the selected mission items (edit/usePlanShortcuts listens on the bubble phase).
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const u = ui();
      const draft = u.draft.length > 0;
      let handled = true;
      // Esc first drops what is being drawn; with nothing in hand it leaves the tool (back to select).
      if (e.key === 'Escape' && (draft || u.circleCentre !== null || u.pickingStations)) cancelDrawing();
      else if (e.key === 'Escape' && tool !== 'select' && tool !== 'addWaypoint') store().setTool('select');
      else if (e.key === 'Enter' && isDrawTool(tool) && draft) finishDrawing(tool);
      else if (e.key === 'Backspace' && isDrawTool(tool) && draft) u.setDraft(u.draft.slice(0, -1));
      else handled = false;
      // The Plan view's shortcuts leave Esc and Backspace to an active drawing tool (usePlanShortcuts),
      // so no capture phase or stopPropagation is needed to keep them apart.
      if (handled) e.preventDefault();
    };
    const onShapeClick = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id;
      if (typeof id === 'string') store().selectShape(id);
    };
    const onDown = () => {
      dragEnded = false;
    };
    const onRallyDown = (e: MapLayerMouseEvent) => {
      const index = e.features?.[0]?.properties?.index;
      if (typeof index !== 'number') return;
      e.preventDefault();
      dragging = { index, gesture: `rally-drag-${Date.now()}` };
      map.dragPan.disable();
    };
    const onDragMove = (e: MapMouseEvent) => {
      if (!dragging) return;
      const { index, gesture } = dragging;
      store().edit(tl('plan.rally.editMove'), (d) => moveRally(d, index, at(e)), { gesture });
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = null;
      store().endGesture();
      map.dragPan.enable();
      dragEnded = true;
    };
    if (drawing) {
      map.on('click', onClick);
      map.on('dblclick', onDblClick);
      map.on('mousemove', onMove);
      map.doubleClickZoom.disable();
      map.getCanvas().style.cursor = 'crosshair';
    }
    if (tool === 'select') for (const l of SHAPE_HIT_LAYERS) map.on('click', l, onShapeClick);
    if (tool === 'rally') {
      map.on('mousedown', onDown);
      map.on('mousedown', RALLY_LAYER, onRallyDown);
      map.on('mousemove', onDragMove);
      map.on('mouseup', onUp);
    }
    window.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDblClick);
      map.off('mousemove', onMove);
      for (const l of SHAPE_HIT_LAYERS) map.off('click', l, onShapeClick);
      map.off('mousedown', onDown);
      map.off('mousedown', RALLY_LAYER, onRallyDown);
      map.off('mousemove', onDragMove);
      map.off('mouseup', onUp);
      window.removeEventListener('keydown', onKey);
      if (drawing) {
        map.doubleClickZoom.enable();
        map.getCanvas().style.cursor = '';
      }
      map.dragPan.enable();
    };
  }, [map, layersReady, hasDoc, tool]);
}
