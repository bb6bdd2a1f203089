// A dialog over the page: Escape or the close button dismisses it; focus moves into it on open.
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

export function Modal(props: { title: string; onClose: () => void; testId?: string; className?: string; children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={props.className ? `modal ${props.className}` : 'modal'} role="dialog" aria-modal="true" aria-label={props.title} data-testid={props.testId} tabIndex={-1} ref={ref}>
        <header className="modal-header">
          <h2>{props.title}</h2>
          <button type="button" className="btn btn-ghost" onClick={onClose} aria-label={t('common.close')}>
            {t('common.close')}
          </button>
        </header>
        <div className="modal-body">{props.children}</div>
      </div>
    </div>
  );
}
