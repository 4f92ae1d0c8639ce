// The network diagram: features, hidden layers and outputs as small heat maps, joined by one path per weight whose width
// is |w| and whose colour is its sign (blue positive, orange negative). Hover a path or a bias square to read it; click
// to edit it.
import { bytes } from './colors.js';
import { paintBytes } from './heatmap.js';
import { featureLabel, paintFeature } from './features.js';

const activations = ['tanh', 'sigmoid', 'relu', 'leaky_relu', 'identity', 'step'];

export class NetworkView {
  constructor(root, { onStructure, onEditWeight }) {
    this.root = root;
    this.layersElement = root.querySelector('#layers');
    this.svg = root.querySelector('#links');
    this.card = root.parentElement.querySelector('#weight-card');
    this.onStructure = onStructure;
    this.onEditWeight = onEditWeight;
    this.nodes = [];
    this.paths = [];
    this.frame = null;
    window.addEventListener('resize', () => this.layoutLinks());
  }

  /** Rebuilds the diagram for `state` (features, hidden layers) and `outputs` output units. */
  build(state, outputs, limits) {
    this.state = state;
    this.layersElement.replaceChildren();
    this.nodes = [];
    const columns = [
      { title: 'inputs', units: state.features.map(featureLabel), kind: 'input' },
      ...state.layers.map((l, i) => ({ title: `layer ${i + 1}`, units: Array.from({ length: l.units }, (_, k) => `neuron ${k + 1}`), kind: 'hidden', index: i })),
      { title: 'output', units: Array.from({ length: outputs }, (_, k) => outputs > 1 ? `class ${k}` : 'output'), kind: 'output' },
    ];
    for (const column of columns) {
      const element = document.createElement('div');
      element.className = 'layer';
      element.dataset.kind = column.kind;
      const head = document.createElement('div');
      head.className = 'layer-head';
      if (column.kind === 'hidden') {
        const layer = state.layers[column.index];
        const controls = document.createElement('div');
        const plus = button('+', `Add a neuron to layer ${column.index + 1}`, () => {
          if (layer.units < limits.maxNeuronsPerLayer) { layer.units++; this.onStructure(); }
        });
        const minus = button('−', `Remove a neuron from layer ${column.index + 1}`, () => {
          if (layer.units > 1) { layer.units--; this.onStructure(); }
        });
        plus.dataset.testid = `add-neuron-${column.index}`;
        controls.append(plus, minus);
        const select = document.createElement('select');
        select.title = `Activation of layer ${column.index + 1}`;
        select.dataset.testid = `activation-${column.index}`;
        for (const name of activations) select.append(new Option(name, name, false, name === layer.activation));
        select.addEventListener('change', () => { layer.activation = select.value; this.onStructure(); });
        head.append(controls, `${layer.units} neuron${layer.units === 1 ? '' : 's'}`, select);
      } else {
        head.append(column.title);
      }
      element.append(head);
      const nodes = [];
      column.units.forEach((label, k) => {
        const neuron = document.createElement('div');
        neuron.className = 'neuron';
        neuron.title = label;
        const canvas = document.createElement('canvas');
        canvas.width = 32;
        canvas.height = 32;
        neuron.append(canvas);
        if (column.kind === 'input') {
          paintFeature(canvas, state.features[k]);
        } else {
          const bias = document.createElement('div');
          bias.className = 'bias';
          bias.addEventListener('mouseenter', () => bias.title = this.biasText(nodes.layerIndex, k));
          bias.addEventListener('click', event => this.edit(event, nodes.layerIndex, -1, k));
          neuron.append(bias);
        }
        element.append(neuron);
        nodes.push({ element: neuron, canvas });
      });
      nodes.layerIndex = this.nodes.length - 1; // weight layer index for hidden/output columns
      this.nodes.push(nodes);
      this.layersElement.append(element);
    }
    requestAnimationFrame(() => this.layoutLinks());
  }

  /** Draws one path per weight between consecutive columns. */
  layoutLinks() {
    const box = this.root.getBoundingClientRect();
    this.svg.replaceChildren();
    this.paths = [];
    for (let layer = 0; layer + 1 < this.nodes.length; layer++) {
      const rows = [];
      this.nodes[layer].forEach((from, i) => {
        const row = [];
        this.nodes[layer + 1].forEach((to, j) => {
          const a = from.element.getBoundingClientRect();
          const b = to.element.getBoundingClientRect();
          const x1 = a.right - box.left, y1 = a.top + a.height / 2 - box.top;
          const x2 = b.left - box.left, y2 = b.top + b.height / 2 - box.top;
          const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
          const mid = (x1 + x2) / 2;
          path.setAttribute('d', `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`);
          path.dataset.layer = layer;
          path.dataset.from = i;
          path.dataset.to = j;
          const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
          path.append(title);
          path.addEventListener('mouseenter', () => title.textContent = this.weightText(layer, i, j));
          path.addEventListener('click', event => this.edit(event, layer, i, j));
          this.svg.append(path);
          row.push(path);
        });
        rows.push(row);
      });
      this.paths.push(rows);
    }
    if (this.frame) this.update(this.frame);
  }

  weight(layer, from, to) {
    const units = this.frame.biases[layer].length;
    return this.frame.weights[layer][from * units + to];
  }

  weightText(layer, from, to) {
    if (!this.frame) return '';
    return `weight ${this.weight(layer, from, to).toFixed(4)} (click to edit)`;
  }

  biasText(layer, unit) {
    if (!this.frame) return '';
    return `bias ${this.frame.biases[layer][unit].toFixed(4)} (click to edit)`;
  }

  /** Opens a small editor at the pointer for one weight (or bias, when `from` is −1). */
  edit(event, layer, from, to) {
    if (!this.frame) return;
    const current = from < 0 ? this.frame.biases[layer][to] : this.weight(layer, from, to);
    const card = this.card;
    const box = this.root.parentElement.getBoundingClientRect();
    card.replaceChildren();
    const label = document.createElement('label');
    label.textContent = from < 0 ? 'Bias ' : 'Weight ';
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.value = current.toFixed(4);
    input.dataset.testid = 'weight-input';
    label.append(input);
    card.append(label);
    card.style.left = `${event.clientX - box.left + 8}px`;
    card.style.top = `${event.clientY - box.top + 8}px`;
    card.hidden = false;
    input.focus();
    input.select();
    const close = () => { card.hidden = true; };
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        const value = Number(input.value);
        if (Number.isFinite(value)) this.onEditWeight(layer, from, to, value);
        close();
      } else if (e.key === 'Escape') close();
    });
    input.addEventListener('blur', close);
  }

  /** Paints a frame: neuron heat maps and the paths' widths and colours. */
  update(frame) {
    this.frame = frame;
    const side = frame.neuronGrid;
    frame.neurons.forEach((packed, layer) => {
      const column = this.nodes[layer + 1];
      if (!column) return;
      const data = bytes(packed);
      column.forEach((node, k) => paintBytes(node.canvas, data, k * side * side, side));
    });
    this.paths.forEach((rows, layer) => rows.forEach((row, i) => row.forEach((path, j) => {
      const w = this.weight(layer, i, j);
      path.setAttribute('stroke', w >= 0 ? '#0877bd' : '#f59322');
      path.setAttribute('stroke-width', Math.min(10, Math.max(0.4, Math.abs(w) * 2)).toFixed(2));
      path.setAttribute('stroke-opacity', '0.75');
    })));
  }
}

function button(text, title, action) {
  const b = document.createElement('button');
  b.textContent = text;
  b.title = title;
  b.addEventListener('click', action);
  return b;
}
