// The Lessons tab: the lessons' pages (prose rendered by the server), an editor per cell, and the engine's answers
// (output, checks, hints, solutions, plain-English help). Learner code never runs here or in the server: the server
// hands it to the lesson engine's worker process.
const state = { index: null, lesson: null, cells: [] };
window.lessons = state;

async function api(path, method = 'GET', body = undefined) {
  const response = await fetch(`/api/lessons${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(json.error || `${response.status} ${response.statusText}`);
  return json;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

export async function mountLessons(root) {
  if (!document.querySelector('link[href="/css/lessons.css"]'))
    document.head.append(el('link', { rel: 'stylesheet', href: '/css/lessons.css' }));
  state.index = await api('');
  const nav = el('nav', { class: 'lesson-list', 'aria-label': 'Lessons' });
  const page = el('article', { class: 'lesson-page', id: 'lesson-page' });
  root.replaceChildren(nav, page);
  for (const lesson of state.index.lessons) {
    nav.append(el('button', {
      class: 'lesson-link', 'data-lesson': lesson.number, title: lesson.summary,
      onclick: () => openLesson(lesson.number),
    }, el('span', { class: 'number', text: String(lesson.number) }), el('span', { text: lesson.title }),
    el('span', { class: 'progress', text: `${lesson.passed}/${lesson.exercises}` })));
  }
  const wanted = Number(new URLSearchParams(location.hash.slice(1)).get('lesson')) || 1;
  await openLesson(wanted);
}

async function openLesson(number) {
  const lesson = await api(`/${number}`);
  state.lesson = lesson;
  state.cells = [];
  history.replaceState(null, '', `${location.pathname}${location.search}#lesson=${number}`);
  for (const link of document.querySelectorAll('.lesson-link'))
    link.classList.toggle('active', Number(link.dataset.lesson) === number);
  const page = document.getElementById('lesson-page');
  page.replaceChildren(
    el('p', { class: 'lesson-note', text: `Lesson ${lesson.number} of ${state.index.lessons.length}. Your code runs in a separate process on this computer, ` +
      `at most ${lesson.cellSeconds} s per cell and ${state.index.memoryMegabytes} MB of memory. Cells share their variables in page order, like a notebook. ` +
      'Every hint and error explanation was written by people for these lessons: no AI.' }));
  for (const block of lesson.blocks) {
    if (block.kind === 'prose') {
      const prose = el('div', { class: 'prose' });
      prose.innerHTML = block.html; // Markdown rendered on the server with raw HTML disabled
      page.append(prose);
    } else {
      page.append(cellView(lesson.number, block));
    }
  }
  const next = state.index.lessons.find(l => l.number === number + 1);
  if (next) page.append(el('button', { class: 'next-lesson', onclick: () => openLesson(next.number) , text: `Next: lesson ${next.number}, ${next.title} →` }));
  page.scrollTop = 0;
}

function edits() {
  return Object.fromEntries(state.cells.map(c => [c.name, c.editor.value]));
}

function cellView(lessonNumber, block) {
  const exercise = block.kind === 'exercise';
  const editor = el('textarea', { class: 'code', spellcheck: 'false', autocapitalize: 'off', 'aria-label': `code of ${block.name}`, 'data-cell': block.name });
  editor.value = block.code;
  const fit = () => { editor.rows = Math.max(3, editor.value.split('\n').length + 1); };
  fit();
  const output = el('div', { class: 'cell-output', 'aria-live': 'polite' });
  const cell = { name: block.name, editor, output };
  state.cells.push(cell);

  let saveTimer = 0;
  editor.addEventListener('input', () => {
    fit();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => api(`/${lessonNumber}/cells/${encodeURIComponent(block.name)}`, 'PUT', { code: editor.value }).catch(() => {}), 600);
  });
  editor.addEventListener('keydown', event => {
    if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      editor.setRangeText('    ', editor.selectionStart, editor.selectionEnd, 'end');
      editor.dispatchEvent(new Event('input'));
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (exercise ? check : run)();
    }
  });

  const busy = async (button, label, work) => {
    const buttons = box.querySelectorAll('button');
    buttons.forEach(b => { b.disabled = true; });
    const was = button.textContent;
    button.textContent = label;
    try { await work(); } catch (error) { output.replaceChildren(el('p', { class: 'error', text: error.message })); }
    finally { button.textContent = was; buttons.forEach(b => { b.disabled = false; }); }
  };
  const run = () => busy(runButton, 'Running…', async () => {
    const report = await api(`/${lessonNumber}/cells/${encodeURIComponent(block.name)}/run`, 'POST', { code: editor.value, edits: edits() });
    output.replaceChildren(...runView(report));
  });
  const check = () => busy(checkButton, 'Checking…', async () => {
    const report = await api(`/${lessonNumber}/exercises/${encodeURIComponent(block.name)}/check`, 'POST', { code: editor.value, edits: edits() });
    output.replaceChildren(...gradeView(report, editor));
  });
  const hint = () => busy(hintButton, 'Hint…', async () => {
    const report = await api(`/${lessonNumber}/exercises/${encodeURIComponent(block.name)}/hint`, 'POST');
    hints.replaceChildren(...report.hints.map((text, i) => el('li', { text: `Hint ${i + 1} of ${report.total}: ${text}` })));
  });
  const solution = () => busy(solutionButton, 'Solution…', async () => {
    const report = await api(`/${lessonNumber}/exercises/${encodeURIComponent(block.name)}/solution`, 'POST');
    output.replaceChildren(solutionView(report.solution, editor));
  });
  const reset = () => {
    editor.value = block.original;
    editor.dispatchEvent(new Event('input'));
  };

  const runButton = el('button', { class: 'run', onclick: run, text: 'Run', title: 'Run this cell (Ctrl+Enter)' });
  const checkButton = exercise ? el('button', { class: 'check', onclick: check, text: 'Check', title: 'Grade your code (Ctrl+Enter)' }) : null;
  const hintButton = exercise ? el('button', { class: 'hint', onclick: hint, text: 'Hint' }) : null;
  const solutionButton = exercise ? el('button', { class: 'solution', onclick: solution, text: 'Solution' }) : null;
  const hints = el('ol', { class: 'hints' }, ...(block.hints || []).map((text, i) => el('li', { text: `Hint ${i + 1} of ${block.hintsTotal}: ${text}` })));
  const title = exercise
    ? el('h3', { class: 'exercise-title' }, el('span', { class: 'badge', text: block.passed ? 'Exercise ✓' : 'Exercise' }), ` ${block.title}`)
    : el('div', { class: 'cell-name', text: block.seconds ? `${block.name} · trains: may run up to ${block.seconds} s` : block.name });
  const box = el('section', { class: `cell ${exercise ? 'exercise' : ''}`, 'data-cell': block.name },
    title, editor,
    el('div', { class: 'cell-buttons' }, runButton, checkButton, hintButton, solutionButton, el('button', { class: 'reset', onclick: reset, text: 'Reset', title: 'Back to the lesson\'s code' })),
    exercise ? hints : null, output);
  return box;
}

function outputBlock(text, truncated) {
  if (!text) return null;
  return el('pre', { class: 'output', text: truncated ? `${text}\n… (output cut at the limit)` : text });
}

function helpView(help) {
  if (!help) return null;
  const quote = help.quote != null && help.line != null
    ? el('pre', { class: 'quote', text: `${help.cell} line ${help.line} | ${help.quote}` + (help.marker ? `\n${' '.repeat(`${help.cell} line ${help.line} | `.length)}${help.marker}` : '') })
    : null;
  return el('div', { class: `help ${help.kind}`, role: 'note' },
    el('strong', { text: help.title }), quote, el('p', { text: help.text }),
    el('p', { class: 'original', text: `(${help.original})` }),
    el('p', { class: 'note', text: 'Written by the Rosenblatt authors for these lessons; no AI.' }));
}

function runView(report) {
  const parts = [helpView(report.help), outputBlock(report.output, report.outputTruncated)];
  if (report.value != null) parts.push(el('pre', { class: 'value', text: `= ${report.value}` }));
  if (report.status === 'ok' && !report.output && report.value == null) parts.push(el('p', { class: 'quiet', text: 'Ran, and printed nothing.' }));
  parts.push(el('p', { class: 'timing', text: `${Math.round(report.elapsedMilliseconds)} ms` }));
  return parts.filter(Boolean);
}

function gradeView(report, editor) {
  const failed = report.tests.filter(t => t.status === 'fail').length;
  const verdict = report.status === 'pass' ? `Passed: all ${report.tests.length} checks`
    : report.status === 'fail' ? `Not yet: ${failed} of ${report.tests.length} checks failed` : 'Your code did not run to the end';
  const parts = [
    el('p', { class: `verdict ${report.status}`, text: `${verdict} (attempt ${report.attempts})` }),
    helpView(report.help),
    el('ul', { class: 'results' }, ...report.tests.map(t => el('li', { class: t.status },
      el('span', { class: 'mark', text: t.status === 'pass' ? '✓' : '✗' }), ` ${t.name}`,
      t.status === 'fail' && t.message ? el('div', { class: 'message', text: t.message }) : null))),
    outputBlock(report.output, report.outputTruncated),
  ];
  if (report.solution) {
    parts.push(el('p', { text: `After ${report.attempts} attempts, here is the solution:` }), solutionView(report.solution, editor));
  } else if (report.status !== 'pass' && report.hintsShown < report.hintsTotal) {
    parts.push(el('p', { class: 'quiet', text: `Stuck? Press Hint (${report.hintsShown} of ${report.hintsTotal} shown).` }));
  }
  return parts.filter(Boolean);
}

function solutionView(code, editor) {
  return el('div', { class: 'solution-box' },
    el('pre', { class: 'solution-code', text: code }),
    el('button', { class: 'use-solution', text: 'Put it in the editor', onclick: () => { editor.value = code; editor.dispatchEvent(new Event('input')); } }));
}
