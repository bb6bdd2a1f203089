// A button that acts only when held: a stray touch on a moving vehicle's screen must not arm,
// land or send it somewhere. Pointer or keyboard (Space/Enter) held for HOLD_MS confirms.
//
// The hold is measured on the events' own clock (event.timeStamp: when the press and the release
// happened), not only by the timer. A busy page (a long MapLibre frame in software GL, a loaded
// laptop) runs overdue timers after pending input, so a release could be handled before a timer that
// was due long before it, and cancel a hold that was long enough. The timer still confirms while the
// button is held; a release that comes first confirms if the hold lasted HOLD_MS.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export const HOLD_MS = 800;

const HOLD_KEYS = new Set([' ', 'Enter']);

/**
 * An event's time on the page's clock (performance.now()). React puts Date.now() in a stamp the
 * browser left at 0, which is on another clock and would make any press look endless; such a stamp,
 * or none, counts as the moment the event is handled (what a timer alone would measure).
 */
export function eventTime(e: { timeStamp: number }): number {
  const now = performance.now();
  return Number.isFinite(e.timeStamp) && e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now;
}

export function HoldButton(props: { onConfirm: () => void; disabled?: boolean; children: ReactNode; testId?: string; title: string; tone?: 'danger' }) {
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the current hold began (event time); null when nothing is held. */
  const pressedAt = useRef<number | null>(null);
  const confirmRef = useRef(props.onConfirm);
  confirmRef.current = props.onConfirm;
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pressedAt.current = null;
    setHolding(false);
  };
  const confirm = () => {
    cancel();
    confirmRef.current();
  };
  const start = (atMs: number) => {
    if (props.disabled || timer.current) return;
    pressedAt.current = atMs;
    setHolding(true);
    timer.current = setTimeout(confirm, HOLD_MS);
  };
  /** Let go: the timer may not have run yet, however long ago it fell due. */
  const release = (atMs: number) => {
    const since = pressedAt.current;
    if (timer.current !== null && since !== null && atMs - since >= HOLD_MS) confirm();
    else cancel();
  };
  useEffect(() => cancel, []);
  return (
    <button
      type="button"
      className={`hold-button${holding ? ' holding' : ''}${props.tone === 'danger' ? ' hold-danger' : ''}`}
      disabled={props.disabled}
      title={props.title}
      data-testid={props.testId}
      onPointerDown={(e) => {
        // Captured: a panel above growing (a new status line) moves the button under a still finger,
        // which must not cancel the hold; only letting go does.
        e.currentTarget.setPointerCapture(e.pointerId);
        start(eventTime(e));
      }}
      onPointerUp={(e) => release(eventTime(e))}
      onPointerCancel={cancel}
      onKeyDown={(e) => {
        if (HOLD_KEYS.has(e.key) && !e.repeat) {
          e.preventDefault();
          start(eventTime(e));
        }
      }}
      onKeyUp={(e) => HOLD_KEYS.has(e.key) && release(eventTime(e))}
      onBlur={cancel}
    >
      <span className="hold-fill" aria-hidden="true" />
      <span className="hold-label">{props.children}</span>
    </button>
  );
}
