/**
 * The only way the panel builds DOM: elements by name, attributes by setAttribute (names from our own code,
 * never from data), and text through text nodes. No innerHTML anywhere, so a quote, code name or CSV cell
 * containing markup is shown as the characters it is.
 */
export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  [attribute: string]: string | undefined;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, props?: Props, ...children: Child[]): HTMLElement;
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A plain button (vscode-button for primary actions; this for dense, in-table actions). */
export function linkButton(label: string, onClick: (event: MouseEvent) => void, title?: string): HTMLButtonElement {
  const button = h('button', { class: 'link', type: 'button', ...(title ? { title } : {}) }, label);
  button.addEventListener('click', onClick);
  return button;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, built like `h`: attribute names from our code, text only through text nodes. */
export function svgElement(
  tag: string,
  attributes: Record<string, string | number | undefined> = {},
  ...children: Child[]
): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, String(value));
  append(element, ...children);
  return element;
}
