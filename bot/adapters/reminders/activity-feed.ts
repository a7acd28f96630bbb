/**
 * Optional: a Teams activity-feed notification for each person reminded, through Microsoft Graph
 * `sendActivityNotification` with the manifest's activity type `workshopReminder`. Off unless a
 * Teams app id is configured; the token comes from an @azure/identity TokenCredential.
 */
import type { TokenCredential } from '@azure/identity';

/** The manifest's activity type (manifest/manifest.template.json activities.activityTypes). */
export const ACTIVITY_TYPE = 'workshopReminder';

/** What the notification shows: template parameters of "Paja {workshop} alkaa {startTime}". */
export interface FeedItem {
  workshop: string;
  startTime: string;
  /** Deep link the notification opens. */
  webUrl: string;
  preview: string;
}

/** Options; `graphBase` changes only for sovereign clouds. */
export interface ActivityFeedOptions {
  credential: TokenCredential;
  teamsAppId: string;
  graphBase?: string;
}

/** A Graph call that failed, with its status only. */
export class GraphError extends Error {
  constructor(readonly statusCode: number) {
    super(`Graph answered ${statusCode}`);
    this.name = 'GraphError';
  }
}

/** Sends activity-feed notifications to users by Entra object id. */
export class ActivityFeedNotifier {
  private readonly graphBase: string;

  constructor(private readonly options: ActivityFeedOptions) {
    this.graphBase = (options.graphBase ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  }

  /** Notifies one user; throws GraphError on a non-2xx answer. */
  async notify(userId: string, item: FeedItem): Promise<void> {
    const token = await this.options.credential.getToken(`${this.graphBase}/.default`);
    if (!token) throw new GraphError(401);
    const res = await fetch(`${this.graphBase}/v1.0/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        topic: { source: 'text', value: item.workshop, webUrl: item.webUrl },
        activityType: ACTIVITY_TYPE,
        previewText: { content: item.preview },
        teamsAppId: this.options.teamsAppId,
        templateParameters: [
          { name: 'workshop', value: item.workshop },
          { name: 'startTime', value: item.startTime },
        ],
      }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new GraphError(res.status);
  }

  /** Deep link to the app's personal "Pajat" tab (manifest staticTabs entityId), opened from the notification. */
  tabLink(entityId = 'vuoro-home'): string {
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(this.options.teamsAppId)}/${encodeURIComponent(entityId)}`;
  }
}
