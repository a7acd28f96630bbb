/**
 * Activities exactly as Teams sends them (JSON fixtures under test/fixtures/activities), with
 * the parts a test varies (service URL, meeting, person, card data) replaced.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

type Json = Record<string, unknown>;

/** The fixture names available. */
export type Fixture = 'meeting-start' | 'meeting-end' | 'intake-answer-invoke' | 'mention-message' | 'bot-added' | 'installation-update'
  | 'team-installation-update' | 'personal-message' | 'chat-message' | 'message-edit' | 'compose-fetch-task' | 'compose-submit-action';

/** A deep copy of a fixture. */
export function fixture(name: Fixture): Json {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'activities', `${name}.json`), 'utf8')) as Json;
}

/** Where and who an activity is about. */
export interface Scene {
  serviceUrl: string;
  meeting?: string;
  locale?: string;
  user?: { aadObjectId: string; name?: string };
}

/** A fixture moved to `scene`: its serviceUrl, meeting (id and chat) and sender replaced. */
export function activity(name: Fixture, scene: Scene, extra: Json = {}): Json {
  const a = fixture(name);
  a.serviceUrl = scene.serviceUrl;
  if (scene.meeting) {
    const conversation = a.conversation as Json;
    conversation.id = `19:meeting_${scene.meeting}@thread.v2`;
    (a.channelData as Json).meeting = { id: `MCMx-${scene.meeting}` };
  }
  if (scene.locale) {
    a.locale = scene.locale;
  }
  if (scene.user) {
    a.from = { id: `29:${scene.user.aadObjectId}`, name: scene.user.name ?? 'Test Person', aadObjectId: scene.user.aadObjectId };
  }
  a.id = `${name}-${Math.random().toString(36).slice(2)}`;
  return { ...a, ...extra };
}

/** A mention message with `text` after the mention, as the Teams client sends it. */
export function mention(scene: Scene, text: string): Json {
  return activity('mention-message', scene, { text: `<at>Vuoro</at>&nbsp;${text}` });
}

/** An `adaptiveCard/action` invoke from the intake card whose activity id is `cardId`. */
export function cardAction(scene: Scene, cardId: string, verb: string, data: Json): Json {
  const a = activity('intake-answer-invoke', scene, { replyToId: cardId });
  const meetingId = ((a.channelData as Json).meeting as Json).id;
  a.value = { action: { type: 'Action.Execute', title: verb, verb, data: { meetingId, ...data } }, trigger: 'manual' };
  return a;
}

/** A message in someone's personal chat with Vuoro (no mention needed there); one chat per person. */
export function personalMessage(scene: Scene, text: string): Json {
  const a = activity('personal-message', scene, { text });
  if (scene.user) (a.conversation as Json).id = `a:1personal-${scene.user.aadObjectId}`;
  return a;
}

let messageSeq = 1764140600000;

/** A Teams message id: Teams uses the epoch milliseconds of the post. */
export function nextMessageId(): string {
  return String(++messageSeq);
}

function withHtml(a: Json, html: string): Json {
  a.text = html;
  a.attachments = [{ contentType: 'text/html', content: `<div><div>${html}</div></div>` }];
  return a;
}

/** A chat message NOT mentioning Vuoro, as delivered with the ChatMessage.Read.Chat permission. */
export function chatMessage(scene: Scene, html: string, id = nextMessageId()): Json {
  return withHtml(activity('chat-message', scene, { id }), html);
}

/** A messageUpdate/editMessage event for message `id` with its new text. */
export function messageEdit(scene: Scene, id: string, html: string): Json {
  return withHtml(activity('message-edit', scene, { id }), html);
}

/** A mention message that keeps Teams' numeric message id (for Graph paths). */
export function mentionWithId(scene: Scene, text: string, id = nextMessageId()): Json {
  return activity('mention-message', scene, { text: `<at>Vuoro</at>&nbsp;${text}`, id });
}

/** composeExtension/fetchTask for the share-a-case command. */
export function composeFetchTask(scene: Scene): Json {
  return activity('compose-fetch-task', scene);
}

/** composeExtension/submitAction with the dialog's data. */
export function composeSubmit(scene: Scene, data: Json): Json {
  const a = activity('compose-submit-action', scene);
  (a.value as Json).data = data;
  return a;
}
