/**
 * The slider panel, generated from the model's parameter table (docs/architecture.md, habit 7). Aliases
 * (one η setting two learning rates) show as one linked slider with an unlink toggle.
 */
import { useState } from 'react';
import { useStore } from 'zustand';

import type { AliasSpec, NumberSpec, ParamSpec, VectorSpec } from '../../core/params';
import type { AppStore } from '../store';
import { EnumSelect, VectorSliders } from './ParamControls';
import { Slider } from './Slider';

const GROUPS: { id: NonNullable<ParamSpec['group']>; title: string }[] = [
  { id: 'rates', title: 'Learning' },
  { id: 'noise', title: 'Noise' },
  { id: 'data', title: 'Data' },
  { id: 'init', title: 'Initial state' },
  { id: 'run', title: 'Simulation' },
];

export function ParamPanel({ store }: { store: AppStore }) {
  const model = useStore(store, (s) => s.model);
  const [unlinked, setUnlinked] = useState<ReadonlySet<string>>(new Set());
  const aliasOf = new Map<string, AliasSpec>();
  for (const a of model.aliases ?? []) for (const t of a.targets) aliasOf.set(t, a);
  // A linked slider stands for all its targets: it is drawn at the first one only.
  const shown = model.params.filter((spec) => {
    const alias = aliasOf.get(spec.key);
    return !alias || unlinked.has(alias.key) || alias.targets[0] === spec.key;
  });
  const link = (alias: AliasSpec, on: boolean) => {
    const next = new Set(unlinked);
    if (on) next.delete(alias.key);
    else next.add(alias.key);
    setUnlinked(next);
  };
  return (
    <div className="param-panel" aria-label="Parameters">
      {GROUPS.map((g) => {
        const specs = shown.filter((p) => (p.group ?? 'run') === g.id);
        if (!specs.length) return null;
        return (
          <section key={g.id} className="param-group">
            <h3>{g.title}</h3>
            {specs.map((spec) => (
              <ParamControl
                key={spec.key}
                store={store}
                spec={spec}
                alias={aliasOf.get(spec.key)}
                linked={!unlinked.has(aliasOf.get(spec.key)?.key ?? '')}
                onLink={link}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

/** The control of one parameter: a linked slider, an enum, a vector's sliders or one slider. */
function ParamControl(props: {
  store: AppStore;
  spec: ParamSpec;
  alias: AliasSpec | undefined;
  linked: boolean;
  onLink(alias: AliasSpec, on: boolean): void;
}) {
  const { store, spec, alias, linked, onLink } = props;
  const params = useStore(store, (s) => s.params);
  const set = (key: string, value: number | number[] | string) =>
    store.getState().setParam(key, value);
  if (alias && linked)
    return <LinkedSlider store={store} spec={spec} alias={alias} onLink={onLink} />;
  if (spec.kind === 'enum')
    return (
      <EnumSelect
        spec={spec}
        value={params[spec.key] as string}
        onChange={(v) => set(spec.key, v)}
      />
    );
  if (spec.kind === 'vector')
    return (
      <VectorSliders
        spec={spec as VectorSpec}
        values={params[spec.key] as number[]}
        onChange={(v) => set(spec.key, v)}
      />
    );
  const relink = alias && alias.targets[0] === spec.key;
  return (
    <div>
      <Slider
        spec={spec}
        symbol={spec.symbol}
        label={`${spec.symbol}: ${spec.label}`}
        value={params[spec.key] as number}
        onChange={(v) => set(spec.key, v)}
      />
      {relink && (
        <button
          type="button"
          className="link-toggle"
          onClick={() => {
            onLink(alias, true);
            store
              .getState()
              .setParams(Object.fromEntries(alias.targets.map((t) => [t, params[spec.key]!])));
          }}
        >
          link {alias.targets.join(' = ')}
        </button>
      )}
    </div>
  );
}

/** One slider for several parameters (η for η_T and η_G), with a toggle to set them apart. */
function LinkedSlider(props: {
  store: AppStore;
  spec: ParamSpec;
  alias: AliasSpec;
  onLink(alias: AliasSpec, on: boolean): void;
}) {
  const { store, spec, alias, onLink } = props;
  const value = useStore(store, (s) => s.params[alias.targets[0]!] as number);
  return (
    <div className="linked">
      <Slider
        spec={{ ...(spec as NumberSpec), key: alias.key }}
        symbol={alias.symbol}
        label={`${alias.symbol}: ${alias.label}`}
        value={value}
        paramKeys={[alias.key, ...alias.targets]}
        onChange={(v) =>
          store.getState().setParams(Object.fromEntries(alias.targets.map((t) => [t, v])))
        }
      />
      <button
        type="button"
        className="link-toggle"
        onClick={() => onLink(alias, false)}
        title={`Set ${alias.targets.join(' and ')} separately`}
      >
        unlink
      </button>
    </div>
  );
}
