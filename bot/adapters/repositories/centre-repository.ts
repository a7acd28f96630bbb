/**
 * Settings per centre. A centre is the recurring consultation meeting's chat, so the key is the
 * chat's conversation id; every occurrence of the meeting shares the settings.
 */
import { StateStore } from '../../domain/ports';
import { MeetingSettings, defaultSettings } from '../../domain/intake';
import { ScreeningMode } from '../../domain/meeting-screening';
import { updateWithRetry } from '../storage/update-with-retry';

/** What a centre has chosen; later issues add their own fields here. */
export interface CentreSettings {
  meeting: MeetingSettings;
  /** The chat safety net: block, warn only or off; absent means the default (block). */
  screening?: ScreeningMode;
}

/** Reads and changes a centre's settings. */
export class CentreRepository {
  constructor(
    private readonly store: StateStore,
    private readonly defaultMeetingMinutes: number,
  ) {}

  private key(conversationId: string): string {
    return `centre:${conversationId}`;
  }

  /** The centre's settings, or the defaults when it has chosen none. */
  async get(conversationId: string): Promise<CentreSettings> {
    return (await this.store.get<CentreSettings>(this.key(conversationId)))?.value ?? this.defaults();
  }

  /** Applies `fn` to the settings with optimistic retry and returns what was stored. */
  async update(conversationId: string, fn: (current: CentreSettings) => CentreSettings): Promise<CentreSettings> {
    return (await updateWithRetry<CentreSettings>(this.store, this.key(conversationId), (current) => fn(current ?? this.defaults()))).value;
  }

  private defaults(): CentreSettings {
    return { meeting: defaultSettings(this.defaultMeetingMinutes) };
  }
}
