/**
 * Hovering a parameter in the equations highlights its slider. The sliders carry
 * data-param="key …" (components/Slider.tsx; an alias slider lists its targets too), so the
 * equations view needs no reference to the panel: it marks whatever element names the key.
 */
const CLASS = 'param-highlight';

/** Highlight the sliders of `key` (null: clear every highlight). */
export function highlightSlider(key: string | null): void {
  for (const el of document.querySelectorAll(`.${CLASS}`)) el.classList.remove(CLASS);
  if (key === null) return;
  const targets = document.querySelectorAll(`[data-param~="${CSS.escape(key)}"]`);
  for (const el of targets) el.classList.add(CLASS);
  targets[0]?.scrollIntoView({ block: 'nearest' });
}
