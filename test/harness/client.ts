/**
 * The web host's window.deskbridge: the same bridge as preload, built from the same manifest,
 * speaking to core over the harness's loopback WebSocket instead of Electron IPC.
 */
import { buildBridge } from '@shared/ipc/bridge';
import type { DeskbridgeEvents } from '@shared/ipc/contract';

type Reply = { id: number; result: unknown } | { event: string; payload: unknown };

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve());
  socket.addEventListener('error', () => reject(new Error('Deskbridge could not reach its core.')));
});
let nextId = 1;

socket.addEventListener('message', (message) => {
  const reply = JSON.parse(String(message.data)) as Reply;
  if ('event' in reply) {
    listeners.get(reply.event)?.forEach((listener) => listener(reply.payload));
    return;
  }
  pending.get(reply.id)?.resolve(reply.result);
  pending.delete(reply.id);
});
socket.addEventListener('close', () => {
  for (const call of pending.values()) call.reject(new Error('The connection to Deskbridge’s core was closed.'));
  pending.clear();
});

const bridge = buildBridge(
  async (channel, args) => {
    await opened;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, channel, args }));
    });
  },
  (event: keyof DeskbridgeEvents, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  },
);

Object.defineProperty(window, 'deskbridge', { value: bridge, writable: false, configurable: false });
