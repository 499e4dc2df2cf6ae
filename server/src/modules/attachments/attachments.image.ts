import sharp from 'sharp';
import { DomainError } from '../../kernel/errors';

/** The raster formats an upload may be, told by their content (never by the declared type or the file name). */
export type ImageFormat = 'png' | 'jpeg' | 'webp';

/** The raster format by its magic bytes; anything else (SVG, GIF, HEIC, HTML...) is never handed to a decoder. */
export function sniffImageFormat(bytes: Buffer): ImageFormat | null {
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

/** How one kind of upload is checked and drawn again. */
export interface ImageRules {
  /** The request field the errors name ('logo', 'photo'). */
  field: string;
  /** The largest file accepted, before re-encoding. */
  maxBytes: number;
  /** A decompression bomb (a small file of a huge canvas) is refused before it is decoded. */
  maxPixels: number;
  /** Larger images are scaled down to fit this many pixels on their longer side. */
  maxSide: number;
  /** What is stored: a lossless PNG (logos, drawn lines) or a JPEG (photos; transparency on white). */
  output: 'png' | 'jpeg';
}

/** An image as it is stored: bytes we encoded ourselves, and their size in pixels. */
export interface NormalizedImage {
  data: Buffer;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const JPEG_QUALITY = 82;

/**
 * Makes an uploaded image safe to serve and print: only PNG, JPEG or WebP by their content, decoded and drawn
 * again without metadata (EXIF with its GPS position, ICC, XMP), turned upright by the EXIF orientation first, at
 * most `maxSide` pixels a side. Whatever else the file carried (an HTML or script tail, a second format) is gone.
 */
export async function normalizeImage(bytes: Buffer, rules: ImageRules): Promise<NormalizedImage> {
  const { field } = rules;
  const tooLarge = () =>
    new DomainError('invalid', 'image_too_large', {
      field,
      params: {
        maxMb: Math.floor(rules.maxBytes / 1024 / 1024),
        maxPixels: Math.floor(rules.maxPixels / 1_000_000),
      },
    });
  const unsupported = () => new DomainError('invalid', 'unsupported_image', { field });
  const unreadable = () => new DomainError('invalid', 'invalid_image', { field });
  const failed = (e: unknown) => (/pixel limit/i.test(String(e)) ? tooLarge() : unreadable());

  if (bytes.length > rules.maxBytes) throw tooLarge();
  if (!sniffImageFormat(bytes)) throw unsupported();
  const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: rules.maxPixels, animated: false });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch (e) {
    throw failed(e);
  }
  if (format !== 'png' && format !== 'jpeg' && format !== 'webp') throw unsupported();
  try {
    const drawn = input()
      .rotate()
      .resize({ width: rules.maxSide, height: rules.maxSide, fit: 'inside', withoutEnlargement: true });
    const encoded =
      rules.output === 'png'
        ? drawn.png({ compressionLevel: 9 })
        : drawn.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      data,
      contentType: rules.output === 'png' ? 'image/png' : 'image/jpeg',
      width: info.width,
      height: info.height,
    };
  } catch (e) {
    throw failed(e);
  }
}

/** A small JPEG of an image we stored ourselves (already upright and without metadata), for lists and cards. */
export async function thumbnailOf(image: Buffer, side: number): Promise<NormalizedImage> {
  const { data, info } = await sharp(image)
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 75 })
    .toBuffer({ resolveWithObject: true });
  return { data, contentType: 'image/jpeg', width: info.width, height: info.height };
}
