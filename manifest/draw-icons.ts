/**
 * Draws Vuoro's mark (a clock face whose rim is a turn arrow: "whose turn, how much time") and
 * the two icons Teams needs. manifest/write-icons.ts writes them; the committed PNGs must equal what
 * this draws, and a test checks that.
 */
import type { RawImage } from './png-encode';

/** The colour icon's background; also the manifest's accentColor. */
export const ACCENT_COLOR = '#1B6E74';

type Point = readonly [number, number];

const DEG = Math.PI / 180;
const CENTRE: Point = [0.5, 0.5];
const RADIUS = 0.3;
const ARC_FROM = 40 * DEG; // angles clockwise from 12 o'clock; the gap at the top is where the arrow lands
const ARC_TO = 320 * DEG;

function onRim(theta: number): Point {
  return [CENTRE[0] + RADIUS * Math.sin(theta), CENTRE[1] - RADIUS * Math.cos(theta)];
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function insideTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const side = (u: Point, v: Point): number => (v[0] - u[0]) * (p[1] - u[1]) - (v[1] - u[1]) * (p[0] - u[0]);
  const [s1, s2, s3] = [side(a, b), side(b, c), side(c, a)];
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function onHand(theta: number, length: number): Point {
  return [CENTRE[0] + length * Math.sin(theta), CENTRE[1] - length * Math.cos(theta)];
}

/** The mark drawn with stroke width `stroke`: a test of whether a point (unit square, y down) is on it. */
function markShape(stroke: number): (p: Point) => boolean {
  const tail = onRim(ARC_FROM);
  const base = onRim(ARC_TO);
  const tangent: Point = [Math.cos(ARC_TO), Math.sin(ARC_TO)];
  const normal: Point = [Math.sin(ARC_TO), -Math.cos(ARC_TO)];
  const half = stroke * 1.5;
  const head: [Point, Point, Point] = [
    [base[0] + normal[0] * half, base[1] + normal[1] * half],
    [base[0] - normal[0] * half, base[1] - normal[1] * half],
    [base[0] + tangent[0] * stroke * 2.2, base[1] + tangent[1] * stroke * 2.2],
  ];
  const hands: Point[] = [onHand(0, RADIUS * 0.62), onHand(120 * DEG, RADIUS * 0.42)];
  return (p) => {
    const [dx, dy] = [p[0] - CENTRE[0], p[1] - CENTRE[1]];
    let theta = Math.atan2(dx, -dy);
    if (theta < 0) theta += 2 * Math.PI;
    if (Math.abs(Math.hypot(dx, dy) - RADIUS) <= stroke / 2 && theta >= ARC_FROM && theta <= ARC_TO) return true;
    if (Math.hypot(p[0] - tail[0], p[1] - tail[1]) <= stroke / 2) return true; // round cap at the tail
    if (insideTriangle(p, ...head)) return true;
    return hands.some((end) => distanceToSegment(p, CENTRE, end) <= stroke * 0.45);
  };
}

/** Fraction of the pixel covered by the mark, from an n×n grid of samples (anti-aliasing). */
function coverage(x: number, y: number, size: number, onMark: (p: Point) => boolean, n: number): number {
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (onMark([(x + (i + 0.5) / n) / size, (y + (j + 0.5) / n) / size])) hits++;
    }
  }
  return hits / (n * n);
}

/** The 192×192 full-colour icon: the white mark on the accent colour. */
export function drawColorIcon(): RawImage {
  const size = 192;
  const bg = [1, 3, 5].map((i) => parseInt(ACCENT_COLOR.slice(i, i + 2), 16));
  const pixels = new Uint8Array(size * size * 3);
  const onMark = markShape(0.075);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size, onMark, 4);
      for (let c = 0; c < 3; c++) pixels[(y * size + x) * 3 + c] = Math.round(bg[c]! * (1 - a) + 255 * a);
    }
  }
  return { width: size, height: size, channels: 3, pixels };
}

/** The 32×32 outline icon: the white mark on a transparent background, as Teams requires. */
export function drawOutlineIcon(): RawImage {
  const size = 32;
  const pixels = new Uint8Array(size * size * 4);
  const onMark = markShape(0.1);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size, onMark, 8);
      const i = (y * size + x) * 4;
      if (a > 0) pixels.set([255, 255, 255, Math.round(a * 255)], i);
    }
  }
  return { width: size, height: size, channels: 4, pixels };
}

/** File names of the icons inside manifest/ and inside the app package. */
export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

