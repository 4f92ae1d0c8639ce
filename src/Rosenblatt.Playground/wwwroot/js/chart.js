// The loss chart: training (grey) and test (black) loss per epoch, drawn on a small canvas.

export class LossChart {
  constructor(canvas) {
    this.canvas = canvas;
    this.clear();
  }

  clear() {
    this.points = [];
    this.draw();
  }

  add(epoch, train, test) {
    if (!Number.isFinite(train) || !Number.isFinite(test)) return;
    const last = this.points[this.points.length - 1];
    if (last && last.epoch === epoch) this.points[this.points.length - 1] = { epoch, train, test };
    else this.points.push({ epoch, train, test });
    if (this.points.length > 2000) this.points = this.points.filter((_, i) => i % 2 === 0);
    this.draw();
  }

  draw() {
    const { canvas } = this;
    const width = canvas.clientWidth || canvas.width;
    const height = canvas.clientHeight || canvas.height;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, width, height);
    if (this.points.length < 2) return;
    const maxEpoch = this.points[this.points.length - 1].epoch || 1;
    const minEpoch = this.points[0].epoch;
    const maxLoss = Math.max(...this.points.map(p => Math.max(p.train, p.test))) || 1;
    for (const [key, color] of [['train', '#999'], ['test', '#000']]) {
      context.beginPath();
      this.points.forEach((p, i) => {
        const x = (p.epoch - minEpoch) / Math.max(1, maxEpoch - minEpoch) * (width - 2) + 1;
        const y = height - 2 - p[key] / maxLoss * (height - 4);
        if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
      });
      context.strokeStyle = color;
      context.lineWidth = 1.5;
      context.stroke();
    }
  }
}
