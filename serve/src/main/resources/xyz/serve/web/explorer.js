// The explorer page: shelves that describe a view, a facet grid drawn with Vega-Lite from the
// server's aggregated lines, a methods x datasets table, and the cells behind both. The whole
// view lives in the page's address, so that it can be bookmarked and shared.
'use strict';

const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9',
  '#000000', '#F0E442'];
const DASHES = [[1, 0], [6, 3], [1.5, 2.5], [7, 2.5, 1.5, 2.5]];
const POLL_MILLIS = 2000;

const state = {
  study: null,
  tab: 'grid',
  rows: '', cols: '', x: '', y: [], color: '',
  mode: 'mean', band: 'se', scales: 'shared', logX: false, logY: false,
  tableY: '', aggregate: 'mean', best: 'max',
  filters: {},   // axis -> kept level labels (absent: all)
  ranges: {},    // axis -> [low, high] as text (absent or empty: open)
  version: -1,
  view: null,    // the vega View on screen
  drawn: 0,      // how many times a grid or table was drawn; tests wait on it
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c);
  return e;
}

async function getJson(path, params) {
  const url = params ? path + '?' + params.toString() : path;
  const response = await fetch(url, {cache: 'no-store'});
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.error || ('HTTP ' + response.status));
  }
  return body;
}

function showMessage(text) {
  const m = $('message');
  m.textContent = text || '';
  m.hidden = !text;
}

// --- the view's address ----------------------------------------------------------------------

function filterParams(params) {
  for (const axis of state.study.axes) {
    const kept = state.filters[axis.name];
    if (kept) {
      for (const level of kept) params.append('filter.' + axis.name, level);
    }
    const range = state.ranges[axis.name];
    if (range && (range[0] !== '' || range[1] !== '')) {
      params.append('range.' + axis.name, range[0] + ',' + range[1]);
    }
  }
  return params;
}

function viewParams() {
  const p = new URLSearchParams();
  if (state.rows) p.set('rows', state.rows);
  if (state.cols) p.set('cols', state.cols);
  p.set('x', state.x);
  for (const y of state.y) p.append('y', y);
  if (state.color) p.set('color', state.color);
  p.set('mode', state.mode);
  p.set('band', state.band);
  p.set('scales', state.scales);
  if (state.logX) p.set('log_x', 'true');
  if (state.logY) p.set('log_y', 'true');
  return filterParams(p);
}

function tableParams() {
  const p = new URLSearchParams();
  if (state.rows) p.set('rows', state.rows);
  if (state.cols) p.set('cols', state.cols);
  p.set('y', state.tableY);
  p.set('aggregate', state.aggregate);
  p.set('best', state.best);
  return filterParams(p);
}

function pageParams() {
  const p = viewParams();
  p.set('tab', state.tab);
  p.set('table_y', state.tableY);
  p.set('aggregate', state.aggregate);
  p.set('best', state.best);
  return p;
}

function saveAddress() {
  history.replaceState(null, '', '?' + pageParams().toString());
}

function restore(params) {
  const study = state.study;
  const names = study.axes.map((a) => a.name);
  const pick = (v) => (names.includes(v) ? v : '');
  state.tab = params.get('tab') === 'table' ? 'table' : 'grid';
  state.rows = pick(params.get('rows'));
  state.cols = pick(params.get('cols'));
  state.color = pick(params.get('color'));
  const x = params.get('x');
  state.x = names.includes(x) || (x === 'step' && study.steps) ? x : '';
  state.y = params.getAll('y').filter((y) => study.observables.includes(y));
  state.mode = params.get('mode') === 'lines' ? 'lines' : 'mean';
  state.band = ['none', 'sd', 'se', 'ci95'].includes(params.get('band')) ? params.get('band')
    : 'se';
  state.scales = ['shared', 'rows', 'cols', 'free'].includes(params.get('scales'))
    ? params.get('scales') : 'shared';
  state.logX = params.get('log_x') === 'true';
  state.logY = params.get('log_y') === 'true';
  const ty = params.get('table_y');
  state.tableY = study.observables.includes(ty) ? ty : (state.y[0] || study.observables[0]);
  state.aggregate = ['mean', 'median', 'min', 'max'].includes(params.get('aggregate'))
    ? params.get('aggregate') : 'mean';
  state.best = params.get('best') === 'min' ? 'min' : 'max';
  state.filters = {};
  state.ranges = {};
  for (const axis of study.axes) {
    const kept = params.getAll('filter.' + axis.name).map((l) => levelOf(axis, l))
      .filter((l) => l !== null);
    if (kept.length) state.filters[axis.name] = kept;
    const range = params.get('range.' + axis.name);
    if (range && range.includes(',')) state.ranges[axis.name] = range.split(',', 2);
  }
}

/**
 * The level of an axis that an address names: the label itself or, as the server reads it, the
 * same number written another way (1.0 for 1); null for none.
 */
function levelOf(axis, text) {
  if (axis.levels.includes(text)) return text;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return null;
  return axis.levels.find((l) => l.trim() !== '' && Number(l) === n) ?? null;
}

/** The view to start from: the study's first figure, or methods x datasets against a control. */
function defaults() {
  const study = state.study;
  const p = new URLSearchParams();
  const figure = study.figures[0];
  if (figure) {
    for (const key of ['rows', 'cols', 'x', 'color', 'band', 'scales']) {
      if (figure[key]) p.set(key, figure[key]);
    }
    for (const y of figure.y) p.append('y', y);
    if (figure.log_x) p.set('log_x', 'true');
    if (figure.log_y) p.set('log_y', 'true');
    for (const [axis, levels] of Object.entries(figure.filter)) {
      for (const l of levels) p.append('filter.' + axis, l);
    }
  } else {
    const role = (r) => study.axes.find((a) => a.role === r);
    if (role('method')) p.set('rows', role('method').name);
    if (role('dataset')) p.set('cols', role('dataset').name);
    const control = study.axes.filter((a) => a.role === 'control' && !a.replicate).pop();
    p.set('x', study.steps ? 'step' : (control ? control.name : study.axes[0].name));
    if (study.observables.length) p.set('y', study.observables[0]);
  }
  return p;
}

// --- shelves, fields and filters -------------------------------------------------------------

function fillSelect(select, choices, value) {
  select.replaceChildren();
  for (const [v, label] of choices) select.append(el('option', {value: v, textContent: label}));
  select.value = value;
}

function renderShelves() {
  const study = state.study;
  const axes = study.axes.map((a) => [a.name, a.name]);
  const none = [['', '(none)']];
  fillSelect($('shelf-rows'), none.concat(axes), state.rows);
  fillSelect($('shelf-cols'), none.concat(axes), state.cols);
  fillSelect($('shelf-color'), none.concat(axes), state.color);
  const xs = axes.concat(study.steps ? [['step', 'step']] : []);
  fillSelect($('shelf-x'), xs, state.x);
  const ys = $('shelf-y');
  ys.replaceChildren();
  for (const o of study.observables) {
    const box = el('input', {type: 'checkbox', value: o, checked: state.y.includes(o)});
    box.dataset.observable = o;
    box.addEventListener('change', () => {
      state.y = study.observables.filter((name) =>
        ys.querySelector('input[value="' + CSS.escape(name) + '"]').checked);
      changed();
    });
    ys.append(el('label', {}, box, ' ' + o));
  }
  fillSelect($('table-y'), study.observables.map((o) => [o, o]), state.tableY);
  $('opt-mode').value = state.mode;
  $('opt-band').value = state.band;
  $('opt-scales').value = state.scales;
  $('opt-log-x').checked = state.logX;
  $('opt-log-y').checked = state.logY;
  $('opt-aggregate').value = state.aggregate;
  $('opt-best').value = state.best;
  document.body.className = state.tab;
  $('tab-grid').classList.toggle('active', state.tab === 'grid');
  $('tab-table').classList.toggle('active', state.tab === 'table');
  $('grid-view').hidden = state.tab !== 'grid';
  $('table-view').hidden = state.tab !== 'table';
}

function renderFields() {
  const study = state.study;
  const chip = (name, kind, note) => {
    const li = el('li', {class: kind, draggable: true, textContent: name + ' '});
    if (note) li.append(el('small', {textContent: note}));
    li.addEventListener('dragstart', (e) => {
      e.dataTransfer.setData('text/plain', kind + ':' + name);
    });
    return li;
  };
  $('axis-fields').replaceChildren(...study.axes.map((a) =>
    chip(a.name, 'axis', a.replicate ? 'replicate' : a.role)));
  $('observable-fields').replaceChildren(...study.observables.map((o) =>
    chip(o, 'observable', '')));
}

function renderFilters() {
  const box = $('filters');
  box.replaceChildren();
  for (const axis of state.study.axes) {
    const set = el('fieldset', {'data-axis': axis.name});
    set.append(el('legend', {textContent: axis.name}));
    if (axis.numeric && axis.levels.length > 1) {
      const range = state.ranges[axis.name] || ['', ''];
      const low = el('input', {type: 'number', step: 'any', value: range[0],
        placeholder: axis.levels[0]});
      const high = el('input', {type: 'number', step: 'any', value: range[1],
        placeholder: axis.levels[axis.levels.length - 1]});
      low.dataset.range = 'low';
      high.dataset.range = 'high';
      const update = () => {
        state.ranges[axis.name] = [low.value, high.value];
        if (low.value === '' && high.value === '') delete state.ranges[axis.name];
        changed();
      };
      low.addEventListener('change', update);
      high.addEventListener('change', update);
      set.append(el('div', {class: 'range'}, low, ' to ', high));
    }
    const kept = state.filters[axis.name];
    for (const level of axis.levels) {
      const box = el('input', {type: 'checkbox', value: level,
        checked: !kept || kept.includes(level)});
      box.dataset.level = level;
      box.addEventListener('change', () => {
        const on = [...set.querySelectorAll('input[type=checkbox]')].filter((b) => b.checked)
          .map((b) => b.value);
        if (on.length === axis.levels.length) delete state.filters[axis.name];
        else state.filters[axis.name] = on;
        changed();
      });
      set.append(el('label', {}, box, ' ' + level));
    }
    box.append(set);
  }
}

function wireShelves() {
  const bind = (id, key, read) => $(id).addEventListener('change', (e) => {
    state[key] = read ? read(e.target) : e.target.value;
    changed();
  });
  for (const shelf of ['rows', 'cols', 'color', 'x']) {
    $('shelf-' + shelf).addEventListener('change', (e) => {
      if (e.target.value) dropped(shelf, 'axis', e.target.value);
      else { state[shelf] = ''; changed(); }
    });
  }
  bind('table-y', 'tableY');
  bind('opt-mode', 'mode');
  bind('opt-band', 'band');
  bind('opt-scales', 'scales');
  bind('opt-log-x', 'logX', (t) => t.checked);
  bind('opt-log-y', 'logY', (t) => t.checked);
  bind('opt-aggregate', 'aggregate');
  bind('opt-best', 'best');
  $('tab-grid').addEventListener('click', () => { state.tab = 'grid'; changed(); });
  $('tab-table').addEventListener('click', () => { state.tab = 'table'; changed(); });
  for (const shelf of document.querySelectorAll('.shelf')) {
    shelf.addEventListener('dragover', (e) => { e.preventDefault(); shelf.classList.add('over'); });
    shelf.addEventListener('dragleave', () => shelf.classList.remove('over'));
    shelf.addEventListener('drop', (e) => {
      e.preventDefault();
      shelf.classList.remove('over');
      const [kind, name] = e.dataTransfer.getData('text/plain').split(/:(.*)/s);
      dropped(shelf.dataset.shelf, kind, name);
    });
  }
  $('download-svg').addEventListener('click', downloadSvg);
  $('download-png').addEventListener('click', downloadPng);
  $('cells-close').addEventListener('click', () => { $('cells').hidden = true; });
}

function dropped(shelf, kind, name) {
  if (kind === 'observable') {
    if (shelf === 'ty') state.tableY = name;
    else if (!state.y.includes(name)) state.y = state.y.concat([name]);
  } else if (['rows', 'cols', 'x', 'color'].includes(shelf)) {
    // An axis sits on one shelf at a time: it leaves the one it was on.
    for (const other of ['rows', 'cols', 'x', 'color']) {
      if (state[other] === name) state[other] = '';
    }
    state[shelf] = name;
  }
  changed();
}

function changed() {
  saveAddress();
  renderShelves();
  draw();
}

// --- the grid --------------------------------------------------------------------------------

function panelSize(frame) {
  const cols = frame.col_levels.length;
  const width = Math.max(90, Math.min(220, Math.floor(880 / cols)));
  return {width: width, height: Math.round(width * 0.72)};
}

/** The rows Vega-Lite draws, one per point, and invisible extent points for shared ranges. */
function tableOf(answer) {
  const f = answer.frame;
  const values = [];
  const categorical = f.x_type === 'level';
  for (const s of answer.series) {
    const base = {r: f.row_levels[s.row], c: f.col_levels[s.col], color: f.color_levels[s.color],
      obs: f.y[s.y], unit: s.unit || '', kind: 'line'};
    const ys = s.mean || s.value;
    for (let i = 0; i < s.x.length; i++) {
      const row = Object.assign({}, base);
      row.x = categorical ? f.x_levels[s.x[i]] : s.x[i];
      row.m = ys[i];
      row.n = s.n[i];
      if (s.lo) { row.lo = s.lo[i]; row.hi = s.hi[i]; }
      values.push(row);
    }
  }
  if (f.scales === 'rows' || f.scales === 'cols') {
    values.push(...extents(values, f, categorical));
  }
  return values;
}

function extents(values, f, categorical) {
  const by = f.scales === 'rows' ? 'r' : 'c';
  const groups = new Map();
  for (const v of values) {
    const g = groups.get(v[by]) || {x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity};
    if (!categorical) { g.x0 = Math.min(g.x0, v.x); g.x1 = Math.max(g.x1, v.x); }
    g.y0 = Math.min(g.y0, v.lo !== undefined ? v.lo : v.m);
    g.y1 = Math.max(g.y1, v.hi !== undefined ? v.hi : v.m);
    groups.set(v[by], g);
  }
  let gx0 = Infinity;
  let gx1 = -Infinity;
  for (const g of groups.values()) { gx0 = Math.min(gx0, g.x0); gx1 = Math.max(gx1, g.x1); }
  const out = [];
  for (const r of f.row_levels) {
    for (const c of f.col_levels) {
      const g = groups.get(by === 'r' ? r : c);
      if (!g) continue;
      const x0 = by === 'r' ? gx0 : g.x0;
      const x1 = by === 'r' ? gx1 : g.x1;
      const xs = categorical ? [f.x_levels[0], f.x_levels[0]] : [x0, x1];
      out.push({r: r, c: c, kind: 'extent', x: xs[0], m: g.y0});
      out.push({r: r, c: c, kind: 'extent', x: xs[1], m: g.y1});
    }
  }
  return out;
}

function specOf(answer) {
  const f = answer.frame;
  const size = panelSize(f);
  const categorical = f.x_type === 'level';
  const x = {field: 'x', type: categorical ? 'ordinal' : 'quantitative', title: f.x,
    scale: categorical ? {} : {zero: false, nice: false}};
  if (categorical) x.sort = f.x_levels;
  if (f.log_x) x.scale.type = 'log';
  const yTitle = f.y.join(', ');
  const yScale = {zero: false};
  if (f.log_y) yScale.type = 'log';
  const color = f.color
    ? {field: 'color', type: 'nominal', title: f.color,
      scale: {domain: f.color_levels, range: OKABE_ITO}, sort: f.color_levels}
    : f.y.length > 1
      ? {field: 'obs', type: 'nominal', title: 'observable',
        scale: {domain: f.y, range: OKABE_ITO}, sort: f.y}
      : {value: OKABE_ITO[0]};
  const encoding = {x: x, color: color};
  if (f.y.length > 1) {
    encoding.strokeDash = {field: 'obs', type: 'nominal', title: 'observable',
      scale: {domain: f.y, range: DASHES}, sort: f.y,
      legend: {symbolStrokeColor: f.color ? '#444444' : null}};
  }
  const detail = [{field: 'obs'}];
  if (answer.mode === 'lines') detail.push({field: 'unit'});
  const few = answer.series.every((s) => s.x.length <= 30);
  const tooltip = [{field: 'x', title: f.x}, {field: 'm', title: yTitle, format: '.4~g'},
    {field: 'n', title: 'n'}];
  if (f.color) tooltip.unshift({field: 'color', title: f.color});
  if (answer.mode === 'lines') tooltip.push({field: 'unit', title: 'line'});
  const layers = [];
  if (answer.band !== 'none') {
    layers.push({
      transform: [{filter: "datum.kind === 'line'"}],
      mark: {type: 'area', fillOpacity: 0.18, strokeOpacity: 0},
      encoding: Object.assign({}, encoding, {
        y: {field: 'lo', type: 'quantitative', scale: yScale, title: yTitle},
        y2: {field: 'hi'}, detail: detail, strokeDash: undefined}),
    });
  }
  layers.push({
    transform: [{filter: "datum.kind === 'line'"}],
    mark: {type: 'line', strokeWidth: 1.4, point: few ? {size: 14, filled: true} : false},
    encoding: Object.assign({}, encoding, {
      y: {field: 'm', type: 'quantitative', scale: yScale, title: yTitle},
      detail: detail, tooltip: tooltip}),
  });
  if (f.scales === 'rows' || f.scales === 'cols') {
    layers.push({
      transform: [{filter: "datum.kind === 'extent'"}],
      mark: {type: 'point', opacity: 0},
      encoding: {x: x, y: {field: 'm', type: 'quantitative', scale: yScale}},
    });
  }
  const inner = {width: size.width, height: size.height, layer: layers};
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: {values: tableOf(answer)},
    config: {font: 'DejaVu Sans, Verdana, sans-serif', view: {stroke: '#a6a6a6'},
      axis: {labelFontSize: 10, titleFontSize: 12, gridColor: '#ebebeb'},
      header: {labelFontSize: 11, titleFontSize: 12},
      legend: {orient: 'right', symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 200,
        symbolOpacity: 1}},
  };
  const facet = {};
  if (f.rows) {
    facet.row = {field: 'r', type: 'nominal', sort: f.row_levels, title: f.rows,
      header: {labelAngle: 0, labelAlign: 'left'}};
  }
  if (f.cols) facet.column = {field: 'c', type: 'nominal', sort: f.col_levels, title: f.cols};
  if (!f.rows && !f.cols) {
    return Object.assign(spec, inner);
  }
  spec.facet = facet;
  spec.spec = inner;
  const resolve = {
    free: {x: 'independent', y: 'independent'},
    rows: {y: 'independent'},
    cols: {x: 'independent', y: 'independent'},
  }[f.scales];
  if (resolve) spec.resolve = {scale: resolve};
  return spec;
}

async function drawGrid() {
  const answer = await getJson('/api/view', viewParams());
  const notes = answer.notes.slice();
  if (answer.thinned) {
    notes.push('long lines thinned to ' + answer.points + ' points (lowest and highest of each'
      + ' slice of x kept)');
  }
  $('notes').replaceChildren(...notes.map((n) => el('li', {textContent: n})));
  const chart = $('chart');
  const panels = answer.frame.row_levels.length * answer.frame.col_levels.length;
  chart.dataset.panels = String(panels);
  if (answer.series.length === 0) {
    if (state.view) state.view.finalize();
    state.view = null;
    chart.replaceChildren(el('p', {textContent: 'Nothing to draw: no done cell has a value for '
      + answer.frame.y.join(', ') + ' among the levels kept.'}));
    return;
  }
  const spec = specOf(answer);
  const renderer = answer.points > 20000 ? 'canvas' : 'svg';
  const result = await vegaEmbed(chart, spec, {renderer: renderer, actions: false});
  if (state.view) state.view.finalize();
  state.view = result.view;
  state.view.addEventListener('click', (event, item) => panelClicked(item));
}

/** The row and column levels of the panel a click landed in, read off the scenegraph. */
function panelOf(item) {
  for (let i = item; i; i = i.mark && i.mark.group) {
    const d = i.datum;
    if (d && (d.r !== undefined || d.c !== undefined)) return d;
  }
  return null;
}

function panelClicked(item) {
  const d = panelOf(item);
  if (!d) return;
  const levels = {};
  if (state.rows && d.r !== undefined && d.r !== 'n/a') levels[state.rows] = d.r;
  if (state.cols && d.c !== undefined && d.c !== 'n/a') levels[state.cols] = d.c;
  listCells(levels);
}

function downloadName(ext) {
  return (state.study.name + '-' + state.y.join('-') + '-by-' + state.x).replace(/[^\w.-]+/g,
    '_') + '.' + ext;
}

function download(href, name) {
  const a = el('a', {href: href, download: name});
  document.body.append(a);
  a.click();
  a.remove();
}

async function downloadSvg() {
  if (!state.view) return;
  const svg = await state.view.toSVG();
  const url = URL.createObjectURL(new Blob([svg], {type: 'image/svg+xml'}));
  download(url, downloadName('svg'));
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function downloadPng() {
  if (!state.view) return;
  download(await state.view.toImageURL('png', 2), downloadName('png'));
}

// --- the table -------------------------------------------------------------------------------

function fmt(v) {
  if (v === null || v === undefined) return '';
  const a = Math.abs(v);
  return a !== 0 && (a >= 10000 || a < 0.001) ? v.toPrecision(3) : v.toFixed(3);
}

async function drawTable() {
  const t = await getJson('/api/table', tableParams());
  const table = $('table');
  const order = t.row_levels.map((_, i) => i);
  const sort = state.sort;
  if (sort && sort.key === t.y + '|' + sort.col) {
    const value = (r) => (sort.col < 0 ? t.row_means[r] : t.values[r][sort.col]);
    order.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null) return 1;
      if (vb === null) return -1;
      return sort.ascending ? va - vb : vb - va;
    });
  }
  const head = el('tr', {}, el('th', {textContent: (t.rows || '') + ' \\ ' + (t.cols || '')}));
  const header = (text, col) => {
    const th = el('th', {textContent: text});
    th.dataset.col = String(col);
    if (sort && sort.key === t.y + '|' + col) {
      th.classList.add('sorted');
      if (sort.ascending) th.classList.add('ascending');
    }
    th.addEventListener('click', () => {
      const again = sort && sort.key === t.y + '|' + col;
      state.sort = {key: t.y + '|' + col, col: col, ascending: again ? !sort.ascending : false};
      drawTable();
    });
    return th;
  };
  t.col_levels.forEach((c, k) => head.append(header(c, k)));
  head.append(header('mean', -1));
  const body = [head];
  for (const r of order) {
    const tr = el('tr', {}, el('th', {textContent: t.row_levels[r]}));
    tr.dataset.row = t.row_levels[r];
    t.col_levels.forEach((c, k) => {
      const v = t.values[r][k];
      const td = el('td', {textContent: fmt(v),
        title: v === null ? 'no done cell' : t.counts[r][k] + ' cells'});
      if (v !== null) td.dataset.value = String(v);
      td.dataset.col = c;
      if (t.best_rows[k].includes(r)) td.classList.add('best');
      td.addEventListener('click', () => {
        const levels = {};
        if (t.rows && t.row_levels[r] !== 'n/a') levels[t.rows] = t.row_levels[r];
        if (t.cols && c !== 'n/a') levels[t.cols] = c;
        listCells(levels);
      });
      tr.append(td);
    });
    const mean = el('td', {class: 'mean', textContent: fmt(t.row_means[r])});
    if (t.row_means[r] !== null) mean.dataset.value = String(t.row_means[r]);
    mean.dataset.col = 'mean';
    tr.append(mean);
    body.push(tr);
  }
  const foot = el('tr', {class: 'means'}, el('th', {textContent: 'mean'}));
  t.col_levels.forEach((c, k) => {
    const td = el('td', {textContent: fmt(t.col_means[k])});
    if (t.col_means[k] !== null) td.dataset.value = String(t.col_means[k]);
    td.dataset.col = c;
    foot.append(td);
  });
  const all = el('td', {textContent: fmt(t.mean)});
  if (t.mean !== null) all.dataset.value = String(t.mean);
  all.dataset.col = 'mean';
  foot.append(all);
  body.push(foot);
  table.replaceChildren(...body);
  const notes = t.notes.concat([(t.best === 'max' ? 'highest' : 'lowest')
    + ' of each column in bold; click a header to sort']);
  $('table-notes').replaceChildren(...notes.map((n) => el('li', {textContent: n})));
}

// --- cells -----------------------------------------------------------------------------------

async function listCells(levels) {
  const p = filterParams(new URLSearchParams());
  for (const [axis, level] of Object.entries(levels)) {
    p.delete('filter.' + axis);
    p.append('filter.' + axis, level);
  }
  const answer = await getJson('/api/cells', p);
  const where = Object.entries(levels).map(([a, l]) => a + '=' + l).join(', ');
  $('cells-title').textContent = answer.total + ' cells' + (where ? ': ' + where : '');
  $('cell-list').replaceChildren(...answer.cells.map((c) => {
    const li = el('li', {class: 'state-' + c.state, textContent: c.id + ' ' + c.state + ' '
      + Object.entries(c.params).map(([a, v]) => a + '=' + v).join(' ')});
    li.dataset.cell = c.id;
    li.addEventListener('click', () => showCell(c.id));
    return li;
  }));
  $('cell-detail').hidden = true;
  $('cells').hidden = false;
}

function fillList(dl, object) {
  dl.replaceChildren();
  for (const [k, v] of Object.entries(object || {})) {
    dl.append(el('dt', {textContent: k}),
      el('dd', {textContent: v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v}));
  }
}

async function showCell(id) {
  const c = await getJson('/api/cell/' + encodeURIComponent(id));
  $('cell-id').textContent = c.id + ': ' + c.state;
  fillList($('cell-status'), c.status);
  fillList($('cell-params'), c.params);
  fillList($('cell-provenance'), c.provenance);
  const tail = (t) => (t ? (t.cut ? '[... the first ' + (t.bytes - t.text.length)
    + ' bytes left out]\n' : '') + t.text : '');
  $('cell-stdout').textContent = tail(c.stdout);
  $('cell-stderr').textContent = tail(c.stderr);
  $('cell-detail').hidden = false;
}

// --- drawing and following a running study ---------------------------------------------------

let drawing = Promise.resolve();

function draw() {
  drawing = drawing.then(async () => {
    try {
      showMessage('');
      if (state.tab === 'table') await drawTable();
      else await drawGrid();
    } catch (e) {
      showMessage(e.message);
    }
    state.drawn++;
    document.body.dataset.drawn = String(state.drawn);
  });
  return drawing;
}

function showProgress(p) {
  const pct = (n) => (p.cells ? (100 * n / p.cells) + '%' : '0');
  const bar = $('progress-bar');
  bar.querySelector('.done').style.width = pct(p.done);
  bar.querySelector('.failed').style.width = pct(p.failed);
  bar.querySelector('.running').style.width = pct(p.running);
  $('progress-text').textContent = p.cells + ' cells: ' + p.done + ' done, ' + p.failed
    + ' failed, ' + p.running + ' running, ' + p.left + ' left';
}

async function poll() {
  try {
    const p = await getJson('/api/progress');
    showProgress(p);
    if (p.version !== state.version) {
      const first = state.version < 0;
      state.version = p.version;
      if (!first) {
        state.study = await getJson('/api/study');
        renderFields();
        renderShelves();
        draw();
      }
    }
  } catch (e) {
    $('progress-text').textContent = 'the explorer does not answer: ' + e.message;
  }
  setTimeout(poll, POLL_MILLIS);
}

async function start() {
  state.study = await getJson('/api/study');
  document.title = state.study.name + ': xyz explorer';
  $('study-name').textContent = state.study.name;
  $('study-file').textContent = state.study.file || '';
  const params = new URLSearchParams(location.search);
  restore(params.has('x') || params.has('tab') ? params : defaults());
  renderFields();
  renderFilters();
  renderShelves();
  wireShelves();
  saveAddress();
  const p = await getJson('/api/progress');
  state.version = p.version;
  showProgress(p);
  await draw();
  setTimeout(poll, POLL_MILLIS);
}

start().catch((e) => showMessage(e.message));
