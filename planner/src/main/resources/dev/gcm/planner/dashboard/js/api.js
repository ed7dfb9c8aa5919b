// The planner's API from the browser: the token (kept in this tab's sessionStorage only), JSON calls,
// and the server-sent event stream read with fetch (EventSource cannot send a token).
const KEY = 'gcm-token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
}

function headers(extra = {}) {
  const h = { accept: 'application/json', ...extra };
  const t = token();
  if (t) h.authorization = `Bearer ${t}`;
  return h;
}

export async function call(method, path, body) {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, data.code || `HTTP_${response.status}`, data.message || response.statusText);
  }
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

/** Follows /api/v1/events; calls onChange(data) for each change event, onState(true|false) on (dis)connection. */
export async function follow(onChange, onState) {
  for (;;) {
    try {
      const response = await fetch('/api/v1/events', { headers: headers({ accept: 'text/event-stream' }) });
      if (!response.ok) throw new ApiError(response.status, 'EVENTS', 'the event stream was refused');
      onState(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '));
          const data = lines.find((l) => l.startsWith('data: '));
          if (event === 'event: change' && data) onChange(JSON.parse(data.slice(6)));
        }
      }
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) { onState(false); return; }
    }
    onState(false);
    await new Promise((r) => setTimeout(r, 2000));
  }
}
