import type { ThemeColors } from './colors';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A chart as a standalone SVG file: the legend swatches (HTML in the panel) are dropped, and the theme's
 * foreground, background and font are written onto the root, so the file looks the same outside VS Code.
 */
export function chartSvg(
  node: Element,
  colors: ThemeColors,
): { svg: string; width: number; height: number } | undefined {
  const source = node instanceof SVGSVGElement ? node : node.querySelector('svg.grounded-chart');
  if (!(source instanceof SVGSVGElement)) return undefined;
  const svg = source.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('width')) || source.clientWidth || 760;
  const height = Number(svg.getAttribute('height')) || source.clientHeight || 300;
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('color', colors.foreground);
  svg.setAttribute('font-family', colors.fontFamily);
  svg.removeAttribute('style');
  svg.querySelectorAll('[tabindex],[role="button"]').forEach((element) => {
    element.removeAttribute('tabindex');
    element.removeAttribute('role');
  });
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', colors.background);
  svg.insertBefore(background, svg.firstChild);
  return { svg: new XMLSerializer().serializeToString(svg), width, height };
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The SVG drawn onto a canvas at twice its size, as a PNG data URL. The SVG is loaded from a data: URL,
 * which the panel's img-src allows (blob: is not in the CSP), and does not taint the canvas.
 */
export function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<string> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas context'));
        return;
      }
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      resolve(canvas.toDataURL('image/png'));
    };
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = `data:image/svg+xml;base64,${base64Utf8(svg)}`;
  });
}
