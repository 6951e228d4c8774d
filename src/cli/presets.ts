/**
 * `presets`: every figure and table of the papers (Model.figures, one figures.ts per model folder)
 * with the preset that opens it, or the one-line reason it cannot be reproduced. JSON by default;
 * `--format text` prints one aligned line per row for reading in a terminal.
 */
import type { Model } from '../core/model';
import { parseState, serializeState } from '../core/state';
import { UsageError } from './json';

export const PRESETS_COMMAND = {
  presets: {
    flags: { format: 'string' } as Record<string, 'number' | 'string'>,
    help: 'every figure and table of the papers with the preset that opens it, or why it cannot be reproduced (--format json|text)',
  },
};

export interface FigureRow {
  model: string;
  paper: string;
  figure: string;
  caption: string;
  /** The preset's id, its full state string and app keys; null when the figure has none. */
  preset: { id: string; title: string; state: string; view: string | null } | null;
  reason: string | null;
}

/**
 * One row per PaperFigure of every model, in registry order. A figure naming a preset the model
 * does not have is an internal error, reported by `checkFigures` (the CLI test runs it).
 */
export function figureRows(models: readonly Model[]): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const m of models) {
    for (const f of m.figures ?? []) {
      const preset = f.preset === undefined ? undefined : m.presets.find((p) => p.id === f.preset);
      rows.push({
        model: m.id,
        paper: m.paper,
        figure: f.figure,
        caption: f.caption,
        preset: preset
          ? {
              id: preset.id,
              title: preset.title,
              state: serializeState(m, parseState(`model=${m.id}&${preset.state}`, models).params),
              view: preset.view ?? null,
            }
          : null,
        reason: f.reason ?? null,
      });
    }
  }
  return rows;
}

/** What is wrong with the models' figure lists (unknown preset ids, rows with neither). */
export function checkFigures(models: readonly Model[]): string[] {
  const problems: string[] = [];
  for (const m of models) {
    for (const f of m.figures ?? []) {
      const where = `${m.id} ${f.figure}`;
      if (f.preset !== undefined && !m.presets.some((p) => p.id === f.preset))
        problems.push(`${where}: no preset '${f.preset}'`);
      if (f.preset === undefined && !f.reason?.trim())
        problems.push(`${where}: neither a preset nor a reason`);
    }
  }
  return problems;
}

export function presetsOutput(models: readonly Model[], flags: Record<string, string>): string {
  const format = flags['format'] ?? 'json';
  if (format !== 'json' && format !== 'text')
    throw new UsageError(`--format must be json or text; got '${format}'`);
  const rows = figureRows(models);
  if (format === 'json') {
    const missing = rows.filter((r) => r.preset === null).length;
    return JSON.stringify({ figures: rows, reproduced: rows.length - missing, missing }) + '\n';
  }
  const width = (f: (r: FigureRow) => string) => Math.max(...rows.map((r) => f(r).length));
  const wm = width((r) => r.model);
  const wf = width((r) => r.figure);
  const wp = width((r) => r.preset?.id ?? '—');
  return (
    rows
      .map(
        (r) =>
          `${r.model.padEnd(wm)}  ${r.figure.padEnd(wf)}  ${(r.preset?.id ?? '—').padEnd(wp)}  ${
            r.preset ? r.caption : `not reproduced: ${r.reason}`
          }`,
      )
      .join('\n') + '\n'
  );
}
