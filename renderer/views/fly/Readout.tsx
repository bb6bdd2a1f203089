// A labelled value, sized to be read at arm's length in a dark car.
import type { ReactNode } from 'react';

export function Readout(props: { label: string; value: ReactNode; testId?: string; className?: string; size?: 'large' | 'small'; wide?: boolean }) {
  const cls = ['readout', props.size === 'small' ? 'readout-small' : 'readout-large', props.wide ? 'readout-wide' : '', props.className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={cls}>
      <div className="readout-label">{props.label}</div>
      <div className="readout-value" data-testid={props.testId}>
        {props.value}
      </div>
    </div>
  );
}
