/** Samples of every ODE curve the app draws. */
export const ODE_SAMPLES = 601;
/** Wait this long after the last parameter change before restarting the SGD. */
export const SGD_SETTLE_MS = 250;
