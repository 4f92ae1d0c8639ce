// The page's one state object. Every field that defines a run is also in the address bar, so a link reproduces the run:
// the same address gives the same data, the same starting weights and the same batches, epoch for epoch.

export const defaults = Object.freeze({
  mode: 'network',
  dataset: 'circle',
  upload: null,
  x1Column: null,
  x2Column: null,
  labelColumn: null,
  noise: 0,
  trainPercent: 50,
  points: 500,
  batchSize: 10,
  features: ['x1', 'x2'],
  layers: [{ units: 4, activation: 'tanh' }, { units: 2, activation: 'tanh' }],
  problem: 'classification',
  loss: 'cross-entropy',
  optimizer: 'sgd',
  learningRate: 0.03,
  regularization: 'none',
  regularizationRate: 0,
  seed: 1,
  epochsPerSecond: 0,
  perceptronEpochs: 20,
  // Page-only: how the output is drawn. In the address too, so a shared link looks the same.
  showTest: false,
  discretize: false,
});

const numbers = ['noise', 'trainPercent', 'points', 'batchSize', 'learningRate', 'regularizationRate', 'seed', 'epochsPerSecond', 'perceptronEpochs'];
const booleans = ['showTest', 'discretize'];
const strings = ['mode', 'dataset', 'upload', 'x1Column', 'x2Column', 'labelColumn', 'problem', 'loss', 'optimizer', 'regularization'];

/** The state in the address bar: `layers=4:tanh,2:tanh`, `features=x1,x2`, other fields by name; defaults are left out. */
export function toQuery(state) {
  const params = new URLSearchParams();
  for (const key of [...strings, ...numbers]) {
    if (state[key] !== null && state[key] !== defaults[key]) params.set(key, String(state[key]));
  }
  for (const key of booleans) if (state[key]) params.set(key, '1');
  const features = state.features.join(',');
  if (features !== defaults.features.join(',')) params.set('features', features);
  const layers = state.layers.map(l => `${l.units}:${l.activation}`).join(',');
  if (layers !== defaults.layers.map(l => `${l.units}:${l.activation}`).join(',')) params.set('layers', layers || 'none');
  // Commas and colons stay readable (features=x1,x2&layers=4:tanh): they are safe in a query.
  return params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/** Reads a state from an address's query; unknown or malformed fields fall back to the defaults (the server checks ranges). */
export function fromQuery(query) {
  const params = new URLSearchParams(query);
  const state = structuredClone(defaults);
  for (const key of strings) if (params.has(key)) state[key] = params.get(key);
  for (const key of numbers) {
    if (!params.has(key)) continue;
    const value = Number(params.get(key));
    if (Number.isFinite(value)) state[key] = value;
  }
  for (const key of booleans) if (params.has(key)) state[key] = params.get(key) === '1';
  if (params.has('features')) state.features = params.get('features').split(',').filter(Boolean);
  if (params.has('layers')) {
    const text = params.get('layers');
    state.layers = text === 'none' ? [] : text.split(',').map(part => {
      const [units, activation] = part.split(':');
      return { units: Number(units), activation: activation || 'tanh' };
    });
  }
  return state;
}

/** The part of the state the server trains from (everything but the drawing options). */
export function toConfig(state) {
  const { showTest, discretize, ...config } = state;
  return config;
}

/** Writes the state into the address bar without adding a history entry. */
export function saveToUrl(state) {
  const query = toQuery(state);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}
