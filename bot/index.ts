/**
 * Process entry: read the configuration once, start, and shut down cleanly on SIGTERM/SIGINT.
 */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Vuoro cannot start: configuration error in ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  if (config.auth.mode === 'local') {
    const banner = [
      '',
      '************************************************************************',
      '*  LOCAL MODE: MicrosoftAppId is not set.                              *',
      '*  Activities are accepted WITHOUT authentication. Never expose this   *',
      '*  port to a network; set MicrosoftAppId and a secret or a managed     *',
      '*  identity for production.                                            *',
      '************************************************************************',
      '',
    ].join('\n');
    process.stderr.write(banner);
    log.warn({ event: 'startup.local_mode' }, 'local mode: activities are not authenticated');
    if (config.localClock) {
      const { startsAt, speed } = config.localClock;
      process.stderr.write(`*  VUORO_LOCAL_CLOCK: time starts at ${new Date(startsAt).toISOString()} and runs ${speed}x.\n`);
      log.warn({ event: 'startup.local_clock', startsAt, speed }, 'local clock: shifted and accelerated time');
    }
  }
  // Loaded after validation so a configuration error is reported at once, before the SDKs load.
  const { startVuoro } = await import('./vuoro');
  const vuoro = await startVuoro(config, { log });
  log.info({ event: 'startup.listening', url: vuoro.url, storage: config.storage.kind, auth: config.auth.mode }, 'Vuoro is listening');
  console.log(`Vuoro is listening on ${vuoro.url} (storage: ${config.storage.kind}, auth: ${config.auth.mode})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'shutdown.start', signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    await vuoro.close();
    clearTimeout(timer);
    log.info({ event: 'shutdown.done' }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main().catch((err) => {
  console.error('Vuoro failed to start:', err instanceof Error ? err.name : typeof err, err instanceof Error ? err.message : '');
  process.exit(1);
});
