/**
 * The ⓘ of a view's frame: a small popover saying what the view shows (its kind's text) and,
 * in full, the note that the head folds to one line. Esc or a click outside closes it.
 */
import './about.css';

import { type ReactNode, useCallback, useContext, useId, useRef, useState } from 'react';

import { useDismiss } from '../useDismiss';
import { AboutContext } from './AboutContext';

export function AboutButton({ title, note }: { title: string; note?: ReactNode }) {
  const about = useContext(AboutContext);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<{ above: boolean; room: number }>({ above: false, room: 400 });
  const boxRef = useRef<HTMLDivElement>(null);
  const popoverId = useId();
  useDismiss(
    open,
    boxRef,
    useCallback(() => setOpen(false), []),
  );
  if (!about || about.length === 0) return null;
  return (
    <div className="about" ref={boxRef}>
      <button
        type="button"
        className="about-toggle"
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={`About this view: ${title}`}
        title="About this view"
        onClick={(e) => {
          // Open towards the larger half of the window, no taller than the room there.
          const box = e.currentTarget.getBoundingClientRect();
          const below = window.innerHeight - box.bottom;
          const above = box.top > below;
          setPlace({ above, room: Math.max(120, (above ? box.top : below) - 12) });
          setOpen(!open);
        }}
      >
        {/* A circled i drawn by CSS: U+24D8 ⓘ is missing from many fonts (a box on Debian's chromium). */}
        <span className="about-glyph" aria-hidden="true">
          i
        </span>
      </button>
      {open && (
        <div
          className={`about-popover${place.above ? ' above' : ''}`}
          style={{ maxHeight: place.room }}
          id={popoverId}
          role="dialog"
          aria-label={`About ${title}`}
        >
          {about.map((part) =>
            typeof part === 'string' ? (
              <p key={part}>{part}</p>
            ) : (
              <div key={part.lead}>
                <p>{part.lead}</p>
                <ul>
                  {part.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </div>
            ),
          )}
          {note ? <p className="about-note">Note: {note}</p> : null}
        </div>
      )}
    </div>
  );
}
