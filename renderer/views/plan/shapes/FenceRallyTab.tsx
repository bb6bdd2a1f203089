// Geofence (inclusion and exclusion polygons and circles) and rally points. A selected polygon shape
// becomes a fence polygon; the fence circle tool places circles; the rally tool adds and drags rally
// points. Every change is one undoable edit.
import { useState } from 'react';
import { addFenceCircle, fenceFromShape, removeFence, removeRally, setFenceInclusion, setRallyAlt, type FenceRef } from '../../../../shared/planning';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { useShapeUi } from './shapeUiStore';
import { tl } from './useShapeDrawing';
import '../../../styles/plan-shapes.css';
import './shapes-layout.css';

function CircleRadius() {
  const t = useT();
  const centre = useShapeUi((s) => s.circleCentre);
  const setCentre = useShapeUi((s) => s.setCircleCentre);
  const edit = usePlanStore((s) => s.edit);
  const [text, setText] = useState('100');
  const r = Number(text.replace(',', '.'));
  const ok = Number.isFinite(r) && r >= 1 && r <= 100_000;
  if (!centre) return <p className="plan-hint">{t('plan.fence.circleHint')}</p>;
  return (
    <form className="plan-row" onSubmit={(e) => {
      e.preventDefault();
      if (!ok) return;
      edit(tl('plan.fence.editCircle'), (d) => addFenceCircle(d, centre, r, false));
      setCentre(null);
    }}>
      <label className="plan-field">
        <span>{t('plan.fence.radius')}</span>
        <input value={text} inputMode="decimal" data-testid="fence-circle-radius" onChange={(e) => setText(e.target.value)} />
        <span className="plan-field__unit">{t('plan.unit.m')}</span>
      </label>
      <button type="submit" className="btn" disabled={!ok} data-testid="fence-circle-add">{t('plan.fence.addCircle')}</button>
    </form>
  );
}

function FenceList() {
  const t = useT();
  const fence = usePlanStore((s) => s.doc?.plan.fence);
  const edit = usePlanStore((s) => s.edit);
  if (!fence) return null;
  const rows: Array<{ ref: FenceRef; inclusion: boolean; label: string }> = [
    ...fence.polygons.map((p, index) => ({ ref: { kind: 'polygon' as const, index }, inclusion: p.inclusion, label: t('plan.fence.polygonN', { n: index + 1, v: p.vertices.length }) })),
    ...fence.circles.map((c, index) => ({ ref: { kind: 'circle' as const, index }, inclusion: c.inclusion, label: t('plan.fence.circleN', { n: index + 1, r: Math.round(c.radiusM) }) })),
  ];
  if (rows.length === 0) return <p className="plan-hint">{t('plan.fence.none')}</p>;
  return (
    <ul className="plan-list" data-testid="fence-list">
      {rows.map(({ ref, inclusion, label }) => (
        <li key={`${ref.kind}${ref.index}`} className={`plan-list__row plan-fence--${inclusion ? 'inclusion' : 'exclusion'}`}>
          <div className="plan-row">
            <span className="plan-list__main">{label}</span>
            <select value={inclusion ? 'in' : 'out'} aria-label={t('plan.fence.type')} data-testid={`fence-type-${ref.kind}-${ref.index}`} onChange={(e) => edit(tl('plan.fence.editType'), (d) => setFenceInclusion(d, ref, e.target.value === 'in'))}>
              <option value="in">{t('plan.fence.inclusion')}</option>
              <option value="out">{t('plan.fence.exclusion')}</option>
            </select>
            <button type="button" className="btn btn--small" data-testid={`fence-delete-${ref.kind}-${ref.index}`} onClick={() => edit(tl('plan.fence.editDelete'), (d) => removeFence(d, ref))}>{t('plan.shapes.delete')}</button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function RallyAlt(props: { index: number; altM: number }) {
  const t = useT();
  const edit = usePlanStore((s) => s.edit);
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    edit(tl('plan.rally.editAlt'), (d) => setRallyAlt(d, props.index, Number(text.replace(',', '.'))));
    setText(null);
  };
  return (
    <label className="plan-field plan-field--inline">
      <input value={text ?? String(props.altM)} inputMode="decimal" aria-label={t('plan.rally.alt')} data-testid={`rally-alt-${props.index}`} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <span className="plan-field__unit">{t('plan.rally.altUnit')}</span>
    </label>
  );
}

function RallyList() {
  const t = useT();
  const points = usePlanStore((s) => s.doc?.plan.rally.points);
  const edit = usePlanStore((s) => s.edit);
  if (!points || points.length === 0) return <p className="plan-hint">{t('plan.rally.none')}</p>;
  return (
    <ul className="plan-list" data-testid="rally-list">
      {points.map((p, i) => (
        <li key={i} className="plan-list__row">
          <div className="plan-row">
            <span className="plan-list__main plan-list__main--keep">{t('plan.rally.n', { n: i + 1 })}</span>
            <RallyAlt index={i} altM={p.altM} />
            <button type="button" className="btn btn--small" data-testid={`rally-delete-${i}`} onClick={() => edit(tl('plan.rally.editDelete'), (d) => removeRally(d, i))}>{t('plan.shapes.delete')}</button>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function FenceRallyTab() {
  const t = useT();
  const doc = usePlanStore((s) => s.doc);
  const selectedId = usePlanStore((s) => s.selectedShapeId);
  const tool = usePlanStore((s) => s.tool);
  const setTool = usePlanStore((s) => s.setTool);
  const edit = usePlanStore((s) => s.edit);
  const selectShape = usePlanStore((s) => s.selectShape);
  if (!doc) return null;
  const shape = doc.shapes.find((s) => s.id === selectedId && s.kind === 'polygon');
  // The area is deselected once it is a fence: drawn selected, its yellow fill hid the fence's green or red.
  const toFence = (inclusion: boolean) => {
    if (!shape) return;
    edit(tl('plan.fence.editFromShape'), (d) => fenceFromShape(d, shape.id, inclusion));
    selectShape(null);
  };
  return (
    <div className="plan-fence-tab" data-testid="plan-fence-tab">
      <div className="panel-title">{t('plan.fence.title')}</div>
      <p className="plan-hint" data-testid="plan-fence-summary">
        {t('plan.fence.summary', { p: doc.plan.fence.polygons.length, c: doc.plan.fence.circles.length, r: doc.plan.rally.points.length })}
      </p>
      {shape ? (
        <div className="plan-row">
          <button type="button" className="btn" data-testid="fence-from-shape-in" onClick={() => toFence(true)}>{t('plan.fence.makeInclusion')}</button>
          <button type="button" className="btn" data-testid="fence-from-shape-out" onClick={() => toFence(false)}>{t('plan.fence.makeExclusion')}</button>
        </div>
      ) : (
        <p className="plan-hint">{t('plan.fence.selectPolygon')}</p>
      )}
      <button type="button" className={`btn${tool === 'fenceCircle' ? ' plan-tool--on' : ''}`} data-testid="fence-circle-tool" onClick={() => setTool(tool === 'fenceCircle' ? 'select' : 'fenceCircle')}>{t('plan.tool.fenceCircle')}</button>
      {tool === 'fenceCircle' && <CircleRadius />}
      <FenceList />
      <div className="panel-title">{t('plan.rally.title')}</div>
      <button type="button" className={`btn${tool === 'rally' ? ' plan-tool--on' : ''}`} data-testid="rally-tool" onClick={() => setTool(tool === 'rally' ? 'select' : 'rally')}>{t('plan.tool.rally')}</button>
      {tool === 'rally' && <p className="plan-hint">{t('plan.rally.hint')}</p>}
      <RallyList />
    </div>
  );
}
