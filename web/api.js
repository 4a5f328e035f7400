// The JSON API, with the bearer token (when the server wants one) kept for this browser tab.
const TOKEN_KEY = 'storyline-token';

export class AuthRequired extends Error {}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function setToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function getJson(path) {
  return request('GET', path);
}

/** A POST, PUT or DELETE with an optional JSON body; the parsed answer, or null for 204 No Content. */
export function sendJson(method, path, body) {
  return request(method, path, body);
}

async function request(method, path, payload) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api${path}`, { method, headers, ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}) });
  if (res.status === 401) throw new AuthRequired('this server needs an API token');
  if (res.status === 204) return null;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

export const storyPath = (id) => `/stories/${encodeURIComponent(id)}`;
export const articlePath = (id) => `/articles/${encodeURIComponent(id)}`;
export const entityPath = (name) => `/entities/${encodeURIComponent(name)}`;
/** The timeline across a selection (`{q, entity, from, to, language, ...}`; empty values left out). */
export const timelinePath = (params) => `/timeline?${new URLSearchParams(Object.entries(params).filter(([, v]) => v))}`;
