// Heat maps: a side × side grid of values painted into a canvas of that many pixels; CSS scales it up smoothly.
import { classColor, diverging } from './colors.js';

/** Paints values in [−1, 1] (row 0 at the top). With `discretize`, each cell takes the full colour of its sign. */
export function paintValues(canvas, values, side, discretize = false) {
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  const image = context.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    let v = values[i];
    if (discretize) v = v >= 0 ? 1 : -1;
    const [r, g, b] = diverging(v);
    image.data.set([r, g, b, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}

/** Paints the winning class of each cell, paler where the network is less sure. */
export function paintClasses(canvas, classes, confidence, side, discretize = false) {
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  const image = context.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const sure = discretize ? 1 : 0.25 + 0.75 * (confidence[i] / 255);
    const [r, g, b] = classColor(classes[i], sure * 0.85);
    image.data.set([r, g, b, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}

/** Bytes 0–255 mapped to [lo, hi] and then to [−1, 1]: how the server packs probabilities (0..1) and values (−1..1). */
export function byteValues(bytes, lo, hi, offset = 0, length = bytes.length - offset) {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const v = lo + (hi - lo) * bytes[offset + i] / 255;
    out[i] = lo === 0 ? 2 * v - 1 : v;
  }
  return out;
}
