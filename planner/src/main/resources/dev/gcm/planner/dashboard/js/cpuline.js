// A QEMU -cpu argument as a line that breaks only between properties (never inside "kma-gcm-aes-256=on"),
// with a button that copies it whole.
import { el } from './dom.js';

export function cpuArg(info) {
  return [info.name, ...Object.entries(info.props || {}).map(([k, v]) => `${k}=${v ? 'on' : 'off'}`)].join(',');
}

export function cpuLine(info) {
  const text = `-cpu ${cpuArg(info)}`;
  const parts = text.split(',');
  const code = el('code', { class: 'cpu', 'data-cpu': text },
    parts.flatMap((p, i) => [el('span', {}, i < parts.length - 1 ? `${p},` : p), i < parts.length - 1 ? el('wbr') : null]));
  const button = el('button', { type: 'button', class: 'copy', 'aria-label': 'Copy the -cpu argument' }, 'Copy');
  button.addEventListener('click', async () => {
    const ok = await copy(text, code);
    button.textContent = ok ? 'Copied' : 'Select and copy';
    button.dataset.copied = ok ? 'yes' : 'no';
    setTimeout(() => { button.textContent = 'Copy'; delete button.dataset.copied; }, 2000);
  });
  return el('p', { class: 'cpuline' }, code, ' ', button);
}

/** The clipboard API where the page may use it; else the selection and the copy command. */
async function copy(text, node) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return document.execCommand('copy');
  }
}
