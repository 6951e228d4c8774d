/** A view's frame: title, notes, an About popover (ⓘ), an export menu and a maximise toggle. */
import './ViewFrame.css';

import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';

import { countRender } from '../renderCount';
import type { AppStore, JobName } from '../store';
import { AboutButton } from './about/AboutButton';
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
  /**
   * Fold the note to one line (full text on hover, a click unfolds it, and in the ⓘ), for a
   * note of prose that would otherwise take the chart's height; a key of markers stays whole.
   */
  foldNote?: boolean;
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
        {props.note &&
          (props.foldNote ? (
            <FoldedNote>{props.note}</FoldedNote>
          ) : (
            <span className="view-note">{props.note}</span>
          ))}
        <div className="view-tools">
          {props.tools}
          <AboutButton title={props.title} note={props.foldNote ? props.note : undefined} />
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

/** A one-line note, cut with an ellipsis; its title holds the whole text, a click unfolds it. */
function FoldedNote({ children }: { children: ReactNode }) {
  const [unfolded, setUnfolded] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  // The hover text is the note's own text, whatever nodes it is made of.
  useLayoutEffect(() => {
    if (ref.current) ref.current.title = ref.current.textContent ?? '';
  });
  const toggle = () => setUnfolded(!unfolded);
  return (
    <span
      ref={ref}
      className={`view-note folded-note${unfolded ? ' unfolded' : ''}`}
      role="button"
      tabIndex={0}
      aria-expanded={unfolded}
      onClick={toggle}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        // The note's own key press: Space must not also play the dynamics (the shortcut).
        e.preventDefault();
        e.stopPropagation();
        toggle();
      }}
    >
      {children}
    </span>
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
