// Colours: TensorFlow Playground's convention, orange for negative (class 0), blue for positive (class 1), and a
// qualitative palette for more classes.

export const palette = ['#f59322', '#0877bd', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const negative = [245, 147, 34];
const middle = [232, 234, 235];
const positive = [8, 119, 189];

/** RGB for a value in [−1, 1]: orange through light grey to blue. */
export function diverging(value) {
  const v = Math.max(-1, Math.min(1, value));
  const [from, t] = v < 0 ? [negative, v + 1] : [middle, v];
  const to = v < 0 ? middle : positive;
  return [0, 1, 2].map(i => Math.round(from[i] + (to[i] - from[i]) * t));
}

/** RGB of class k blended towards white by (1 − confidence). */
export function classColor(k, confidence = 1) {
  const hex = palette[k % palette.length];
  const rgb = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
  return rgb.map(c => Math.round(255 + (c - 255) * confidence));
}

/** The bytes of a base64 string. */
export function bytes(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
