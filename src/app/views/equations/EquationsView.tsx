/**
 * The equations view: the ODE the ODE worker integrates and the SGD step the dots take, as the
 * model declares them (Model.equations), typeset by KaTeX with trust off and numbered as in the
 * paper. The paper's form stays on screen and the live values sit under it ("where τ = 0.2, …");
 * eqv=1 writes the values into the equations too. Hovering a parameter, in an equation or under
 * it, highlights its slider.
 */
import './equations.css';

import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';

import {
  type Equation,
  equationParams,
  type EquationSet,
  fillEquation,
  texValue,
} from '../../../core/equations';
import type { Model } from '../../../core/model';
import type { Params } from '../../../core/params';
import { ViewFrame, type ViewProps } from '../../components/ViewFrame';
import { Tex } from '../../math/Tex';
import type { AppStore } from '../../store';
import { highlightSlider } from './highlight';
import { paramColour, paramIndexOfColour } from './paramColours';

/** The parameters named by a model's equations here, in order of first appearance. */
function namedParams(sets: EquationSet[]): string[] {
  const keys = sets.flatMap((set) => set.equations.flatMap((eq) => equationParams(eq.tex)));
  return [...new Set(keys)];
}

function colourOf(model: Model): (key: string) => string {
  return (key) => paramColour(model.params.findIndex((s) => s.key === key));
}

function EquationRow(props: { eq: Equation; model: Model; params: Params; values: boolean }) {
  const { eq, model, params, values } = props;
  const tex = fillEquation(eq.tex, model.params, params, values, colourOf(model));
  return (
    <li className="eq-row">
      <div className="eq-tex">
        <Tex tex={tex} display />
      </div>
      <span className="eq-number">{eq.number}</span>
      {eq.note && <p className="eq-note">Corrected: {eq.note}</p>}
    </li>
  );
}

function EquationBlock(props: {
  kind: string;
  set: EquationSet;
  model: Model;
  params: Params;
  values: boolean;
}) {
  const { kind, set } = props;
  return (
    <section className={`eq-set eq-${kind.toLowerCase()}`} aria-label={`${kind}: ${set.title}`}>
      <h3>
        {kind}: {set.title}
      </h3>
      <p className="eq-source">{set.source}</p>
      <ol className="eq-list">
        {set.equations.map((eq, i) => (
          <EquationRow
            key={i}
            eq={eq}
            model={props.model}
            params={props.params}
            values={props.values}
          />
        ))}
      </ol>
    </section>
  );
}

/** The live values of the parameters the equations name, each hoverable like its symbol. */
function WhereLine({ model, params, keys }: { model: Model; params: Params; keys: string[] }) {
  return (
    <p className="eq-where" aria-label="Parameter values">
      <span className="eq-where-label">where</span>
      {keys.map((key) => {
        const spec = model.params.find((s) => s.key === key);
        if (!spec) return null;
        return (
          <span key={key} className="eq-param" data-param-ref={key} tabIndex={0} title={spec.label}>
            <Tex tex={`${spec.tex} = ${texValue(spec, params[key])}`} />
          </span>
        );
      })}
    </p>
  );
}

/** Mark the typeset parameter symbols (found by their colour) with the key they stand for. */
function useSymbolTargets(body: HTMLElement | null, model: Model, renderKey: unknown) {
  useEffect(() => {
    if (!body) return;
    for (const el of body.querySelectorAll<HTMLElement>('.eq-tex .katex-html [style*="color"]')) {
      const index = paramIndexOfColour(el.style.color);
      const spec = index === null ? undefined : model.params[index];
      if (spec) el.dataset.paramRef = spec.key;
    }
  }, [body, model, renderKey]);
}

function onPointer(e: PointerEvent<HTMLElement>) {
  const target = (e.target as HTMLElement).closest<HTMLElement>('[data-param-ref]');
  highlightSlider(target?.dataset.paramRef ?? null);
}

export function EquationsView({ store, maximised, onMaximise }: ViewProps) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const values = useStore(store, (s) => s.equationValues);
  const sets = useMemo(() => model.equations?.(params), [model, params]);
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  useSymbolTargets(body, model, [sets, values]);
  useEffect(() => () => highlightSlider(null), []);
  const tools = <EquationTools store={store} sets={sets} />;
  return (
    <ViewFrame
      id="equations"
      title="Equations"
      tools={tools}
      maximised={maximised}
      onMaximise={onMaximise}
    >
      {sets ? (
        <div
          ref={setBody}
          className="equations-body"
          onPointerOver={onPointer}
          onPointerLeave={() => highlightSlider(null)}
          onFocus={(e) => highlightSlider((e.target as HTMLElement).dataset.paramRef ?? null)}
          onBlur={() => highlightSlider(null)}
        >
          <div className="eq-sets">
            <EquationBlock
              kind="ODE"
              set={sets.ode}
              model={model}
              params={params}
              values={values}
            />
            <EquationBlock
              kind="SGD"
              set={sets.sgd}
              model={model}
              params={params}
              values={values}
            />
          </div>
          <WhereLine model={model} params={params} keys={namedParams([sets.ode, sets.sgd])} />
        </div>
      ) : (
        <p className="placeholder">{model.title} declares no equations.</p>
      )}
    </ViewFrame>
  );
}

/** "Values in equations" (URL key) and "Copy TeX", with the copy's outcome. */
function EquationTools({
  store,
  sets,
}: {
  store: AppStore;
  sets: ReturnType<NonNullable<Model['equations']>> | undefined;
}) {
  const model = useStore(store, (s) => s.model);
  const values = useStore(store, (s) => s.equationValues);
  const [copied, setCopied] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const copyTex = async () => {
    if (!sets) return;
    const params = store.getState().params;
    const text = [sets.ode, sets.sgd]
      .flatMap((set) =>
        set.equations.map((eq) => fillEquation(eq.tex, model.params, params, false)),
      )
      .join('\n\n');
    const ok = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setCopied(ok ? 'TeX copied' : 'The browser refused the clipboard');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 2000);
  };
  return (
    <>
      {copied && <span role="status">{copied}</span>}
      <button
        type="button"
        aria-pressed={values}
        onClick={() => store.getState().setView({ equationValues: !values })}
        title="Write the current values into the equations, not only under them"
      >
        Values in equations
      </button>
      <button type="button" onClick={() => void copyTex()} title="Copy the equations as TeX">
        Copy TeX
      </button>
    </>
  );
}
