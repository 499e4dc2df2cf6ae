import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/**
 * The QR codes drawn in a PDF, decoded as a phone would read them. pdfmake draws a QR code as a filled square
 * (the light background, N×N modules) followed by one small filled square per dark module; this rebuilds the module
 * grid from those rectangles, paints it with a quiet zone into a bitmap and decodes it with jsQR.
 */
export function pdfQrCodes(pdf: Buffer): string[] {
  const found: string[] = [];
  for (const stream of contentStreams(pdf)) {
    const rects = [...stream.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      w: Number(m[3]),
      h: Number(m[4]),
    }));
    for (let i = 0; i < rects.length - 1; i++) {
      const box = rects[i];
      const first = rects[i + 1];
      if (!box || !first || box.w !== box.h || first.w !== first.h || first.w >= box.w) continue;
      const size = Math.round(box.w / first.w);
      // Versions 1..40: 21..177 modules, in steps of 4.
      if (size < 21 || size > 177 || (size - 17) % 4 !== 0) continue;
      const modules: { x: number; y: number }[] = [];
      for (let k = i + 1; k < rects.length; k++) {
        const r = rects[k];
        if (!r || r.w !== first.w || r.h !== first.w) break;
        const mx = Math.round((r.x - box.x) / r.w);
        const my = Math.round((r.y - box.y) / r.w);
        if (mx < 0 || my < 0 || mx >= size || my >= size) break;
        modules.push({ x: mx, y: my });
      }
      if (modules.length < size) continue;
      const text = decode(size, modules);
      if (text !== null) found.push(text);
      i += modules.length;
    }
  }
  return found;
}

function decode(size: number, dark: { x: number; y: number }[]): string | null {
  const scale = 4;
  const quiet = 4;
  const side = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const { x, y } of dark) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const px = (x + quiet) * scale + dx;
        const py = (y + quiet) * scale + dy;
        const o = (py * side + px) * 4;
        data[o] = 0;
        data[o + 1] = 0;
        data[o + 2] = 0;
      }
    }
  }
  return jsQR(data, side, side)?.data ?? null;
}

/** The decompressed content streams of a PDF (pdfkit writes them FlateDecode'd). */
function contentStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (an image, a font): not what a QR code is drawn with.
    }
    re.lastIndex = end;
  }
  return out;
}
