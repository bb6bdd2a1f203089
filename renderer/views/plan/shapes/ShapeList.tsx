// The drawn and imported shapes: select (highlighted on the map), rename, delete.
import { useEffect, useState } from 'react';
import { removeShape, renameShape, type PlanShape } from '../../../../shared/planning';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { tl } from './useShapeDrawing';

function NameInput(props: { shape: PlanShape }) {
  const t = useT();
  const edit = usePlanStore((s) => s.edit);
  const [text, setText] = useState(props.shape.name ?? '');
  useEffect(() => setText(props.shape.name ?? ''), [props.shape.name]);
  const commit = () => edit(tl('plan.shapes.editRename'), (d) => renameShape(d, props.shape.id, text));
  return (
    <input
      className="plan-list__name"
      value={text}
      maxLength={200}
      aria-label={t('plan.shapes.name')}
      placeholder={props.shape.id}
      data-testid={`shape-name-${props.shape.id}`}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

export function ShapeList(props: { shapes: PlanShape[] }) {
  const t = useT();
  const selected = usePlanStore((s) => s.selectedShapeId);
  const selectShape = usePlanStore((s) => s.selectShape);
  const edit = usePlanStore((s) => s.edit);
  return (
    <ul className="plan-list" data-testid="plan-shapes">
      {props.shapes.map((s) => (
        <li key={s.id} className={s.id === selected ? 'plan-list__row plan-list__row--on' : 'plan-list__row'} data-testid={`shape-row-${s.id}`}>
          <div className="plan-row">
            <button type="button" className="btn btn--small" aria-pressed={s.id === selected} data-testid={`shape-select-${s.id}`} onClick={() => selectShape(s.id === selected ? null : s.id)}>
              {t(`plan.shapes.kind.${s.kind}`)}
            </button>
            <NameInput shape={s} />
            <button
              type="button"
              className="btn btn--small"
              data-testid={`shape-delete-${s.id}`}
              onClick={() => {
                edit(tl('plan.shapes.editDelete'), (d) => removeShape(d, s.id));
                if (s.id === selected) selectShape(null);
              }}
            >
              {t('plan.shapes.delete')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
