/**
 * One parameter slider: symbol, value, range, typed input. The native range input gives
 * arrows, PageUp/PageDown and Home/End; the accessible name is the symbol and its meaning.
 * An identifier such as the seed gets the typed field alone (isPlainField).
 */
import './Slider.css';

import { useEffect, useState } from 'react';

import { formatNumber, type NumberSpec, paramHelp, type VectorSpec } from '../../core/params';
import { plainText } from '../../core/typeset';
import {
  formatValue,
  fromPosition,
  isPlainField,
  parseTyped,
  positionCount,
  scaledSpec,
  toPosition,
} from '../sliderScale';
import { MathSymbol } from './MathSymbol';

export interface SliderProps {
  spec: NumberSpec | VectorSpec;
  /** Shown symbol, e.g. 'Λ_1' for an entry of a vector. */
  symbol: string;
  /** Accessible label. */
  label: string;
  value: number;
  onChange(value: number): void;
  /** The parameter keys it sets, for data-param (default spec.key; an alias lists its targets). */
  paramKeys?: readonly string[];
}

export function Slider({ spec, symbol, label, value, onChange, paramKeys }: SliderProps) {
  const s = scaledSpec(spec);
  const [text, setText] = useState(formatValue(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(formatValue(value)), [value]);
  const hi = s.allowInfinity ? '∞' : formatNumber(s.max);
  const range = `[${formatNumber(s.min)}, ${hi}]`;
  const id = `slider-${spec.key}-${symbol}`;
  const plain = isPlainField(spec);

  const commitTyped = () => {
    const x = parseTyped(s, text);
    if (x === null) {
      setError(
        `${plainText(symbol)} must be ${s.kind === 'integer' ? 'an integer' : 'a number'}${s.allowInfinity ? ' or ∞' : ''} in ${range}`,
      );
      setText(formatValue(value));
      return;
    }
    const clamped =
      x === Number.POSITIVE_INFINITY
        ? x
        : Math.min(s.max, Math.max(s.min, s.kind === 'integer' ? Math.round(x) : x));
    setError(
      clamped !== x ? `${formatValue(x)} is outside ${range}; using ${formatValue(clamped)}` : null,
    );
    onChange(clamped);
  };

  return (
    <div
      className={`slider${plain ? ' plain-field' : ''}`}
      title={`${label}: ${paramHelp(spec)}`}
      data-param={(paramKeys ?? [spec.key]).join(' ')}
    >
      <label className="slider-symbol" htmlFor={plain ? `${id}-value` : id}>
        <MathSymbol symbol={symbol} />
      </label>
      <input
        id={id}
        hidden={plain}
        type="range"
        min={0}
        max={positionCount(s)}
        step={1}
        value={toPosition(s, value)}
        aria-label={label}
        aria-valuetext={formatValue(value)}
        onChange={(e) => {
          setError(null);
          onChange(fromPosition(s, Number(e.target.value)));
        }}
      />
      <input
        id={`${id}-value`}
        className={`slider-value${error ? ' invalid' : ''}`}
        type="text"
        inputMode="decimal"
        aria-label={`${label} value`}
        aria-invalid={error !== null}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commitTyped}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitTyped();
          if (e.key === 'Escape') setText(formatValue(value));
        }}
      />
      <span className="slider-range">{range}</span>
      {error && (
        <span className="slider-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
