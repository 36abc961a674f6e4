/**
 * Where the quick exit goes: a neutral page with nothing to do with help-seeking (the GOV.UK
 * "Exit this page" pattern sends people to a weather page).
 */
export const EXIT_URL = 'https://www.google.com/search?q=weather';

/**
 * Leaves at once (UX.md): the page is emptied first so nothing stays on screen while the next
 * site loads, and `location.replace` swaps the current history entry for the neutral site, so
 * Back does not return here.
 */
export function quickExit(): void {
  document.title = '';
  document.body.replaceChildren();
  window.location.replace(EXIT_URL);
}

/**
 * Wires the static exit link of the page (a plain link still works without JavaScript) and the
 * Esc key, anywhere on the page.
 */
export function setUpQuickExit(link: HTMLAnchorElement): void {
  link.href = EXIT_URL;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    quickExit();
  });
  document.addEventListener('keydown', (event) => {
    // Esc while an input method is composing (Thai, Chinese…) cancels the composition only.
    if (event.key === 'Escape' && !event.isComposing) {
      quickExit();
    }
  });
}

/**
 * Follows a link between the public pages by replacing the current history entry, so the
 * browser's history holds one entry for them whichever pages were seen.
 */
export function replaceOnClick(link: HTMLAnchorElement): HTMLAnchorElement {
  link.addEventListener('click', (event) => {
    if (event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      window.location.replace(link.href);
    }
  });
  return link;
}
