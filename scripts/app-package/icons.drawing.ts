import { PNG } from 'pngjs';

/** An RGBA image, row by row, four bytes a pixel. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Whether a point (in pixel units, y down) lies inside a shape. */
type Shape = (x: number, y: number) => boolean;

/** Samples per pixel along each axis: 8 × 8 gives smooth edges without a graphics library. */
const SUPERSAMPLING = 8;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) => {
    const distance = Math.hypot(x - cx, y - cy);
    return distance >= r - width / 2 && distance <= r + width / 2;
  };

const roundedSquare =
  (size: number, radius: number): Shape =>
  (x, y) => {
    const nearestX = Math.min(Math.max(x, radius), size - radius);
    const nearestY = Math.min(Math.max(y, radius), size - radius);
    return x >= 0 && y >= 0 && x <= size && y <= size && (x - nearestX) ** 2 + (y - nearestY) ** 2 <= radius * radius;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

const minus =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !cut(x, y);

/** A person seen from the front: a head above rounded shoulders, with a gap between them. */
function person(cx: number, cy: number, scale: number): Shape {
  const headY = cy - 7 * scale;
  const head = disc(cx, headY, 8 * scale);
  const shoulders: Shape = (x, y) => disc(cx, cy + 15 * scale, 15 * scale)(x, y) && y <= cy + 11 * scale;
  return union(head, minus(shoulders, disc(cx, headY, 11 * scale)));
}

/** Evenly spaced points on a circle, the first at the top. */
function around(count: number, cx: number, cy: number, r: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / count;
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
  });
}

/** The fraction of a pixel a shape covers, by supersampling. */
function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let i = 0; i < SUPERSAMPLING; i += 1) {
    for (let j = 0; j < SUPERSAMPLING; j += 1) {
      if (shape(px + (i + 0.5) / SUPERSAMPLING, py + (j + 0.5) / SUPERSAMPLING)) inside += 1;
    }
  }
  return inside / (SUPERSAMPLING * SUPERSAMPLING);
}

type Rgb = readonly [number, number, number];

const TEAL: Rgb = [0x14, 0x86, 0x82];
const BLUE: Rgb = [0x1d, 0x5f, 0x9a];

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * t)) as unknown as Rgb;
}

/** The accent colour in the manifest: the middle of the icon's gradient. */
export const ACCENT_COLOR = `#${mix(TEAL, BLUE, 0.5)
  .map((channel) => channel.toString(16).padStart(2, '0'))
  .join('')}`;

/**
 * The colour icon: a rounded square shading from teal to blue, with a white motif of five people
 * around a child at the centre, joined by a faint ring — a core group. 192 × 192 for the app; the
 * Outlook add-in's ribbon button takes the same drawing at 16, 32 and 80.
 */
export function drawColorIcon(size = 192): Raster {
  const k = size / 192;
  const centre = size / 2;
  const background = roundedSquare(size, 40 * k);
  const people = union(...around(5, centre, centre, 50 * k).map((point) => person(point.x, point.y, k)));
  const child = disc(centre, centre, 17 * k);
  const circle = ring(centre, centre, 50 * k, Math.max(1, 4 * k));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const base = coverage(background, x, y);
      const shade = mix(TEAL, BLUE, (x + y) / (2 * size));
      const white = Math.min(1, coverage(people, x, y) + coverage(child, x, y) + 0.45 * coverage(circle, x, y));
      const offset = (y * size + x) * 4;
      for (let k = 0; k < 3; k += 1) data[offset + k] = Math.round(shade[k]! * (1 - white) + 255 * white);
      data[offset + 3] = Math.round(255 * base);
    }
  }
  return { width: size, height: size, data };
}

/**
 * The 32 × 32 outline icon: the same motif as white dots on a transparent background (Teams
 * accepts only white and transparency here), a ring joining five members around the centre.
 */
export function drawOutlineIcon(): Raster {
  const size = 32;
  const centre = size / 2;
  const motif = union(disc(centre, centre, 3.6), ring(centre, centre, 10.5, 1.1), ...around(5, centre, centre, 10.5).map((point) => disc(point.x, point.y, 3)));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const offset = (y * size + x) * 4;
      data.fill(255, offset, offset + 3);
      data[offset + 3] = Math.round(255 * coverage(motif, x, y));
    }
  }
  return { width: size, height: size, data };
}

/** Encodes an RGBA raster as a PNG file. */
export function encodePng(raster: Raster): Buffer {
  const png = new PNG({ width: raster.width, height: raster.height, colorType: 6, inputHasAlpha: true });
  png.data = Buffer.from(raster.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** Decodes a PNG file to RGBA; throws if the bytes are not a PNG. */
export function decodePng(bytes: Uint8Array): Raster {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}
