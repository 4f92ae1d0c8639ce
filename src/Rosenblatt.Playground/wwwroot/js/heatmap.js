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

// Every byte map the server sends (probability 0–1, neuron activation or regression value −1–1) packs its value v as
// b = round((v + 1)/2 · 255) in the colour scale's terms, so one 256-entry colour table paints them all without
// per-pixel arithmetic: at 20+ frames a second with 48 neuron maps, that is most of the page's work.
const smooth = new Uint8ClampedArray(256 * 4);
const sharp = new Uint8ClampedArray(256 * 4);
for (let b = 0; b < 256; b++) {
  smooth.set([...diverging(2 * b / 255 - 1), 255], b * 4);
  sharp.set([...diverging(b >= 128 ? 1 : -1), 255], b * 4);
}
const images = new WeakMap();

/** Paints `side²` bytes of `data` from `offset` (row 0 at the top) through the colour table. */
export function paintBytes(canvas, data, offset, side, discretize = false) {
  if (canvas.width !== side) { canvas.width = side; canvas.height = side; }
  const context = canvas.getContext('2d');
  let image = images.get(canvas);
  if (!image || image.width !== side) { image = context.createImageData(side, side); images.set(canvas, image); }
  const table = discretize ? sharp : smooth;
  const pixels = image.data;
  for (let i = 0; i < side * side; i++) {
    const c = data[offset + i] * 4;
    pixels[i * 4] = table[c];
    pixels[i * 4 + 1] = table[c + 1];
    pixels[i * 4 + 2] = table[c + 2];
    pixels[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
