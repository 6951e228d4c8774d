/** The slider panel's controls other than one slider: a vector's sliders and an enum's picker. */
import { useEffect, useState } from 'react';

import { type EnumSpec, paramHelp, type ParamSpec, type VectorSpec } from '../../core/params';
import { MathSymbol } from './MathSymbol';
import { Slider } from './Slider';

/** One slider per entry of a vector parameter (Λ₁, Λ₂; P₀ of a d×d matrix with two indices). */
export function VectorSliders({
  spec,
  values,
  onChange,
}: {
  spec: VectorSpec;
  values: number[];
  onChange(values: number[]): void;
}) {
  return (
    <fieldset className="vector" title={paramHelp(spec)}>
      <legend>
        <MathSymbol symbol={spec.symbol} /> <span className="muted">{spec.label}</span>
      </legend>
      {values.map((v, i) => (
        <Slider
          key={i}
          spec={spec}
          symbol={`${spec.symbol}${values.length === 1 ? '' : subscriptOf(spec, values.length, i)}`}
          label={`${spec.symbol} entry ${i + 1}: ${spec.label}`}
          value={v}
          onChange={(x) => onChange(values.map((old, j) => (j === i ? x : old)))}
        />
      ))}
    </fieldset>
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

export function EnumSelect({
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
    <label className="enum" title={paramHelp(spec)} data-param={spec.key}>
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
