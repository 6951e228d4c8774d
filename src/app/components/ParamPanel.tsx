/**
 * The slider panel, generated from the model's parameter table (docs/architecture.md, habit 7). Aliases
 * (one η setting two learning rates) show as one linked slider with an unlink toggle.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';

import type { EnumSpec, NumberSpec, ParamSpec, VectorSpec } from '../../core/params';
import type { AppStore } from '../store';
import { MathSymbol } from './MathSymbol';
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
  const params = useStore(store, (s) => s.params);
  const [unlinked, setUnlinked] = useState<ReadonlySet<string>>(new Set());
  const set = (key: string, value: number | number[] | string) =>
    store.getState().setParam(key, value);

  const aliasOf = new Map<string, NonNullable<typeof model.aliases>[number]>();
  for (const a of model.aliases ?? []) for (const t of a.targets) aliasOf.set(t, a);
  const rendered = new Set<string>();

  const renderSpec = (spec: ParamSpec) => {
    const alias = aliasOf.get(spec.key);
    if (alias && !unlinked.has(alias.key)) {
      if (rendered.has(alias.key)) return null;
      rendered.add(alias.key);
      const first = model.params.find((p) => p.key === alias.targets[0]) as NumberSpec;
      return (
        <div key={alias.key} className="linked">
          <Slider
            spec={{ ...first, key: alias.key }}
            symbol={alias.symbol}
            label={`${alias.symbol}: ${alias.label}`}
            value={params[alias.targets[0]!] as number}
            paramKeys={[alias.key, ...alias.targets]}
            onChange={(v) =>
              store.getState().setParams(Object.fromEntries(alias.targets.map((t) => [t, v])))
            }
          />
          <button
            type="button"
            className="link-toggle"
            onClick={() => setUnlinked(new Set([...unlinked, alias.key]))}
            title={`Set ${alias.targets.join(' and ')} separately`}
          >
            unlink
          </button>
        </div>
      );
    }
    if (spec.kind === 'enum')
      return (
        <EnumSelect
          key={spec.key}
          spec={spec}
          value={params[spec.key] as string}
          onChange={(v) => set(spec.key, v)}
        />
      );
    if (spec.kind === 'vector') {
      const values = params[spec.key] as number[];
      return (
        <fieldset key={spec.key} className="vector" title={spec.description}>
          <legend>
            <MathSymbol symbol={spec.symbol} /> <span className="muted">{spec.label}</span>
          </legend>
          {values.map((v, i) => (
            <Slider
              key={i}
              spec={spec as VectorSpec}
              symbol={`${spec.symbol}${values.length === 1 ? '' : subscriptOf(spec, values.length, i)}`}
              label={`${spec.symbol} entry ${i + 1}: ${spec.label}`}
              value={v}
              onChange={(x) =>
                set(
                  spec.key,
                  values.map((old, j) => (j === i ? x : old)),
                )
              }
            />
          ))}
        </fieldset>
      );
    }
    const linkedAlias = alias && unlinked.has(alias.key) && alias.targets[0] === spec.key;
    return (
      <div key={spec.key}>
        <Slider
          spec={spec}
          symbol={spec.symbol}
          label={`${spec.symbol}: ${spec.label}`}
          value={params[spec.key] as number}
          onChange={(v) => set(spec.key, v)}
        />
        {linkedAlias && (
          <button
            type="button"
            className="link-toggle"
            onClick={() => {
              const next = new Set(unlinked);
              next.delete(alias.key);
              setUnlinked(next);
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
  };

  return (
    <div className="param-panel" aria-label="Parameters">
      {GROUPS.map((g) => {
        const specs = model.params.filter((p) => (p.group ?? 'run') === g.id);
        if (!specs.length) return null;
        return (
          <section key={g.id} className="param-group">
            <h3>{g.title}</h3>
            {specs.map(renderSpec)}
          </section>
        );
      })}
    </div>
  );
}

/** Λ → Λ₁…; a d×d matrix entry → P₀ with two indices. */
function subscriptOf(spec: ParamSpec, length: number, i: number): string {
  const d = Math.round(Math.sqrt(length));
  if (
    spec.kind === 'vector' &&
    spec.powers?.includes(2) &&
    d * d === length &&
    d > 1 &&
    length > d
  ) {
    return `_${Math.floor(i / d) + 1}${(i % d) + 1}`;
  }
  return `_${i + 1}`;
}

function EnumSelect({
  spec,
  value,
  onChange,
}: {
  spec: EnumSpec;
  value: string;
  onChange(v: string): void;
}) {
  const label = `${spec.symbol}: ${spec.label}`;
  return (
    <label className="enum" title={spec.description} data-param={spec.key}>
      <MathSymbol symbol={spec.symbol} />
      {spec.accepts ? (
        // Free-form values: a text field whose suggestions are the options; Enter or leaving
        // the field applies it (the codec rejects a malformed value with a notice).
        <FreeformInput spec={spec} value={value} label={label} onChange={onChange} />
      ) : (
        <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )}
      <span className="muted">{spec.label}</span>
    </label>
  );
}

function FreeformInput({
  spec,
  value,
  label,
  onChange,
}: {
  spec: EnumSpec;
  value: string;
  label: string;
  onChange(v: string): void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onChange(text.trim());
  };
  return (
    <>
      <input
        className="freeform"
        aria-label={label}
        list={`options-${spec.key}`}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(value);
        }}
      />
      <datalist id={`options-${spec.key}`}>
        {spec.options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}
