/**
 * Presentation mode's strip, floating at the end of the caption band: the sliders the scene names (`ctl=`), fullscreen and the
 * way out (also Esc), and any notice about the link, since the status line is hidden.
 */
import { useStore } from 'zustand';

import type { NumberSpec } from '../../core/params';
import { Slider } from '../components/Slider';
import type { AppStore } from '../store';
import { toggleFullscreen } from './fullscreen';

function StripSlider({ store, id }: { store: AppStore; id: string }) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const alias = model.aliases?.find((a) => a.key === id);
  const key = alias ? alias.targets[0]! : id;
  const spec = model.params.find((p) => p.key === key);
  if (!spec || (spec.kind !== 'number' && spec.kind !== 'integer')) return null;
  const symbol = alias?.symbol ?? spec.symbol;
  const set = (v: number) =>
    store.getState().setParams(Object.fromEntries((alias?.targets ?? [key]).map((t) => [t, v])));
  return (
    <Slider
      spec={{ ...(spec as NumberSpec), key: id }}
      symbol={symbol}
      label={`${symbol}: ${alias?.label ?? spec.label}`}
      value={params[key] as number}
      onChange={set}
    />
  );
}

export function PresentStrip({ store }: { store: AppStore }) {
  const controls = useStore(store, (s) => s.controls);
  const notices = useStore(store, (s) => s.notices);
  return (
    <div className="present-strip" role="toolbar" aria-label="Presentation controls">
      {controls?.map((id) => (
        <StripSlider key={id} store={store} id={id} />
      ))}
      <div className="present-actions">
        <button type="button" onClick={() => toggleFullscreen()} title="Fullscreen (F)">
          Fullscreen (F)
        </button>
        <button
          type="button"
          onClick={() => store.getState().setView({ present: false })}
          title="Leave presentation (Esc or P)"
        >
          Leave (Esc)
        </button>
      </div>
      {notices.length > 0 && (
        <div className="present-notices" role="status">
          {notices.map((n) => (
            <span key={n.key + n.message} className={`notice ${n.level}`}>
              {n.message}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
