// The item editor: for one selected item its command, position, altitude and frame, speed from it on,
// hold time and every param with its MAVLink name and unit; for several, what they can share
// (altitude, frame, speed). Every change is one undoable edit through edit-ops.
import type { ReactNode } from 'react';
import { useT, type TFunction } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { MAV_CMD } from '../../../../shared/plan/mav-enums';
import type { MissionItem, Plan } from '../../../../shared/plan/types';
import { jumpSeqBase, moveItemTo, setItemFields, setItemsSpeed, speedAfter, type ParamKey } from '../../../../shared/planning';
import { ALT_FRAMES, COMMANDS, commandMeta, editorFrame, paramsOf } from './commandMeta';
import { applyOp } from './editActions';
import { NumberField } from './NumberField';

const PARAM_KEYS: readonly ParamKey[] = ['param1', 'param2', 'param3', 'param4'];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="pe-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The value all items share, or undefined when they differ. */
function common<T>(items: MissionItem[], get: (it: MissionItem) => T): T | undefined {
  const v = get(items[0]);
  return items.every((it) => Object.is(get(it), v)) ? v : undefined;
}

/** Altitude, frame and speed of one or several items; a DO_ item among several keeps its own x/y/z. */
function AltitudeAndSpeed({ indexes, all }: { indexes: number[]; all: MissionItem[] }) {
  const t = useT();
  const placed = indexes.filter((i) => commandMeta(all[i].command)?.positioned ?? true);
  const items = placed.map((i) => all[i]);
  if (items.length === 0) return null;
  const alt = common(items, (it) => it.z);
  const frame = common(items, (it) => editorFrame(it.frame));
  const speeds = placed.map((i) => speedAfter(all, i));
  const speed = speeds.every((v) => Object.is(v, speeds[0])) ? speeds[0] : undefined;
  return (
    <>
      <Field label={t('planEdit.altitude')}>
        <NumberField label={t('planEdit.altitude')} value={alt} min={-500} max={10_000} testId="pe-alt" onCommit={(v) => applyOp('planEdit.op.alt', (d) => setItemFields(d, placed, { altM: v }))} />
      </Field>
      <Field label={t('planEdit.frame')}>
        <select
          className="pe-select"
          aria-label={t('planEdit.frame')}
          data-testid="pe-frame"
          value={frame === undefined ? '' : String(frame)}
          onChange={(e) => applyOp('planEdit.op.frame', (d) => setItemFields(d, placed, { frame: Number(e.target.value) }))}
        >
          {frame === undefined && <option value="">{t('planEdit.mixed')}</option>}
          {frame !== undefined && !ALT_FRAMES.some((f) => f.frame === frame) && <option value={String(frame)}>{t('planEdit.frameOther', { n: frame })}</option>}
          {ALT_FRAMES.map((f) => (
            <option key={f.frame} value={String(f.frame)}>
              {t(f.key)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('planEdit.speed')}>
        <NumberField
          label={t('planEdit.speed')}
          value={speed}
          allowEmpty
          min={0.1}
          max={100}
          testId="pe-speed"
          onCommit={(v) => applyOp('planEdit.op.speed', (d) => setItemsSpeed(d, placed, Number.isNaN(v) ? null : v))}
        />
        <span className="pe-unit">{t('unit.mps')}</span>
      </Field>
    </>
  );
}

function SingleItem({ index, item, all }: { index: number; item: MissionItem; all: MissionItem[] }) {
  const t = useT();
  const plan = usePlanStore((s) => s.plan);
  const meta = commandMeta(item.command);
  const params = paramsOf(item.command);
  return (
    <>
      <Field label={t('planEdit.command')}>
        <select
          className="pe-select"
          data-testid="pe-command"
          value={String(item.command)}
          onChange={(e) => applyOp('planEdit.op.command', (d) => setItemFields(d, [index], { command: Number(e.target.value) }))}
        >
          {!meta && <option value={String(item.command)}>{t('planEdit.cmdNumber', { n: item.command })}</option>}
          {COMMANDS.map((m) => (
            <option key={m.command} value={String(m.command)}>
              {t(m.nameKey)} · {m.mavName}
            </option>
          ))}
        </select>
      </Field>
      {(meta?.positioned ?? true) && (
        <>
          <Field label={t('planEdit.lat')}>
            <NumberField label={t('planEdit.lat')} value={item.x} min={-90} max={90} testId="pe-lat" onCommit={(v) => applyOp('planEdit.op.move', (d) => moveItemTo(d, index, { lat: v, lon: item.y }))} />
          </Field>
          <Field label={t('planEdit.lon')}>
            <NumberField label={t('planEdit.lon')} value={item.y} min={-180} max={180} testId="pe-lon" onCommit={(v) => applyOp('planEdit.op.move', (d) => moveItemTo(d, index, { lat: item.x, lon: v }))} />
          </Field>
          <AltitudeAndSpeed indexes={[index]} all={all} />
        </>
      )}
      {meta?.holdParam && (
        <Field label={t('planEdit.hold')}>
          <NumberField label={t('planEdit.hold')} value={item.param1} min={0} max={86_400} testId="pe-hold" onCommit={(v) => applyOp('planEdit.op.hold', (d) => setItemFields(d, [index], { params: { param1: v } }))} />
          <span className="pe-unit">s</span>
        </Field>
      )}
      <fieldset className="pe-params">
        <legend>{t('planEdit.params')}</legend>
        {PARAM_KEYS.map((k, n) => {
          const p = params[n];
          // Hold time has its own field above: the same param twice would be two ways to type one value.
          if (!p || (meta?.holdParam === 1 && k === 'param1')) return null;
          return (
            <Field key={k} label={`${n + 1} · ${p.label}`}>
              <NumberField label={p.label} value={item[k]} allowEmpty testId={`pe-${k}`} onCommit={(v) => applyOp('planEdit.op.param', (d) => setItemFields(d, [index], { params: { [k]: v } }))} />
              <span className="pe-unit">{p.unit ?? ''}</span>
            </Field>
          );
        })}
        {item.command === MAV_CMD.DO_JUMP && <p className="pe-note">{jumpNote(t, item, plan)}</p>}
      </fieldset>
    </>
  );
}

/** DO_JUMP's Number is a wire seq; say which item of the list that is. */
function jumpNote(t: TFunction, item: MissionItem, plan: Plan | null): string {
  const target = plan ? Math.round(item.param1) - jumpSeqBase(plan) : -1;
  return plan && target >= 0 && target < plan.mission.items.length ? t('planEdit.jumpTo', { n: target + 1 }) : t('planEdit.jumpNowhere');
}

export function ItemEditor() {
  const t = useT();
  const selection = usePlanStore((s) => s.selection);
  const all = usePlanStore((s) => s.plan?.mission.items);
  if (!all || selection.length === 0) return <p className="plan-hint">{t('planEdit.noSelection')}</p>;
  const indexes = [...selection].sort((a, b) => a - b);
  if (indexes.length === 1) {
    const item = all[indexes[0]];
    if (!item) return null;
    return (
      <section className="pe-editor" data-testid="pe-editor" data-index={indexes[0]}>
        <h4>{t('planEdit.itemN', { n: indexes[0] + 1 })}</h4>
        {/* Keyed by index: another item's editor starts from its own values, never a stale field. */}
        <SingleItem key={indexes[0]} index={indexes[0]} item={item} all={all} />
      </section>
    );
  }
  const valid = indexes.filter((i) => all[i] !== undefined);
  return (
    <section className="pe-editor" data-testid="pe-editor">
      <h4>{t('planEdit.nSelected', { n: valid.length })}</h4>
      <AltitudeAndSpeed indexes={valid} all={all} />
    </section>
  );
}
