import { messagePath, retryAfterMs } from '../../../bot/adapters/graph/dlp-client';

describe('Graph message paths', () => {
  it('addresses chat messages, channel posts and channel replies', () => {
    expect(messagePath({ kind: 'chat', chatId: '19:meeting_x@thread.v2', messageId: '1764' })).toBe('/chats/19%3Ameeting_x%40thread.v2/messages/1764');
    expect(messagePath({ kind: 'channel', teamId: 'g', channelId: '19:c@thread.tacv2', messageId: '5' })).toBe('/teams/g/channels/19%3Ac%40thread.tacv2/messages/5');
    expect(messagePath({ kind: 'channel', teamId: 'g', channelId: 'c', messageId: '5', parentId: '4' })).toBe('/teams/g/channels/c/messages/4/replies/5');
    expect(messagePath({ kind: 'channel', teamId: 'g', channelId: 'c', messageId: '4', parentId: '4' })).toBe('/teams/g/channels/c/messages/4');
  });
});

describe('Retry-After', () => {
  const h = (v?: string) => new Headers(v === undefined ? {} : { 'Retry-After': v });
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs(h('3'))).toBe(3000);
    expect(retryAfterMs(h('Thu, 26 Nov 2026 07:00:05 GMT'), Date.parse('2026-11-26T07:00:00Z'))).toBe(5000);
    expect(retryAfterMs(h('Thu, 26 Nov 2026 06:00:00 GMT'), Date.parse('2026-11-26T07:00:00Z'))).toBe(0);
    expect(retryAfterMs(h())).toBeUndefined();
    expect(retryAfterMs(h('soon'))).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
