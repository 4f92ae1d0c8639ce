// Perceptron mode's panel: the rule's update with its numbers, mistakes per epoch, and the verdict at the end.

const f = v => (Math.abs(v) < 1e-12 ? 0 : v).toFixed(3);
const vec = v => `[${v.map(f).join(', ')}]`;

export function renderPerceptron(panel, frame) {
  panel.querySelector('#perceptron-progress').textContent = frame.total === 0
    ? 'No steps.'
    : `Step ${frame.shown} of ${frame.total}` + (frame.steps.length ? ` · epoch ${frame.steps[frame.steps.length - 1].epoch}` : '');
  const last = frame.steps[frame.steps.length - 1];
  const update = panel.querySelector('#perceptron-update');
  if (last) {
    const error = last.target - last.prediction;
    update.textContent =
      `sample ${last.sample}: x = ${vec(last.input)}, t = ${last.target}\n` +
      `y = step(w·x + b) = step(${f(last.weightsBefore[0] * last.input[0] + last.weightsBefore[1] * last.input[1] + last.biasBefore)}) = ${last.prediction}\n` +
      (error === 0
        ? 'correct: t − y = 0, nothing changes\n'
        : `w ← w + lr·(t − y)·x = ${vec(last.weightsBefore)} + ${frame.learningRate}·(${last.target} − ${last.prediction})·${vec(last.input)} = ${vec(last.weightsAfter)}\n` +
          `b ← b + lr·(t − y) = ${f(last.biasBefore)} + ${frame.learningRate}·(${error}) = ${f(last.biasAfter)}\n`);
  }
  panel.querySelector('#perceptron-mistakes').textContent = frame.mistakesPerEpoch.join(', ') || '–';
  const summary = panel.querySelector('#perceptron-summary');
  summary.replaceChildren();
  if (frame.summary) {
    const p = document.createElement('p');
    // The library's summary ends with the certificate's explanation when there is one; it is shown once, below.
    p.textContent = frame.explanation ? frame.summary.replace(frame.explanation, '').trim() : frame.summary;
    summary.append(p);
    if (frame.updateBound != null) {
      const bound = document.createElement('p');
      bound.textContent = `Convergence theorem: at most ${frame.updateBound} updates; the rule made ${frame.updates}.`;
      summary.append(bound);
    }
    if (frame.explanation) {
      const why = document.createElement('p');
      why.dataset.testid = 'certificate';
      why.textContent = `${frame.verdict === 'NotSeparable' ? 'No line separates these classes. ' : ''}${frame.explanation}`;
      summary.append(why);
    }
  }
}
