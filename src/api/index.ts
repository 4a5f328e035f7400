export { createApp, type AppOptions } from './app.js';
export { startServer, isLoopbackHost, type RunningServer } from './server.js';
