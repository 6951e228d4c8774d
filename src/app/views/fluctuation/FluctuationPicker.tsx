/**
 * The choice between a model's fluctuation specs (the PCA's √n·m and √n(r⊥² − r_eq)): URL key
 * fl. Nothing is drawn for a model with one spec.
 */
import { fluctuationId, type Model, type ViewSpecOf, viewSpecs } from '../../../core/model';
import type { AppStore } from '../../store';

export function FluctuationPicker({
  store,
  model,
  shown,
}: {
  store: AppStore;
  model: Model;
  shown: ViewSpecOf<'fluctuation'>;
}) {
  const specs = viewSpecs(model, 'fluctuation');
  if (specs.length < 2) return null;
  const first = fluctuationId(specs[0]!);
  return (
    <label className="axis-pick">
      quantity
      <select
        aria-label="Fluctuating quantity"
        value={fluctuationId(shown)}
        onChange={(e) => {
          const id = e.target.value;
          // The first spec is the default, left out of the link.
          store.getState().setView({ fluctuationId: id === first ? null : id });
        }}
      >
        {specs.map((s) => (
          <option key={fluctuationId(s)} value={fluctuationId(s)}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
