// Picks the transport: the Electron preload's bridge when present, else the web API of `serve`.
import type { CompanionApi } from './types.js';
import { createWebApi } from './web-api.js';

/** The API for this window (the renderer cannot otherwise tell which transport it runs on). */
export function pickApi(win: Pick<Window, 'imsgCompanion'> = window): CompanionApi {
  return win.imsgCompanion ?? createWebApi();
}
