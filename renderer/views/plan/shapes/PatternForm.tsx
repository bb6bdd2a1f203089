// One pattern's parameters as a form with units, the area / track / time it gives, and the button
// that adds it to the mission (or applies the change to a pattern already there). The path the
// pattern would fly is previewed on the map while the form is open.
import { useEffect, useMemo, useState } from 'react';
import { compilePattern, generatePath, patternSpecSchema, patternStats, type PatternSpec } from '../../../../shared/planning';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { fieldsFor, getField, parseNumber, setField, type Field, type Unit } from './patternFields';
import { useShapeUi } from './shapeUiStore';
import { StationsPicker } from './StationsPicker';
import './shapes-layout.css';

function NumberInput(props: { f: Extract<Field, { type: 'number' }>; spec: PatternSpec; text: string | undefined; onText: (t: string) => void }) {
  const t = useT();
  const { f, spec } = props;
  const v = getField(spec, f.key);
  const shown = props.text ?? (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
  const bad = Number.isNaN(parseNumber(shown, f) as number);
  return (
    <label className={`plan-field${bad ? ' plan-field--bad' : ''}`}>
      <span>{t(f.label)}</span>
      <input type="text" inputMode="decimal" value={shown} placeholder={f.optional ? t('plan.field.auto') : ''} data-testid={`pattern-field-${f.key}`} onChange={(e) => props.onText(e.target.value)} />
      {f.unit !== 'none' && <span className="plan-field__unit">{t(`plan.unit.${f.unit as Exclude<Unit, 'none'>}`)}</span>}
    </label>
  );
}

export function PatternForm(props: { initial: PatternSpec; submitLabel: string; onSubmit: (spec: PatternSpec) => void; onCancel?: () => void }) {
  const t = useT();
  const speed = usePlanStore((s) => s.doc?.settings.defaultSpeedMps ?? 10);
  const [spec, setSpec] = useState<PatternSpec>(props.initial);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const setPreview = useShapeUi((s) => s.setPreview);
  useEffect(() => {
    setSpec(props.initial);
    setTexts({});
  }, [props.initial]);

  const valid = useMemo(() => patternSpecSchema.safeParse(spec).success && fieldsFor(spec).every((f) => f.type !== 'number' || !Number.isNaN(parseNumber(texts[f.key] ?? String(getField(spec, f.key) ?? ''), f) as number)), [spec, texts]);
  const stats = useMemo(() => (valid ? { ...patternStats(spec, speed), items: compilePattern(spec, { firstSeq: 1 }).length } : null), [valid, spec, speed]);
  useEffect(() => {
    setPreview(valid ? generatePath(spec).points : null);
  }, [valid, spec, setPreview]);
  useEffect(() => () => setPreview(null), [setPreview]);

  const change = (key: string, value: unknown) => setSpec((s) => setField(s, key, value));
  return (
    <form className="plan-pattern-form" data-testid="pattern-form" onSubmit={(e) => (e.preventDefault(), valid && props.onSubmit(spec))}>
      {fieldsFor(spec).map((f) => {
        if (f.type === 'number') {
          return (
            <NumberInput key={f.key} f={f} spec={spec} text={texts[f.key]} onText={(text) => {
              setTexts((x) => ({ ...x, [f.key]: text }));
              const n = parseNumber(text, f);
              // An unreadable number is kept as typed and marked; the spec keeps its last good value.
              if (!Number.isNaN(n as number)) change(f.key, n);
            }} />
          );
        }
        if (f.type === 'bool') {
          return (
            <label key={f.key} className="plan-field plan-field--bool">
              <input type="checkbox" checked={getField(spec, f.key) === true} data-testid={`pattern-field-${f.key}`} onChange={(e) => change(f.key, e.target.checked)} />
              <span>{t(f.label)}</span>
            </label>
          );
        }
        return (
          <label key={f.key} className="plan-field plan-field--choice">
            <span>{t(f.label)}</span>
            <select value={String(getField(spec, f.key))} data-testid={`pattern-field-${f.key}`} onChange={(e) => change(f.key, e.target.value)}>
              {f.choices.map((c) => (
                <option key={c.value} value={c.value}>{t(c.label)}</option>
              ))}
            </select>
          </label>
        );
      })}
      {spec.kind === 'overwatch' && <StationsPicker stations={spec.stations} onStations={(s) => change('stations', s)} />}
      {stats ? (
        <dl className="plan-stats" data-testid="pattern-stats">
          <dt>{t('plan.pattern.area')}</dt>
          <dd>{stats.areaM2 > 0 ? t('plan.pattern.ha', { ha: (stats.areaM2 / 10_000).toFixed(2) }) : '—'}</dd>
          <dt>{t('plan.pattern.track')}</dt>
          <dd>{t('plan.km', { km: (stats.trackM / 1000).toFixed(2) })}</dd>
          <dt>{t('plan.pattern.time')}</dt>
          <dd>{t('plan.min', { min: (stats.timeS / 60).toFixed(1) })}</dd>
          <dt>{t('plan.items')}</dt>
          <dd>{stats.items}</dd>
        </dl>
      ) : (
        <p className="plan-error" role="alert">{t('plan.pattern.invalid')}</p>
      )}
      <div className="plan-row">
        <button type="submit" className="btn" disabled={!valid} data-testid="pattern-submit">{props.submitLabel}</button>
        {props.onCancel && <button type="button" className="btn" onClick={props.onCancel}>{t('plan.shapes.cancel')}</button>}
      </div>
    </form>
  );
}
