import type { ServerMessage } from './harness'

/** Newest first, as the server answers an `up` page. */
export const BOB_UP_PAGE: ServerMessage[] = [
  { id: '1100000000000000003', time: 1_700_000_000_300, from: 'bob', to: 'alice', chatType: 'singleChat', kind: 'txt', text: 'newest', ext: { k: 'v' } },
  { id: '1100000000000000002', time: 1_700_000_000_200, from: 'alice', to: 'bob', chatType: 'singleChat', kind: 'custom', customEvent: 'ev' },
  { id: '1100000000000000001', time: 1_700_000_000_100, from: 'bob', to: 'alice', chatType: 'singleChat', kind: 'img', url: 'https://cdn.example.test/a.png' },
]

/** Oldest first, as the server answers a `down` page. */
export const BOB_DOWN_PAGE: ServerMessage[] = [...BOB_UP_PAGE].reverse()

export const LAST_FROM_BOB: ServerMessage = {
  id: '1234567890', time: 1_700_000_000_000, from: 'bob', to: 'alice', chatType: 'singleChat', kind: 'txt', text: 'hello', ext: { k: '1' },
}

export const LAST_IN_G1: ServerMessage = {
  id: '1234567891', time: 1_699_999_999_000, from: 'carol', to: 'g1', chatType: 'groupChat', kind: 'txt', text: 'in the group',
}

/** 45 distinct server message ids. */
export const IDS_45 = Array.from({ length: 45 }, (_, i) => String(1_100_000_000_000_000_100n + BigInt(i)))
