/**
 * How long a phone's photo takes to be checked and kept (attachments.image.ts): a 12-megapixel JPEG (4000 × 3000,
 * EXIF orientation 6) re-encoded to at most 2000 px without EXIF, plus its thumbnail. Run: node --import tsx bench/photos.ts
 */
import sharp from 'sharp';
import { preparePhoto } from '../server/src/modules/attachments';

const photo = await sharp({
  create: {
    width: 4000,
    height: 3000,
    channels: 3,
    background: { r: 128, g: 128, b: 128 },
    noise: { type: 'gaussian', mean: 128, sigma: 40 },
  },
})
  .jpeg({ quality: 90 })
  .withMetadata({ orientation: 6 })
  .toBuffer();
const runs = 5;
await preparePhoto(photo, 'warm-up.jpg');
const started = performance.now();
let stored = 0;
for (let i = 0; i < runs; i++) stored = (await preparePhoto(photo, 'IMG.jpg')).original.data.length;
const ms = (performance.now() - started) / runs;
console.log(
  `photo ${(photo.length / 1024 / 1024).toFixed(1)} MB 4000×3000 → stored ${(stored / 1024).toFixed(0)} KB: ${ms.toFixed(0)} ms per photo`,
);
