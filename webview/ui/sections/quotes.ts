import type { JointQuote } from '../../view-model/joint';
import type { PanelContext } from '../context';
import { h, linkButton } from '../dom';

/** A quote as a button that opens the transcript at the coding; text set as text. */
export function quoteButton(quote: JointQuote, context: PanelContext): HTMLElement {
  const button = h(
    'button',
    { class: 'quote', type: 'button', title: `Open ${quote.open.transcript} at this coding` },
    h('span', { class: 'quote-text' }, `“${quote.text}”`),
    h('span', { class: 'quote-source' }, ` — ${quote.source}`),
  );
  button.addEventListener('click', () => context.post(quote.open));
  return button;
}

/** Items shown at first and added per "show more": long lists stay cheap to draw. */
export const QUOTES_STEP = 10;

/** A list that shows QUOTES_STEP items and a "show more" button for the rest. */
export function cappedList<T>(items: readonly T[], render: (item: T) => Node, className: string): HTMLElement {
  const list = h('ul', { class: className });
  let shown = 0;
  const more = linkButton('', () => showMore());
  const showMore = () => {
    const next = items.slice(shown, shown + QUOTES_STEP);
    for (const item of next) list.insertBefore(h('li', {}, render(item)), moreItem);
    shown += next.length;
    if (shown >= items.length) moreItem.remove();
    else more.textContent = `Show more (${items.length - shown} more)`;
  };
  const moreItem = h('li', { class: 'more' }, more);
  list.append(moreItem);
  showMore();
  return list;
}
