/** A labelled checkbox in a view's tool row. */
export function Toggle(props: {
  label: string;
  title: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="toggle" title={props.title}>
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}
