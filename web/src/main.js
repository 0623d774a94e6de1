// jsonsieve demo page: wires the panels to one instance of the package, imported as users do.
import { load } from 'jsonsieve';
import './styles.css';
import { mountPlayground } from './playground/playground.js';
import { mountBigFile } from './bigfile/bigfile.js';
import { mountSpeed } from './speed/speed.js';
import { mountSize } from './size/size.js';

const panels = ['playground', 'bigfile', 'speed', 'size'];
const tabs = document.querySelectorAll('[role=tab]');
function show(name) {
  for (const t of tabs) t.setAttribute('aria-selected', String(t.dataset.panel === name));
  for (const p of panels) document.getElementById(`panel-${p}`).hidden = p !== name;
}
for (const t of tabs) t.addEventListener('click', () => show(t.dataset.panel));

const status = document.getElementById('engine-status');
mountSize(document.getElementById('panel-size'));
mountSpeed(document.getElementById('panel-speed'));

try {
  const t0 = performance.now();
  const sieve = await load();
  status.textContent = `wasm module ready in ${(performance.now() - t0).toFixed(0)} ms`;
  const playground = mountPlayground(document.getElementById('panel-playground'), sieve);
  mountBigFile(document.getElementById('panel-bigfile'), playground);
  await playground.ready;
  document.body.dataset.ready = '1';
} catch (e) {
  status.textContent = `jsonsieve failed to load: ${e.message}`;
  status.classList.add('bad');
  throw e;
}
