import type { SeriesColor } from '../view-model/chart';

/** Fallbacks when a variable is unset (the browser tests set them as VS Code does; VS Code always does). */
const FALLBACK: Record<SeriesColor, string> = {
  blue: '#3794ff',
  orange: '#d18616',
  green: '#89d185',
  red: '#f14c4c',
  purple: '#b180d7',
  yellow: '#cca700',
  foreground: '#cccccc',
};

const VARIABLES: Record<SeriesColor, string> = {
  blue: '--vscode-charts-blue',
  orange: '--vscode-charts-orange',
  green: '--vscode-charts-green',
  red: '--vscode-charts-red',
  purple: '--vscode-charts-purple',
  yellow: '--vscode-charts-yellow',
  foreground: '--vscode-charts-foreground',
};

export interface ThemeColors {
  series: (color: SeriesColor) => string;
  foreground: string;
  background: string;
  lines: string;
  fontFamily: string;
  highContrast: boolean;
}

/**
 * The theme's chart colours, resolved to concrete values: Plot needs real colours (it reads a string it
 * does not recognise as a field name), and an exported SVG must carry them to keep its look outside VS Code.
 */
export function themeColors(): ThemeColors {
  const style = getComputedStyle(document.body);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    series: (color) => read(VARIABLES[color], FALLBACK[color]),
    foreground: read('--vscode-charts-foreground', read('--vscode-foreground', FALLBACK.foreground)),
    background: read('--vscode-editor-background', '#1e1e1e'),
    lines: read('--vscode-charts-lines', 'rgba(128,128,128,0.5)'),
    fontFamily: read('--vscode-font-family', 'system-ui, sans-serif'),
    highContrast:
      document.body.classList.contains('vscode-high-contrast') ||
      document.body.classList.contains('vscode-high-contrast-light'),
  };
}
