import { type ImageRules, normalizeImage } from '../attachments';

/** The largest logo file accepted (before re-encoding). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** Larger logos are scaled down to fit this many pixels on their longer side. */
export const LOGO_MAX_SIDE = 1000;

/** A logo is checked and drawn again by the one image rule of uploads (attachments.image.ts), kept as a PNG. */
const LOGO_RULES: ImageRules = {
  field: 'logo',
  maxBytes: LOGO_MAX_BYTES,
  maxPixels: 25_000_000,
  maxSide: LOGO_MAX_SIDE,
  output: 'png',
};

/** A data URL's bytes (base64 only); null when it is not a base64 data URL. */
export function bytesOfDataUrl(dataUrl: string): Buffer | null {
  const match = /^data:[\w.+/-]*(?:;[\w=.+-]+)*;base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  return match?.[1] === undefined ? null : Buffer.from(match[1], 'base64');
}

/**
 * Makes an uploaded logo safe to serve and print: only PNG, JPEG or WebP by their content, a fresh PNG without
 * metadata, at most LOGO_MAX_SIDE pixels a side (see normalizeImage).
 */
export async function normalizeLogo(bytes: Buffer): Promise<Buffer> {
  return (await normalizeImage(bytes, LOGO_RULES)).data;
}

/** The data URL a logo is stored as: always a PNG we encoded ourselves. */
export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
