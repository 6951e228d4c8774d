/**
 * The app's timing constants: one debounce per class of job (how long the state must stay put
 * before the job runs) and the publishing throttles. The job scheduler (runs/scheduler.ts)
 * applies the debounces; runs/jobs.ts says which job uses which.
 */

/** Samples of every ODE curve the app draws. */
export const ODE_SAMPLES = 601;

/** Cheap answers (the ODE, the overlay's ODE, the aligned ODE) run at once on every change. */
export const IMMEDIATE_MS = 0;
/** Fixed points: a Newton search from many starts, shortly after the state settles. */
export const FIXED_POINTS_DEBOUNCE_MS = 120;
/** The SGD restarts this long after the last parameter change (the stale run stops at once). */
export const SGD_SETTLE_MS = 250;
/** Pool-wide work (phase diagram, scans) waits a little longer than the SGD. */
export const POOL_DEBOUNCE_MS = 300;
/** Many-runs work (ensemble, attraction regions) lets the main SGD start first. */
export const MANY_RUNS_DEBOUNCE_MS = 2 * SGD_SETTLE_MS;
/** The overlay's SGD dots come after the main runs had a head start. */
export const OVERLAY_SGD_DEBOUNCE_MS = 4 * SGD_SETTLE_MS;

/** Phase-diagram and attraction cells are published at most this often (10⁴ SVG rects). */
export const DIAGRAM_PUBLISH_MS = 200;
/** The ensemble's runs are published at most this often. */
export const ENSEMBLE_PUBLISH_MS = 250;
/**
 * The SGD dots are published at most this often. A publish redraws every chart that shows dots;
 * once per frame, that took the whole main thread (one of a laptop's two cores) from the workers
 * and made 16 runs of the GAN's Fig. 1(a) 4× slower (issue 11's profile, docs/architecture.md).
 */
export const SGD_PUBLISH_MS = 200;
/** The cloud's snapshots are published at most this often (each is n points on a canvas). */
export const CLOUD_PUBLISH_MS = 250;

/**
 * Watchdogs (docs/reliability.md): a call silent for this long means its worker died (closed,
 * killed, out of memory) and is restarted. The ODE's step limit takes ~10 s of CPU at worst.
 */
export const ODE_WATCHDOG_MS = 60_000;
/**
 * An SGD worker reports every ~60 ms of its own work, but at n = 10⁵ one slice of 8 runs can take
 * seconds on a loaded machine: one silent for a minute is dead (a pause holds the watchdog).
 */
export const SGD_WATCHDOG_MS = 60_000;
/** Calls that report nothing until they end (a scan, a continuation, a diagram's cells). */
export const LONG_WATCHDOG_MS = 300_000;
/** After a worker failure, a job is run again once, this long after (a fresh worker). */
export const WORKER_RETRY_MS = 200;
/** Pool workers (the SGD's dots) idle this long are released: a soak keeps a bounded count. */
export const POOL_IDLE_MS = 15_000;
/** The address bar follows the state at most this often (the last state always lands). */
export const URL_WRITE_MS = 100;
