export { createApp, DEFAULT_MAX_BODY_BYTES, type AppOptions } from './app.js';
export { startServer, isLoopbackHost, type RunningServer } from './server.js';
