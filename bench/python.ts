/**
 * The NumPy/SciPy references: each bench section runs its script under bench/ in the same run
 * as our own timing, so that the figures are ratios on the same machine at the same load.
 */
import { spawnSync } from 'node:child_process';

/** Three significant digits for the printed figures. */
export const round = (x: number, digits = 3) => Number(x.toPrecision(digits));

/**
 * Run `python3 script …args` and parse the JSON it prints; null (with a line on stderr) when it
 * does not run, so that a machine without NumPy still prints our own figures. OpenBLAS's
 * processor override (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE) is unset for the command: it slows
 * a current NumPy, and each script pins one BLAS thread itself.
 */
export function runPythonReference<T>(script: string, args: string[], input?: string): T | null {
  const env = { ...process.env };
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const r = spawnSync('python3', [script, ...args], { encoding: 'utf8', env, input });
  if (r.status !== 0) {
    const why = r.stderr?.trim().split('\n').at(-1) ?? r.error?.message;
    process.stderr.write(`bench: ${[script, ...args].join(' ')} did not run: ${why}\n`);
    return null;
  }
  return JSON.parse(r.stdout) as T;
}
