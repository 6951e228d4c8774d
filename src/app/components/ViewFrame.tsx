/** A view's frame: title, notes, an export menu and a maximise toggle. */
import { type ReactNode, useCallback, useRef, useState } from 'react';

import { countRender } from '../renderCount';
import type { AppStore, JobName } from '../store';
import { JobErrors } from './JobErrors';
import { useDismiss } from './useDismiss';

/** What every view component takes. */
export interface ViewProps {
  store: AppStore;
  maximised: boolean;
  onMaximise(): void;
}

export interface ExportActions {
  svg(): void;
  png(scale: number): void;
  csv(): void;
  json(): void;
}

export function ViewFrame(props: {
  id: string;
  title: string;
  note?: ReactNode;
  tools?: ReactNode;
  /** The export menu; absent for a view with nothing to export as a figure. */
  exports?: ExportActions;
  maximised: boolean;
  onMaximise(): void;
  /** The jobs this view draws: their failures are shown under the title. */
  failures?: { store: AppStore; jobs: readonly JobName[] };
  children: ReactNode;
}) {
  countRender(props.id);
  return (
    <section className={`view view-${props.id}`} aria-label={props.title} data-view={props.id}>
      <div className="view-head">
        <h2>{props.title}</h2>
        {props.note && <span className="view-note">{props.note}</span>}
        <div className="view-tools">
          {props.tools}
          {props.exports && <ExportMenu title={props.title} exports={props.exports} />}
          <button
            type="button"
            className="maximise"
            onClick={props.onMaximise}
            aria-pressed={props.maximised}
            title={props.maximised ? 'Back to all views' : 'Maximise this view'}
          >
            {props.maximised ? '⤡' : '⤢'}
          </button>
        </div>
      </div>
      {props.failures && <JobErrors store={props.failures.store} jobs={props.failures.jobs} />}
      <div className="view-body">{props.children}</div>
    </section>
  );
}

function ExportMenu({ title, exports }: { title: string; exports: ExportActions }) {
  const [open, setOpen] = useState(false);
  // Esc or a click outside closes the menu.
  const menuRef = useRef<HTMLDivElement>(null);
  useDismiss(
    open,
    menuRef,
    useCallback(() => setOpen(false), []),
  );
  const item = (label: string, run: () => void) => (
    <button
      type="button"
      role="menuitem"
      onClick={() => {
        setOpen(false);
        run();
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="menu" ref={menuRef}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        aria-label={`Export ${title}`}
      >
        Export ▾
      </button>
      {open && (
        <div className="menu-items" role="menu">
          {item('SVG', exports.svg)}
          {item('PNG 1×', () => exports.png(1))}
          {item('PNG 2×', () => exports.png(2))}
          {item('PNG 4×', () => exports.png(4))}
          {item('CSV', exports.csv)}
          {item('JSON', exports.json)}
        </div>
      )}
    </div>
  );
}
