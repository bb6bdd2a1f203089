// Make a pattern from the selected shape: choose the kind the shape allows, adjust, add to the mission.
import { useEffect, useMemo, useState } from 'react';
import { addPattern, defaultSpec, KINDS_FOR_SHAPE, type PatternKind, type PatternSpec, type PlanShape } from '../../../../shared/planning';
import { routePoints } from '../../../../shared/plan/route';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { nextId } from './draft';
import { PatternForm } from './PatternForm';
import { tl } from './useShapeDrawing';

export function addPatternToDoc(spec: PatternSpec): void {
  const store = usePlanStore.getState();
  store.edit(tl('plan.pattern.editAdd'), (d) => {
    const id = nextId(spec.kind, d.patterns.map((p) => p.id));
    return addPattern(d, id, spec);
  });
}

export function PatternPanel(props: { shape: PlanShape }) {
  const t = useT();
  const kinds = KINDS_FOR_SHAPE[props.shape.kind];
  const [kind, setKind] = useState<PatternKind>(kinds[0]);
  const chosen = kinds.includes(kind) ? kind : kinds[0];
  // The form stays open after "Add to mission" (for a second pattern from the same shape): a line says
  // the first one went in, so a pilot who sees no change in the form does not add it twice.
  const [added, setAdded] = useState<PatternKind | null>(null);
  useEffect(() => setAdded(null), [chosen, props.shape.id]);
  const altM = usePlanStore((s) => s.doc?.settings.defaultAltM ?? 60);
  const shapes = usePlanStore((s) => s.doc?.shapes);
  const initial = useMemo(() => {
    const stations = (shapes ?? []).filter((s) => s.kind === 'point').map((s) => s.points[0]);
    // Read, not subscribed: where the drone comes from when the form opens; later edits keep the form.
    const plan = usePlanStore.getState().doc?.plan;
    const route = plan ? routePoints(plan) : [];
    const from = route.length > 0 ? route[route.length - 1] : plan?.mission.plannedHome;
    return defaultSpec(chosen, props.shape, { altM, stations, from });
    // Only a different shape or kind restarts the form: a new point shape must not reset what the pilot typed.
    // Not on a rename or a new point shape: the form keeps what the pilot typed unless the geometry changes.
  }, [chosen, props.shape.points, props.shape.holes, altM]);
  return (
    <section className="plan-pattern" data-testid="pattern-panel">
      <div className="panel-title">{t('plan.pattern.make', { name: props.shape.name ?? props.shape.id })}</div>
      <label className="plan-field plan-field--choice">
        <span>{t('plan.pattern.kind')}</span>
        <select value={chosen} data-testid="pattern-kind" onChange={(e) => setKind(e.target.value as PatternKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>{t(`plan.kind.${k}`)}</option>
          ))}
        </select>
      </label>
      {initial && <PatternForm initial={initial} submitLabel={t('plan.pattern.add')} onSubmit={(spec) => (addPatternToDoc(spec), setAdded(spec.kind))} />}
      {added && <p className="plan-ok" data-testid="pattern-added">{t('plan.pattern.added', { kind: t(`plan.kind.${added}`) })}</p>}
    </section>
  );
}
