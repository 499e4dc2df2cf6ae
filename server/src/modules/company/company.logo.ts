import sharp from 'sharp';
import { DomainError } from '../../kernel/errors';

/** The largest logo file accepted (before re-encoding). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** Larger logos are scaled down to fit this many pixels on their longer side. */
export const LOGO_MAX_SIDE = 1000;
/** A decompression bomb (a small file of a huge canvas) is refused before it is decoded. */
const LOGO_MAX_PIXELS = 25_000_000;

export type LogoFormat = 'png' | 'jpeg' | 'webp';

/** The raster format by its magic bytes; anything else (SVG, GIF, HTML...) is never handed to a decoder. */
export function sniffLogoFormat(bytes: Buffer): LogoFormat | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'webp';
  return null;
}

const unsupported = () => new DomainError('invalid', 'unsupported_image', { field: 'logo' });
const unreadable = () => new DomainError('invalid', 'invalid_image', { field: 'logo' });
const tooLarge = () =>
  new DomainError('invalid', 'image_too_large', {
    field: 'logo',
    params: { maxMb: LOGO_MAX_BYTES / 1024 / 1024, maxPixels: LOGO_MAX_PIXELS / 1_000_000 },
  });

/** A data URL's bytes (base64 only); null when it is not a base64 data URL. */
export function bytesOfDataUrl(dataUrl: string): Buffer | null {
  const match = /^data:[\w.+/-]*(?:;[\w=.+-]+)*;base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  return match?.[1] === undefined ? null : Buffer.from(match[1], 'base64');
}

/**
 * Makes an uploaded logo safe to serve and print: only PNG, JPEG or WebP by their content (never by the declared
 * type), decoded and drawn again as a fresh PNG without metadata, at most LOGO_MAX_SIDE pixels a side. Whatever
 * else the file carried (an HTML or script tail, EXIF, a second format) is gone.
 */
export async function normalizeLogo(bytes: Buffer): Promise<Buffer> {
  if (bytes.length > LOGO_MAX_BYTES) throw tooLarge();
  if (!sniffLogoFormat(bytes)) throw unsupported();
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: LOGO_MAX_PIXELS, animated: false });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch (e) {
    throw /pixel limit/i.test(String(e)) ? tooLarge() : unreadable();
  }
  if (format !== 'png' && format !== 'jpeg' && format !== 'webp') throw unsupported();
  try {
    return await input()
      .rotate()
      .resize({ width: LOGO_MAX_SIDE, height: LOGO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
  } catch (e) {
    throw /pixel limit/i.test(String(e)) ? tooLarge() : unreadable();
  }
}

/** The data URL a logo is stored as: always a PNG we encoded ourselves. */
export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
