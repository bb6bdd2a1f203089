// The patterns in the plan: click one to change its parameters (regenerated as one undoable edit),
// or delete it with its items (later patterns and jumps keep aiming right: shared/planning/pattern-ops).
import { removePattern, replacePatternSpec, type PatternSpec } from '../../../../shared/planning';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { PatternForm } from './PatternForm';
import { useShapeUi } from './shapeUiStore';
import { tl } from './useShapeDrawing';

const NONE: never[] = [];

export function PatternList() {
  const t = useT();
  const patterns = usePlanStore((s) => s.doc?.patterns ?? NONE);
  const edit = usePlanStore((s) => s.edit);
  const editing = useShapeUi((s) => s.editingPattern);
  const setEditing = useShapeUi((s) => s.setEditingPattern);
  if (patterns.length === 0) return null;
  const apply = (id: string, spec: PatternSpec) => {
    edit(tl('plan.pattern.editChange'), (d) => ({ ...d, ...replacePatternSpec(d.plan, d.patterns, id, spec) }));
    setEditing(null);
  };
  const remove = (id: string) => {
    edit(tl('plan.pattern.editDelete'), (d) => ({ ...d, ...removePattern(d.plan, d.patterns, id) }));
    if (editing === id) setEditing(null);
  };
  return (
    <section data-testid="pattern-list">
      <div className="panel-title">{t('plan.pattern.inPlan')} <span className="panel-count">{patterns.length}</span></div>
      <ul className="plan-list">
        {patterns.map((p) => (
          <li key={p.id} className={editing === p.id ? 'plan-list__row plan-list__row--on' : 'plan-list__row'}>
            <div className="plan-row">
              <button type="button" className="plan-list__main" data-testid={`pattern-row-${p.id}`} onClick={() => setEditing(editing === p.id ? null : p.id)}>
                {t(`plan.kind.${p.spec.kind}`)} · {t('plan.pattern.itemsRange', { from: p.firstIndex + 1, to: p.firstIndex + p.itemCount })}
              </button>
              <button type="button" className="btn btn--small" data-testid={`pattern-delete-${p.id}`} onClick={() => remove(p.id)}>{t('plan.shapes.delete')}</button>
            </div>
            {editing === p.id && <PatternForm initial={p.spec} submitLabel={t('plan.pattern.apply')} onSubmit={(s) => apply(p.id, s)} onCancel={() => setEditing(null)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
