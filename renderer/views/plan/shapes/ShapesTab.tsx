// The shapes drawn or imported (search areas, patrol lines, crowds, points of interest), the pattern
// panel for the selected one, and the patterns in the plan.
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { MapFileBar } from './MapFileBar';
import { PatternList } from './PatternList';
import { PatternPanel } from './PatternPanel';
import { ShapeList } from './ShapeList';
import { useShapeUi } from './shapeUiStore';
import '../../../styles/plan-shapes.css';

const NONE: never[] = [];

export function ShapesTab() {
  const t = useT();
  const shapes = usePlanStore((s) => s.doc?.shapes ?? NONE);
  const selectedId = usePlanStore((s) => s.selectedShapeId);
  const selected = shapes.find((s) => s.id === selectedId) ?? null;
  const editingId = useShapeUi((s) => s.editingPattern);
  // A pattern undone away while open no longer hides the form.
  const editing = usePlanStore((s) => editingId !== null && (s.doc?.patterns.some((p) => p.id === editingId) ?? false));
  return (
    <div className="plan-shapes-tab" data-testid="plan-shapes-tab">
      <MapFileBar />
      {shapes.length === 0 ? <p className="plan-hint">{t('plan.shapes.none')}</p> : <ShapeList shapes={shapes} />}
      {editing ? null : selected ? <PatternPanel key={selected.id} shape={selected} /> : shapes.length > 0 && <p className="plan-hint">{t('plan.shapes.selectHint')}</p>}
      <PatternList />
    </div>
  );
}
