/**
 * Where reminder state lives in the shared StateStore. Keys are ids only:
 *   reminders/sub/<recipient>          subscriptions (channel or person)
 *   reminders/mark/<reminderId>        one mark per reminder moment (created once)
 *   reminders/delivery/<deliveryId>    one mark per message to one recipient
 *   reminders/reminded/<workshopId>    who was reminded, for change notices
 *   reminders/attendance/<workshopId>  substitutes and attendance
 *   reminders/settings/<networkId>     offsets
 */
import { createHash } from 'node:crypto';
import { CREATE_ONLY, ConflictError } from '../../domain/ports';
import type { StateStore, Stored } from '../../domain/ports';
import { updateWithRetry } from '../storage/update-with-retry';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../domain/reminders/offsets';
import type { ReminderSettings } from '../../domain/reminders/offsets';
import type { AttendanceRecord, DeliveryMark, ReminderMark, RemindedRecord, Subscription } from '../../domain/reminders/model';

const P = 'reminders/';

/** The recipient key of a channel or group chat: a hash, so the key carries no conversation id. */
export function channelKey(conversationId: string): string {
  return `ch-${createHash('sha256').update(conversationId).digest('hex').slice(0, 20)}`;
}

/** The recipient key of a person (Entra object id, lower case). */
export function personKey(userId: string): string {
  return `u-${userId.toLowerCase()}`;
}

/** Typed access to the reminder records. */
export class ReminderRepository {
  constructor(private readonly store: StateStore, readonly networkId = 'default') {}

  async subscriptions(): Promise<Subscription[]> {
    const out: Subscription[] = [];
    for (const key of await this.store.list(`${P}sub/`)) {
      const s = await this.store.get<Subscription>(key);
      if (s) out.push(s.value);
    }
    return out;
  }

  async subscription(key: string): Promise<Subscription | undefined> {
    return (await this.store.get<Subscription>(`${P}sub/${key}`))?.value;
  }

  async saveSubscription(sub: Subscription): Promise<void> {
    await this.store.put(`${P}sub/${sub.key}`, sub);
  }

  /** Removes a subscription; true when there was one. */
  async removeSubscription(key: string): Promise<boolean> {
    const had = await this.store.get(`${P}sub/${key}`);
    await this.store.delete(`${P}sub/${key}`);
    return Boolean(had);
  }

  async settings(): Promise<ReminderSettings> {
    const s = await this.store.get<ReminderSettings>(`${P}settings/${this.networkId}`);
    return (s && normaliseSettings(s.value)) || DEFAULT_SETTINGS;
  }

  async saveSettings(settings: ReminderSettings): Promise<void> {
    await this.store.put(`${P}settings/${this.networkId}`, settings);
  }

  /** Ids of reminder moments already planned (any state). */
  async markedReminders(): Promise<Set<string>> {
    const prefix = `${P}mark/`;
    return new Set((await this.store.list(prefix)).map((k) => k.slice(prefix.length)));
  }

  async mark(reminderId: string): Promise<Stored<ReminderMark> | undefined> {
    return this.store.get<ReminderMark>(`${P}mark/${reminderId}`);
  }

  /** Creates the mark of a reminder moment; false when another instance (or an earlier run) did. */
  async createMark(reminderId: string, mark: ReminderMark): Promise<boolean> {
    return this.createOnly(`${P}mark/${reminderId}`, mark);
  }

  async updateMark(reminderId: string, mark: ReminderMark): Promise<void> {
    await this.store.put(`${P}mark/${reminderId}`, mark);
  }

  async delivery(deliveryId: string): Promise<Stored<DeliveryMark> | undefined> {
    return this.store.get<DeliveryMark>(`${P}delivery/${deliveryId}`);
  }

  /** Creates a pending delivery mark unless one exists. */
  async createDelivery(deliveryId: string, mark: DeliveryMark): Promise<boolean> {
    return this.createOnly(`${P}delivery/${deliveryId}`, mark);
  }

  /** Settles a delivery; `ifMatch` is the eTag read before sending (undefined when there was none). */
  async settleDelivery(deliveryId: string, mark: DeliveryMark, ifMatch: string | undefined): Promise<void> {
    try {
      await this.store.put(`${P}delivery/${deliveryId}`, mark, ifMatch);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      // A fan-out retry created the pending mark meanwhile; the message did go out, so say so.
      await this.store.put(`${P}delivery/${deliveryId}`, mark);
    }
  }

  async deliveries(): Promise<string[]> {
    const prefix = `${P}delivery/`;
    return (await this.store.list(prefix)).map((k) => k.slice(prefix.length));
  }

  /** Workshops somebody has been reminded of. */
  async remindedWorkshops(): Promise<Set<string>> {
    const prefix = `${P}reminded/`;
    return new Set((await this.store.list(prefix)).map((k) => k.slice(prefix.length)));
  }

  async reminded(workshopId: string): Promise<RemindedRecord | undefined> {
    return (await this.store.get<RemindedRecord>(`${P}reminded/${workshopId}`))?.value;
  }

  /** Read-modify-write of a RemindedRecord; `fn` returns undefined to leave it unchanged. */
  async updateReminded(workshopId: string, fn: (r: RemindedRecord | undefined) => RemindedRecord | undefined): Promise<RemindedRecord | undefined> {
    let changed: RemindedRecord | undefined;
    const key = `${P}reminded/${workshopId}`;
    const current = await this.store.get<RemindedRecord>(key);
    if (!fn(current?.value)) return undefined;
    await updateWithRetry<RemindedRecord | undefined>(this.store, key, (r) => {
      changed = fn(r);
      return changed ?? r;
    });
    return changed;
  }

  async attendance(workshopId: string): Promise<AttendanceRecord | undefined> {
    return (await this.store.get<AttendanceRecord>(`${P}attendance/${workshopId}`))?.value;
  }

  async updateAttendance(workshopId: string, fn: (r: AttendanceRecord | undefined) => AttendanceRecord): Promise<AttendanceRecord> {
    return (await updateWithRetry<AttendanceRecord>(this.store, `${P}attendance/${workshopId}`, fn)).value;
  }

  private async createOnly(key: string, value: unknown): Promise<boolean> {
    try {
      await this.store.put(key, value, CREATE_ONLY);
      return true;
    } catch (e) {
      if (e instanceof ConflictError) return false;
      throw e;
    }
  }
}
