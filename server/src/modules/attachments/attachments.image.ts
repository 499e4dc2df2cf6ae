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

/** Where a photo was taken, in degrees (north and east positive). */
export interface PhotoLocation {
  latitude: number;
  longitude: number;
}

/**
 * The GPS position in a photo's EXIF (the raw block sharp's metadata gives: "Exif\0\0" and a TIFF structure), or
 * null when it has none or it cannot be read. Only the GPS IFD's latitude and longitude are read: degrees, minutes
 * and seconds as rationals, with their N/S and E/W references.
 */
export function gpsOfExif(exif: Buffer | undefined): PhotoLocation | null {
  if (!exif || exif.length < 14) return null;
  const base = exif.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0;
  const order = exif.toString('latin1', base, base + 2);
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const inRange = (at: number, size: number) => at >= 0 && at + size <= exif.length;
  const u16 = (at: number) => (inRange(at, 2) ? (le ? exif.readUInt16LE(at) : exif.readUInt16BE(at)) : -1);
  const u32 = (at: number) => (inRange(at, 4) ? (le ? exif.readUInt32LE(at) : exif.readUInt32BE(at)) : -1);
  /** The entries of the IFD at a TIFF offset: tag → the entry's own position in the buffer. */
  const entries = (offset: number): Map<number, number> => {
    const at = base + offset;
    const count = u16(at);
    const map = new Map<number, number>();
    for (let i = 0; i < count && i < 500; i++) {
      const entry = at + 2 + i * 12;
      if (!inRange(entry, 12)) break;
      map.set(u16(entry), entry);
    }
    return map;
  };
  const ifd0 = entries(u32(base + 4));
  const gpsPointer = ifd0.get(0x8825);
  if (gpsPointer === undefined) return null;
  const gps = entries(u32(gpsPointer + 8));
  const ref = (tag: number) => {
    const entry = gps.get(tag);
    return entry === undefined ? null : exif.toString('latin1', entry + 8, entry + 9);
  };
  const degrees = (tag: number): number | null => {
    const entry = gps.get(tag);
    if (entry === undefined || u16(entry + 2) !== 5 || u32(entry + 4) !== 3) return null;
    const values = base + u32(entry + 8);
    let total = 0;
    for (let i = 0; i < 3; i++) {
      const num = u32(values + i * 8);
      const den = u32(values + i * 8 + 4);
      if (num < 0 || den <= 0) return null;
      total += num / den / 60 ** i;
    }
    return total;
  };
  const lat = degrees(2);
  const lon = degrees(4);
  const latRef = ref(1);
  const lonRef = ref(3);
  if (lat === null || lon === null || lat > 90 || lon > 180) return null;
  if ((latRef !== 'N' && latRef !== 'S') || (lonRef !== 'E' && lonRef !== 'W')) return null;
  return { latitude: latRef === 'S' ? -lat : lat, longitude: lonRef === 'W' ? -lon : lon };
}

/** The GPS position of an image file as uploaded (read from its EXIF before it is drawn again), or null. */
export async function photoLocationOf(bytes: Buffer): Promise<PhotoLocation | null> {
  try {
    return gpsOfExif((await sharp(bytes, { limitInputPixels: false }).metadata()).exif);
  } catch {
    return null;
  }
}
