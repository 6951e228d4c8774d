/**
 * Fullscreen for presentation (the F key): the Fullscreen API on the whole page. A browser may
 * refuse (no user gesture, an iframe without allowfullscreen, a headless run): the refusal is
 * quiet, presentation mode goes on in the window.
 */
export function toggleFullscreen(doc: Document = document): void {
  try {
    const request = doc.fullscreenElement
      ? doc.exitFullscreen()
      : doc.documentElement.requestFullscreen();
    void request.catch(() => undefined);
  } catch {
    // An old browser without the API, or one that throws instead of rejecting.
  }
}
