/** A child of `h`: nodes and strings; null, undefined and false are skipped. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Text is always set as text (never parsed as
 * HTML), so what the API or the person wrote cannot inject markup.
 * @example h('p', { class: 'note' }, 'Nothing is kept.')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) {
      element.setAttribute(name, '');
    } else if (typeof value === 'string') {
      element.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** The element with `id`, typed; throws when the page does not have it. */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`The page has no #${id}`);
  }
  return element as T;
}
