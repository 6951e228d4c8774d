/**
 * TeX typeset by KaTeX, for the equations panel and for story captions. KaTeX runs with
 * `trust: false` (no \href, \url, \includegraphics or HTML extensions) and `strict` warnings
 * off, so that text from a story someone else wrote can only ever become math, never markup;
 * a TeX error shows the source in red instead of throwing.
 */
import 'katex/dist/katex.min.css';

import katex from 'katex';
import { useMemo } from 'react';

/** KaTeX's HTML for a TeX string (also used by the SVG export, which wants a string). */
export function texToHtml(tex: string, display = false): string {
  return katex.renderToString(tex, {
    displayMode: display,
    trust: false,
    throwOnError: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
    maxExpand: 200,
    maxSize: 20,
  });
}

export function Tex({
  tex,
  display = false,
  className,
}: {
  tex: string;
  display?: boolean;
  className?: string;
}) {
  const html = useMemo(() => texToHtml(tex, display), [tex, display]);
  // KaTeX's own output with trust off: it escapes every character of its input.
  return (
    <span
      className={className ? `tex ${className}` : 'tex'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/**
 * Plain text with inline math between single dollars ("collapse when $\beta > \rho + \eta$"),
 * as React nodes. A lone or escaped dollar (\$) stays a dollar.
 */
export function TextWithMath({ text }: { text: string }) {
  const parts = splitMath(text);
  return (
    <>
      {parts.map((p, i) => (p.math ? <Tex key={i} tex={p.text} /> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export function splitMath(text: string): { math: boolean; text: string }[] {
  const parts: { math: boolean; text: string }[] = [];
  let buffer = '';
  let inMath = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      buffer += inMath ? '\\$' : '$';
      i++;
    } else if (c === '$') {
      if (buffer) parts.push({ math: inMath, text: buffer });
      buffer = '';
      inMath = !inMath;
    } else buffer += c;
  }
  // An unclosed $ is text, not math.
  if (buffer || inMath) parts.push({ math: false, text: inMath ? `$${buffer}` : buffer });
  return parts;
}
