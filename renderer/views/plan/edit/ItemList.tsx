// The mission's items in order: number, command, altitude with its frame, pattern. Click selects,
// Shift-click a range, Ctrl-click toggles; rows are dragged to reorder, or moved with the buttons.
// A 2,000-item plan renders only the rows in view (fixed row height), so the list stays quick.
import { memo, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useT, type TFunction } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import type { MissionItem } from '../../../../shared/plan/types';
import { moveItemsTo, type PatternInstance } from '../../../../shared/planning';
import { commandMeta, frameShortKey } from './commandMeta';
import { applyOp } from './editActions';
import { useDifferingItems } from '../shapes/useDifferingItems';

const ROW_PX = 26;
const OVERSCAN = 10;

function commandLabel(t: TFunction, command: number): string {
  const m = commandMeta(command);
  return m ? t(m.nameKey) : t('planEdit.cmdNumber', { n: command });
}

function altLabel(t: TFunction, it: MissionItem): string {
  const m = commandMeta(it.command);
  const key = frameShortKey(it.frame);
  if ((m && !m.positioned) || !key || !Number.isFinite(it.z)) return '';
  return `${Math.round(it.z * 10) / 10} ${t('unit.m')} ${t(key)}`;
}

interface RowProps {
  index: number;
  item: MissionItem;
  selected: boolean;
  /** The vehicle's copy of this item differs (after "Compare with vehicle"). */
  differs: boolean;
  pattern: string | null;
  onPick: (index: number, e: MouseEvent) => void;
  onDragStart: (index: number, e: DragEvent) => void;
  onDrop: (index: number, e: DragEvent) => void;
}

const Row = memo(function Row({ index, item, selected, differs, pattern, onPick, onDragStart, onDrop }: RowProps) {
  const t = useT();
  return (
    <li
      className={`pe-row${selected ? ' pe-row--selected' : ''}${differs ? ' pe-row--differs' : ''}`}
      style={{ top: index * ROW_PX }}
      draggable
      data-testid="plan-item-row"
      data-index={index}
      aria-selected={selected}
      data-differs={differs || undefined}
      onDragStart={(e) => onDragStart(index, e)}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => onDrop(index, e)}
    >
      <button type="button" onClick={(e) => onPick(index, e)}>
        <span className="pe-row__n">{index + 1}</span>
        <span className="pe-row__cmd">{commandLabel(t, item.command)}</span>
        <span className="pe-row__alt">{altLabel(t, item)}</span>
        {pattern && <span className="pe-row__pattern" title={t('planEdit.inPattern', { id: pattern })}>{pattern}</span>}
        {differs && <span className="pe-row__differs" title={t('planEdit.differsOnVehicle')}>≠</span>}
      </button>
    </li>
  );
});

function patternOf(patterns: PatternInstance[]): (i: number) => string | null {
  return (i) => patterns.find((p) => i >= p.firstIndex && i < p.firstIndex + p.itemCount)?.id ?? null;
}

export function ItemList() {
  const items = usePlanStore((s) => s.plan?.mission.items);
  const patterns = usePlanStore((s) => s.patterns);
  const selection = usePlanStore((s) => s.selection);
  const selectedIndex = usePlanStore((s) => s.selectedIndex);
  const box = useRef<HTMLDivElement | null>(null);
  const anchor = useRef<number | null>(null);
  const dragFrom = useRef<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const selected = useMemo(() => new Set(selection), [selection]);
  const differing = useDifferingItems();
  const differs = useMemo(() => new Set(differing), [differing]);
  const inPattern = useMemo(() => patternOf(patterns), [patterns]);
  const list = items ?? [];

  const onPick = useMemo(
    () => (index: number, e: MouseEvent) => {
      const s = usePlanStore.getState();
      if (e.shiftKey && anchor.current !== null) {
        const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
        s.setSelection(Array.from({ length: b - a + 1 }, (_, k) => a + k));
        return;
      }
      anchor.current = index;
      if (e.ctrlKey || e.metaKey) s.toggleItem(index);
      else s.selectItem(index);
    },
    [],
  );
  const onDragStart = useMemo(
    () => (index: number, e: DragEvent) => {
      dragFrom.current = index;
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', String(index));
    },
    [],
  );
  const onDrop = useMemo(
    () => (index: number, e: DragEvent) => {
      e.preventDefault();
      const from = dragFrom.current;
      dragFrom.current = null;
      if (from === null || from === index) return;
      const s = usePlanStore.getState();
      // Dragging a selected row moves the whole selection; any other row moves alone.
      const moving = s.selection.includes(from) ? s.selection : [from];
      // Dropped on a row: the moved items take that row's place (before it going up, after it going down).
      const to = index - moving.filter((i) => i < index).length + (from < index ? 1 : 0);
      applyOp('planEdit.op.reorder', (doc) => moveItemsTo(doc, moving, to));
    },
    [],
  );

  // An item picked on the map scrolls into view here.
  useEffect(() => {
    const el = box.current;
    if (!el || selectedIndex === null) return;
    const top = selectedIndex * ROW_PX;
    if (top < el.scrollTop || top + ROW_PX > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [selectedIndex]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const last = Math.min(list.length, Math.ceil((scrollTop + height) / ROW_PX) + OVERSCAN);
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(<Row key={i} index={i} item={list[i]} selected={selected.has(i)} differs={differs.has(i)} pattern={inPattern(i)} onPick={onPick} onDragStart={onDragStart} onDrop={onDrop} />);
  }
  return (
    <div
      className="pe-list"
      data-testid="plan-items"
      ref={(el) => {
        box.current = el;
        if (el && el.clientHeight && el.clientHeight !== height) setHeight(el.clientHeight);
      }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ol style={{ height: list.length * ROW_PX }}>{rows}</ol>
    </div>
  );
}
