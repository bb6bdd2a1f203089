// A button that acts only when held: a stray touch on a moving vehicle's screen must not arm,
// land or send it somewhere. Pointer or keyboard (Space/Enter) held for HOLD_MS confirms.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export const HOLD_MS = 800;

export function HoldButton(props: { onConfirm: () => void; disabled?: boolean; children: ReactNode; testId?: string; title: string; tone?: 'danger' }) {
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const confirmRef = useRef(props.onConfirm);
  confirmRef.current = props.onConfirm;
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setHolding(false);
  };
  const start = () => {
    if (props.disabled || timer.current) return;
    setHolding(true);
    timer.current = setTimeout(() => {
      timer.current = null;
      setHolding(false);
      confirmRef.current();
    }, HOLD_MS);
  };
  useEffect(() => stop, []);
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
        start();
      }}
      onPointerUp={stop}
      onPointerCancel={stop}
      onKeyDown={(e) => {
        if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
          e.preventDefault();
          start();
        }
      }}
      onKeyUp={stop}
      onBlur={stop}
    >
      <span className="hold-fill" aria-hidden="true" />
      <span className="hold-label">{props.children}</span>
    </button>
  );
}
