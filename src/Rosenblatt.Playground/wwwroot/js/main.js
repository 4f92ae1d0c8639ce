// The playground page: one state object (also the address), one live connection, and a few views that paint what the
// server's engine sends. Nothing is trained here.
import { Connection } from './connection.js';
import { LossChart } from './chart.js';
import { bytes } from './colors.js';
import { featureInfo, paintFeature } from './features.js';
import { paintBytes, paintClasses, paintValues } from './heatmap.js';
import { NetworkView } from './network.js';
import { renderPerceptron } from './perceptron.js';
import { drawCertificate, drawLine, drawPoints, fromPixel } from './plot.js';
import { fromQuery, saveToUrl, toConfig } from './state.js';

const $ = id => document.getElementById(id);
const datasetLabels = {
  circle: 'circle', xor: 'xor', gaussian: 'gaussian', spiral: 'spiral', spiral3: '3-arm spiral', blobs: 'blobs (3)', moons: 'moons',
  plane: 'plane (regr.)', 'multi-gaussian': 'gaussians (regr.)',
};

let state = fromQuery(location.search);
let limits = { maxNeuronsPerLayer: 8, maxHiddenLayers: 6, maxPoints: 5000 };
let data = null;
let lastFrame = null;
let lastPerceptron = null;
let running = false;
let pendingInfo = null;

const chart = new LossChart($('loss-chart'));
const view = new NetworkView($('network'), {
  onStructure: () => changed(),
  onEditWeight: (layer, from, to, value) => connection.send({ type: 'setWeight', layer, from, to, value }),
});

const connection = new Connection({
  status: text => { $('status').textContent = text; },
  data: message => {
    data = message;
    lastFrame = null;
    lastPerceptron = null;
    chart.clear();
    const outputs = data.regression || data.classes.length === 2 ? 1 : data.classes.length;
    if (state.mode === 'network') view.build(state, outputs, limits);
    if (data.note) showMessage(data.note, 'info');
    else if (pendingInfo) showMessage(pendingInfo, 'info');
    else hideMessage();
    pendingInfo = null;
    drawPoints($('points-layer'), data, state.showTest);
  },
  frame: frame => {
    lastFrame = frame;
    framesPainted++;
    setRunning(frame.running);
    paintFrame(frame);
    // Painted into the canvases: the server may build the next frame while the browser composites this one.
    connection.send({ type: 'ack' });
  },
  perceptron: frame => {
    lastPerceptron = frame;
    setRunning(frame.running);
    paintPerceptron(frame);
    connection.send({ type: 'ack' });
  },
  error: message => {
    setRunning(false);
    showMessage(message.message);
  },
  model: message => download(message.fileName, message.text, 'application/json'),
  csv: message => download(message.fileName, message.text, 'text/csv'),
  imported: message => {
    state = { ...state, ...message.config };
    saveToUrl(state);
    syncControls();
    // Shown with the data that follows (which would otherwise clear it).
    pendingInfo = 'Model imported: the network on the page is the file\'s, with its weights.';
  },
});

function paintFrame(frame) {
  $('epoch').textContent = String(frame.epoch).padStart(6, '0');
  $('train-loss').textContent = frame.trainLoss == null ? '–' : frame.trainLoss.toFixed(3);
  $('test-loss').textContent = frame.testLoss == null ? '–' : frame.testLoss.toFixed(3);
  $('test-accuracy').textContent = frame.testAccuracy == null ? '–' : `${(100 * frame.testAccuracy).toFixed(1)}%`;
  chart.add(frame.epoch, frame.trainLoss, frame.testLoss);
  const heat = $('heatmap');
  const output = bytes(frame.output);
  if (frame.confidence) paintClasses(heat, output, bytes(frame.confidence), frame.grid, state.discretize);
  else paintBytes(heat, output, 0, frame.grid, state.discretize);
  view.update(frame);
  renderConfusion(frame);
}

function renderConfusion(frame) {
  const root = $('confusion');
  root.replaceChildren();
  if (!frame.confusion || !data) return;
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = 'Test set: actual (rows) × predicted (columns)';
  table.append(caption);
  const head = table.insertRow();
  head.insertCell().textContent = '';
  for (const name of data.classes) {
    const th = document.createElement('th');
    th.textContent = name;
    head.append(th);
  }
  frame.confusion.forEach((row, i) => {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = data.classes[i];
    tr.append(th);
    row.forEach((count, j) => {
      const td = tr.insertCell();
      td.textContent = count;
      if (i === j) td.className = 'diagonal';
    });
  });
  root.append(table);
}

function paintPerceptron(frame) {
  const last = frame.steps[frame.steps.length - 1];
  const side = 100;
  const values = new Float32Array(side * side);
  const w = last ? last.weightsAfter : [0, 0];
  const b = last ? last.biasAfter : 0;
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const x = -6 + (col + 0.5) * 12 / side, y = 6 - (row + 0.5) * 12 / side;
      values[row * side + col] = w[0] * x + w[1] * y + b >= 0 ? 0.35 : -0.35;
    }
  }
  paintValues($('heatmap'), values, side);
  $('epoch').textContent = String(last ? last.epoch : 0).padStart(6, '0');
  const canvas = $('points-layer');
  drawPoints(canvas, data, state.showTest, last ? last.input : null);
  if (last) drawLine(canvas, w, b);
  if (frame.summary) drawCertificate(canvas, frame);
  renderPerceptron($('perceptron-panel'), frame);
}

function setRunning(value) {
  running = value;
  $('play').textContent = running ? '❚❚' : '▶';
  $('play').title = running ? 'Pause' : 'Play';
}

function showMessage(text, kind = 'error') {
  const box = $('message');
  box.textContent = text;
  box.className = kind === 'info' ? 'message info' : 'message';
  box.hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
}

let lastDownload = null;
let framesPainted = 0;

function download(name, text, type) {
  lastDownload = { name, text };
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Sends the state to the server as a new run and writes it into the address. */
function changed() {
  saveToUrl(state);
  syncControls();
  document.body.classList.toggle('perceptron-mode', state.mode === 'perceptron');
  $('perceptron-panel').hidden = state.mode !== 'perceptron';
  connection.send({ type: 'configure', config: toConfig(state) });
}

// --- controls -------------------------------------------------------------------------------------------------------------

const selects = ['mode', 'learningRate', 'optimizer', 'regularization', 'regularizationRate', 'problem', 'loss', 'epochsPerSecond', 'x1Column', 'x2Column', 'labelColumn'];
const numericSelects = new Set(['learningRate', 'regularizationRate', 'epochsPerSecond']);
const sliders = { trainPercent: v => `${v}%`, noise: v => v, batchSize: v => v, points: v => v };

function syncControls() {
  for (const id of selects) {
    const element = $(id);
    if (!element || state[id] === null || state[id] === undefined) continue;
    const value = String(state[id]);
    if (![...element.options].some(o => o.value === value)) element.append(new Option(value, value));
    element.value = value;
  }
  for (const [id, show] of Object.entries(sliders)) {
    const value = id === 'noise' ? Math.round(state.noise * 100) : state[id];
    $(id).value = value;
    $(`${id}-value`).textContent = show(value);
  }
  $('seed').value = state.seed;
  $('showTest').checked = state.showTest;
  $('discretize').checked = state.discretize;
  $('layer-count').textContent = state.layers.length;
  for (const button of $('datasets').children) button.classList.toggle('selected', button.dataset.name === state.dataset);
  for (const element of $('features').children) element.classList.toggle('on', state.features.includes(element.dataset.id));
}

function buildControls() {
  for (const id of selects) {
    $(id)?.addEventListener('change', event => {
      state[id] = numericSelects.has(id) ? Number(event.target.value) : event.target.value;
      if (id === 'problem') state.dataset = state.problem === 'regression' ? 'plane' : 'circle';
      if (id === 'mode' && state.mode === 'perceptron') {
        state.features = ['x1', 'x2'];
        if (!['circle', 'xor', 'gaussian', 'spiral', 'moons', 'csv'].includes(state.dataset)) state.dataset = 'xor';
        state.problem = 'classification';
      }
      changed();
    });
  }
  for (const id of Object.keys(sliders)) {
    $(id).addEventListener('input', event => {
      const value = Number(event.target.value);
      $(`${id}-value`).textContent = sliders[id](value);
    });
    $(id).addEventListener('change', event => {
      const value = Number(event.target.value);
      state[id] = id === 'noise' ? value / 100 : value;
      changed();
    });
  }
  $('seed').addEventListener('change', event => { state.seed = Math.max(0, Math.floor(Number(event.target.value) || 0)); changed(); });
  $('regenerate').addEventListener('click', () => { state.seed = (state.seed + 1) % 2147483647; changed(); });
  $('showTest').addEventListener('change', event => { state.showTest = event.target.checked; saveToUrl(state); redraw(); });
  $('discretize').addEventListener('change', event => { state.discretize = event.target.checked; saveToUrl(state); redraw(); });
  $('play').addEventListener('click', () => connection.send({ type: running ? 'pause' : 'play' }));
  $('step').addEventListener('click', () => connection.send({ type: 'step' }));
  $('reset').addEventListener('click', () => connection.send({ type: 'reset' }));
  $('add-layer').addEventListener('click', () => {
    if (state.layers.length < limits.maxHiddenLayers) { state.layers.push({ units: 2, activation: state.layers.at(-1)?.activation ?? 'tanh' }); changed(); }
  });
  $('remove-layer').addEventListener('click', () => { if (state.layers.length > 0) { state.layers.pop(); changed(); } });
  $('export').addEventListener('click', () => connection.send({ type: 'export' }));
  $('export-data').addEventListener('click', () => connection.send({ type: 'exportData', test: true }));
  $('import-file').addEventListener('change', async event => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) connection.send({ type: 'import', text: await file.text() });
  });
  $('csv-file').addEventListener('change', async event => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) await uploadCsv(file.name, await file.text());
  });
  $('points-layer').addEventListener('click', event => {
    if (!data || state.mode !== 'network') return;
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    const [x, y] = fromPixel(canvas, (event.clientX - rect.left) * canvas.width / rect.width, (event.clientY - rect.top) * canvas.height / rect.height);
    const value = data.regression ? (event.shiftKey ? -1 : 1) : (event.shiftKey ? 1 : 0);
    connection.send({ type: 'addPoint', x, y, value });
  });

  for (const name of Object.keys(datasetLabels)) {
    const button = document.createElement('button');
    button.dataset.name = name;
    button.textContent = datasetLabels[name];
    button.addEventListener('click', () => {
      state.dataset = name;
      state.problem = name === 'plane' || name === 'multi-gaussian' ? 'regression' : 'classification';
      changed();
    });
    $('datasets').append(button);
  }
  for (const info of featureInfo) {
    const element = document.createElement('div');
    element.className = 'feature';
    element.dataset.id = info.id;
    element.dataset.testid = `feature-${info.id}`;
    const canvas = document.createElement('canvas');
    paintFeature(canvas, info.id);
    element.append(canvas, info.label);
    element.addEventListener('click', () => {
      const on = state.features.includes(info.id);
      if (on && state.features.length === 1) return;
      state.features = on ? state.features.filter(f => f !== info.id) : featureInfo.map(f => f.id).filter(f => f === info.id || state.features.includes(f));
      changed();
    });
    $('features').append(element);
  }
}

async function uploadCsv(name, text) {
  const response = await fetch(`/api/csv?name=${encodeURIComponent(name)}`, { method: 'POST', body: text, headers: { 'Content-Type': 'text/csv' } });
  const result = await response.json().catch(() => ({ error: `The server answered ${response.status}.` }));
  if (!response.ok) {
    showMessage(`Your file could not be used. ${result.error}`);
    return;
  }
  for (const id of ['x1Column', 'x2Column', 'labelColumn']) {
    const select = $(id);
    select.replaceChildren(...result.columns.map(c => new Option(c, c)));
  }
  $('csv-columns').hidden = false;
  state = { ...state, dataset: 'csv', upload: result.id, x1Column: result.columns[0], x2Column: result.columns[1], labelColumn: result.columns.at(-1) };
  changed();
}

function redraw() {
  if (state.mode === 'perceptron' && lastPerceptron) paintPerceptron(lastPerceptron);
  else {
    drawPoints($('points-layer'), data, state.showTest);
    if (lastFrame) paintFrame(lastFrame);
  }
}

// --- tabs ------------------------------------------------------------------------------------------------------------------

let lessonsLoaded = false;
for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', async () => {
    for (const other of document.querySelectorAll('.tab')) {
      other.classList.toggle('active', other === tab);
      other.setAttribute('aria-selected', String(other === tab));
    }
    $('playground').hidden = tab.dataset.tab !== 'playground';
    $('lessons').hidden = tab.dataset.tab !== 'lessons';
    if (tab.dataset.tab === 'lessons' && !lessonsLoaded) {
      lessonsLoaded = true;
      try {
        const module = await import('./lessons.js');
        await module.mountLessons($('lessons-root'));
      } catch (error) {
        $('lessons-root').textContent = `The lessons could not be loaded: ${error.message}`;
      }
    }
  });
}

// --- start -----------------------------------------------------------------------------------------------------------------

buildControls();
fetch('/api/info').then(r => r.json()).then(info => { limits = info.limits; }).catch(() => {});
changed();
// What tests and benchmarks read: the state, the last frame and data, downloads, and a count of frames painted.
window.playground = {
  get state() { return state; },
  get frame() { return lastFrame; },
  get perceptron() { return lastPerceptron; },
  get data() { return data; },
  get lastDownload() { return lastDownload; },
  get framesPainted() { return framesPainted; },
  get message() { return $('message').hidden ? null : $('message').textContent; },
};
