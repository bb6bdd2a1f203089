// A number input that commits on Enter or leaving the field, not on every keystroke: one undo step
// per value typed, and a half-typed "-" or "1e" never reaches the plan. Text that is not a number is
// refused (the field goes back to the value), so nothing untrusted gets past it.
import { useEffect, useState } from 'react';

interface Props {
  value: number | undefined;
  onCommit: (value: number) => void;
  /** Accept an empty field as NaN (MAVLink's "unused"). */
  allowEmpty?: boolean;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
  label: string;
  disabled?: boolean;
}

const show = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? '' : String(Math.round(v * 1e7) / 1e7));

export function NumberField({ value, onCommit, allowEmpty, min, max, step, testId, label, disabled }: Props) {
  const [text, setText] = useState(show(value));
  useEffect(() => setText(show(value)), [value]);
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '' && allowEmpty) return value === undefined || !Number.isNaN(value) ? onCommit(NaN) : undefined;
    const n = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) return setText(show(value));
    if (n !== value) onCommit(n);
  };
  return (
    <input
      type="number"
      className="pe-num"
      aria-label={label}
      value={text}
      min={min}
      max={max}
      step={step ?? 'any'}
      data-testid={testId}
      disabled={disabled}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setText(show(value));
      }}
    />
  );
}
