import { h } from '../dom';

/**
 * A labelled vscode-single-select. Options are vscode-option elements whose text is set as text (labels
 * are survey column names and values: user data).
 */
export function labelledSelect(
  label: string,
  options: readonly { value: string; label: string }[],
  selected: string,
  onChange: (value: string) => void,
  id: string,
): HTMLElement {
  const select = h('vscode-single-select', { id, 'aria-label': label }) as HTMLElement & { value: string };
  for (const option of options) {
    const element = h('vscode-option', { value: option.value }, option.label);
    if (option.value === selected) element.setAttribute('selected', '');
    select.append(element);
  }
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), select);
}
