/**
 * Starts the real Vuoro server on an ephemeral port with a given environment, collecting its log
 * lines so tests can check what was (and was not) logged.
 */
import { Writable } from 'stream';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { RunningVuoro, startVuoro } from '../../bot/vuoro';
import { Clock, StateStore } from '../../bot/domain/ports';

/** A running server plus what it logged. */
export interface VuoroUnderTest extends RunningVuoro {
  logs: string[];
  /** POSTs an activity to /api/messages. */
  send(activity: unknown): Promise<{ status: number; body: unknown }>;
}

/** Starts Vuoro; `env` adds to a local-mode default with in-memory storage. */
export async function startTestVuoro(env: Record<string, string> = {}, parts: Parameters<typeof startVuoro>[1] & { clock?: Clock; store?: StateStore } = {}): Promise<VuoroUnderTest> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', VUORO_STORAGE: 'memory', VUORO_LOG_LEVEL: 'info', ...env });
  const running = await startVuoro(config, { ...parts, log: createLogger(config.logLevel, sink) });
  return {
    ...running,
    logs,
    async send(activity: unknown) {
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* keep text */
      }
      return { status: res.status, body };
    },
  };
}
