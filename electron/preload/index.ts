// The preload runs sandboxed: it may only require `electron` (contextBridge, ipcRenderer),
// so everything else it uses is bundled into it at build time.
import { contextBridge, ipcRenderer } from 'electron';
import { z } from 'zod';
import { HOST_BRIDGE_GLOBAL } from '../../shared/host/bridge';
import { createHostBridge } from './hostBridge';

// No `new Function` probe in a sandboxed preload (see renderer/app/zodConfig.ts).
z.config({ jitless: true });
contextBridge.exposeInMainWorld(HOST_BRIDGE_GLOBAL, createHostBridge(ipcRenderer));
