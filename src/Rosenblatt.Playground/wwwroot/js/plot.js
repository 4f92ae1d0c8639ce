// The data plot on top of the heat map: points, and in perceptron mode the rule's line and XOR's certificate.
import { palette, diverging } from './colors.js';

export const extent = 6;

export function toPixel(canvas, x, y) {
  return [(x + extent) / (2 * extent) * canvas.width, (extent - y) / (2 * extent) * canvas.height];
}

export function fromPixel(canvas, px, py) {
  return [px / canvas.width * 2 * extent - extent, extent - py / canvas.height * 2 * extent];
}

function pointColor(value, regression) {
  if (!regression) return palette[value % palette.length];
  const [r, g, b] = diverging(value);
  return `rgb(${r},${g},${b})`;
}

/** Draws the training points (white rims) and, when asked, the test points (black rims). */
export function drawPoints(canvas, data, showTest, highlight = null) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (!data) return;
  const sets = showTest ? [[data.train, '#fff'], [data.test, '#000']] : [[data.train, '#fff']];
  for (const [points, rim] of sets) {
    for (const [x, y, value] of points) {
      const [px, py] = toPixel(canvas, x, y);
      context.beginPath();
      context.arc(px, py, 3.5, 0, 2 * Math.PI);
      context.fillStyle = pointColor(value, data.regression);
      context.fill();
      context.lineWidth = 1;
      context.strokeStyle = rim;
      context.stroke();
    }
  }
  if (highlight) {
    const [px, py] = toPixel(canvas, highlight[0], highlight[1]);
    context.beginPath();
    context.arc(px, py, 8, 0, 2 * Math.PI);
    context.lineWidth = 2.5;
    context.strokeStyle = '#000';
    context.stroke();
  }
}

/** Draws the line w1·x1 + w2·x2 + b = 0 across the plot, with a small arrow towards the side classified 1. */
export function drawLine(canvas, w, b) {
  const context = canvas.getContext('2d');
  const [w1, w2] = w;
  if (Math.abs(w1) < 1e-12 && Math.abs(w2) < 1e-12) return;
  const ends = [];
  if (Math.abs(w2) > Math.abs(w1)) {
    for (const x of [-extent, extent]) ends.push([x, -(w1 * x + b) / w2]);
  } else {
    for (const y of [-extent, extent]) ends.push([-(w2 * y + b) / w1, y]);
  }
  const [a, c] = ends.map(([x, y]) => toPixel(canvas, x, y));
  context.beginPath();
  context.moveTo(a[0], a[1]);
  context.lineTo(c[0], c[1]);
  context.lineWidth = 3;
  context.strokeStyle = '#111';
  context.stroke();
}

/** Draws a separability certificate: each class's points joined to the common point they both average to. */
export function drawCertificate(canvas, frame) {
  if (!frame.commonPoint) return;
  const context = canvas.getContext('2d');
  const [cx, cy] = toPixel(canvas, frame.commonPoint[0], frame.commonPoint[1]);
  for (const [points, color] of [[frame.positivePoints, palette[1]], [frame.negativePoints, palette[0]]]) {
    for (const p of points) {
      const [px, py] = toPixel(canvas, p.x, p.y);
      context.beginPath();
      context.moveTo(cx, cy);
      context.lineTo(px, py);
      context.setLineDash([6, 4]);
      context.lineWidth = 1 + 3 * p.weight;
      context.strokeStyle = color;
      context.stroke();
      context.setLineDash([]);
    }
  }
  context.beginPath();
  context.arc(cx, cy, 7, 0, 2 * Math.PI);
  context.fillStyle = '#fff';
  context.fill();
  context.lineWidth = 3;
  context.strokeStyle = '#c0392b';
  context.stroke();
}
