/**
 * A Code 128 barcode drawn by bwip-js as SVG, sized in millimetres so it prints at 0.33 mm a bar
 * module (and scales down to fit a narrow label). Text that Code 128 cannot carry is not drawn: the
 * reason is shown instead, as the host says it (or as src-shared/barcode.ts finds it here).
 */
import { toSVG } from 'bwip-js/browser';
import type { PrintBarcode } from '../../src-shared/ipc';
import { code128Problem } from '../../src-shared/barcode';

const moduleMm = 0.33;

/** The SVG markup for the text, or the reason it cannot be drawn. */
export function code128Svg(text: string, heightMm = 12): { svg: string } | { problem: string } {
  const problem = code128Problem(text);
  if (problem) return { problem };
  try {
    const svg = toSVG({ bcid: 'code128', text, height: heightMm, scale: 2 });
    // At scale 2 bwip-js draws a bar module 2 units wide; the width and height attributes set its printed size.
    const units = Number(/viewBox="0 0 (\d+(?:\.\d+)?) /.exec(svg)?.[1] ?? 0);
    const size = `width="${((units / 2) * moduleMm).toFixed(2)}mm" height="${heightMm}mm" preserveAspectRatio="none"`;
    return { svg: svg.replace('<svg ', `<svg ${size} role="img" aria-hidden="true" `) };
  } catch (error) {
    return { problem: `The barcode "${text}" could not be drawn: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function Barcode({ barcode, heightMm }: { barcode: PrintBarcode; heightMm?: number }) {
  const drawn = barcode.text === null ? { problem: barcode.problem ?? 'There is no barcode to print.' } : code128Svg(barcode.text, heightMm);
  if ('problem' in drawn) return <span className="barcode-missing">{drawn.problem}</span>;
  return (
    <figure className="barcode" data-barcode={barcode.text ?? ''} aria-label={`Barcode ${barcode.text ?? ''}`}>
      {/* The markup is bwip-js's own drawing of checked ASCII (paths only, no text or script). */}
      <div className="bars" dangerouslySetInnerHTML={{ __html: drawn.svg }} />
      <figcaption>{barcode.text}</figcaption>
    </figure>
  );
}
