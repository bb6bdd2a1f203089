// Edits of a PlanDoc's shapes, fence and rally points, as pure functions the Plan view hands to
// usePlanStore.edit(): each returns a new document (or the same one when nothing changes, which the
// store does not record as an edit).
import type { LatLon } from '../plan/types';
import type { PlanDoc, PlanShape } from './plan-doc';

/** Rally altitude relative to home when the pilot gives none: clear of street lights and trees. */
export const DEFAULT_RALLY_ALT_M = 50;
export const MAX_NAME_CHARS = 200;

export type FenceRef = { kind: 'polygon' | 'circle'; index: number };

const plain = (p: LatLon): LatLon => ({ lat: p.lat, lon: p.lon });
const validPoint = (p: LatLon): boolean => Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;

export function addShapes(doc: PlanDoc, shapes: PlanShape[]): PlanDoc {
  return shapes.length === 0 ? doc : { ...doc, shapes: [...doc.shapes, ...shapes] };
}

export function renameShape(doc: PlanDoc, id: string, name: string): PlanDoc {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS);
  const next = clean === '' ? undefined : clean;
  if (!doc.shapes.some((s) => s.id === id && s.name !== next)) return doc;
  return { ...doc, shapes: doc.shapes.map((s) => (s.id === id ? { ...s, name: next } : s)) };
}

export function removeShape(doc: PlanDoc, id: string): PlanDoc {
  return doc.shapes.some((s) => s.id === id) ? { ...doc, shapes: doc.shapes.filter((s) => s.id !== id) } : doc;
}

/** A polygon shape as a fence polygon (the shape stays, so it can still make a pattern). */
export function fenceFromShape(doc: PlanDoc, id: string, inclusion: boolean): PlanDoc {
  const s = doc.shapes.find((x) => x.id === id);
  if (!s || s.kind !== 'polygon' || s.points.length < 3) return doc;
  const polygons = [...doc.plan.fence.polygons, { inclusion, vertices: s.points.map(plain) }];
  return { ...doc, plan: { ...doc.plan, fence: { ...doc.plan.fence, polygons } } };
}

export function addFenceCircle(doc: PlanDoc, center: LatLon, radiusM: number, inclusion: boolean): PlanDoc {
  if (!validPoint(center) || !(radiusM >= 1 && radiusM <= 100_000)) return doc;
  const circles = [...doc.plan.fence.circles, { inclusion, center: plain(center), radiusM }];
  return { ...doc, plan: { ...doc.plan, fence: { ...doc.plan.fence, circles } } };
}

export function setFenceInclusion(doc: PlanDoc, ref: FenceRef, inclusion: boolean): PlanDoc {
  const f = doc.plan.fence;
  if (ref.kind === 'polygon') {
    if (!f.polygons[ref.index] || f.polygons[ref.index].inclusion === inclusion) return doc;
    return { ...doc, plan: { ...doc.plan, fence: { ...f, polygons: f.polygons.map((p, i) => (i === ref.index ? { ...p, inclusion } : p)) } } };
  }
  if (!f.circles[ref.index] || f.circles[ref.index].inclusion === inclusion) return doc;
  return { ...doc, plan: { ...doc.plan, fence: { ...f, circles: f.circles.map((c, i) => (i === ref.index ? { ...c, inclusion } : c)) } } };
}

export function removeFence(doc: PlanDoc, ref: FenceRef): PlanDoc {
  const f = doc.plan.fence;
  const list = ref.kind === 'polygon' ? f.polygons : f.circles;
  if (!list[ref.index]) return doc;
  const fence = ref.kind === 'polygon' ? { ...f, polygons: f.polygons.filter((_, i) => i !== ref.index) } : { ...f, circles: f.circles.filter((_, i) => i !== ref.index) };
  return { ...doc, plan: { ...doc.plan, fence } };
}

export function addRally(doc: PlanDoc, at: LatLon, altM = DEFAULT_RALLY_ALT_M): PlanDoc {
  if (!validPoint(at)) return doc;
  return { ...doc, plan: { ...doc.plan, rally: { points: [...doc.plan.rally.points, { lat: at.lat, lon: at.lon, altM }] } } };
}

export function moveRally(doc: PlanDoc, index: number, to: LatLon): PlanDoc {
  if (!doc.plan.rally.points[index] || !validPoint(to)) return doc;
  return { ...doc, plan: { ...doc.plan, rally: { points: doc.plan.rally.points.map((p, i) => (i === index ? { ...p, lat: to.lat, lon: to.lon } : p)) } } };
}

export function setRallyAlt(doc: PlanDoc, index: number, altM: number): PlanDoc {
  const p = doc.plan.rally.points[index];
  if (!p || !Number.isFinite(altM) || altM < 0 || altM > 10_000 || p.altM === altM) return doc;
  return { ...doc, plan: { ...doc.plan, rally: { points: doc.plan.rally.points.map((q, i) => (i === index ? { ...q, altM } : q)) } } };
}

export function removeRally(doc: PlanDoc, index: number): PlanDoc {
  if (!doc.plan.rally.points[index]) return doc;
  return { ...doc, plan: { ...doc.plan, rally: { points: doc.plan.rally.points.filter((_, i) => i !== index) } } };
}
