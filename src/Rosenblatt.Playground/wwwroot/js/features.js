// The input features and their pictures: each feature's value over the plot, computed here (it never changes).
import { paintValues } from './heatmap.js';

export const featureInfo = [
  { id: 'x1', label: 'X₁', f: (x, y) => x, scale: 6 },
  { id: 'x2', label: 'X₂', f: (x, y) => y, scale: 6 },
  { id: 'x1sq', label: 'X₁²', f: (x, y) => x * x, scale: 36, centre: 18 },
  { id: 'x2sq', label: 'X₂²', f: (x, y) => y * y, scale: 36, centre: 18 },
  { id: 'x1x2', label: 'X₁X₂', f: (x, y) => x * y, scale: 36 },
  { id: 'sinx1', label: 'sin(X₁)', f: (x, y) => Math.sin(x), scale: 1 },
  { id: 'sinx2', label: 'sin(X₂)', f: (x, y) => Math.sin(y), scale: 1 },
];

export function featureLabel(id) {
  return featureInfo.find(f => f.id === id)?.label ?? id;
}

/** Paints a feature's values over the plot into `canvas`, scaled into [−1, 1]. */
export function paintFeature(canvas, id, side = 32) {
  const info = featureInfo.find(f => f.id === id);
  const values = new Float32Array(side * side);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const x = -6 + (col + 0.5) * 12 / side;
      const y = 6 - (row + 0.5) * 12 / side;
      const v = info.f(x, y);
      values[row * side + col] = info.centre !== undefined ? (v - info.centre) / info.centre : v / info.scale;
    }
  }
  paintValues(canvas, values, side);
}
