/** Copy the page's share link: the clipboard where the browser allows it, else a prompt to copy from. */
export async function copyShareLink(): Promise<'copied' | 'prompted'> {
  const url = window.location.href;
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    window.prompt('Copy this link:', url);
    return 'prompted';
  }
}
