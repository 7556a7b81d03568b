import { hashKey, matchQuery, QueryCache, QueryClient } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'
import { conversationKey, roamingKeys } from '../../src/query/keys'

const isPrefix = (prefix: readonly unknown[], key: readonly unknown[]) =>
  prefix.length <= key.length && prefix.every((part, i) => Object.is(part, key[i]))

/** Whether TanStack's own filter `{ queryKey: prefix }` matches a query of `key` (public API: `matchQuery`). */
const filterMatches = (key: readonly unknown[], prefix: readonly unknown[]) =>
  matchQuery({ queryKey: prefix }, new QueryCache().build(new QueryClient(), { queryKey: key }))

describe('conversationKey', () => {
  it('joins the chat type and the id', () => {
    expect(conversationKey('bob', 'singleChat')).toBe('singleChat:bob')
    expect(conversationKey('g1', 'groupChat')).toBe('groupChat:g1')
  })

  it('tells a group and a chat room with the same id apart', () => {
    expect(conversationKey('42', 'groupChat')).not.toBe(conversationKey('42', 'chatRoom'))
  })
})

describe('roamingKeys', () => {
  it('puts every key of a user under roamkit and the user scope', () => {
    const all = roamingKeys.all('alice')
    expect(all).toEqual(['roamkit', 'alice'])
    for (const key of [
      roamingKeys.conversationLists('alice'),
      roamingKeys.conversations('alice', 20),
      roamingKeys.pinnedConversations('alice'),
      roamingKeys.history('alice', 'bob', 'singleChat'),
      roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null),
    ]) expect(isPrefix(all, key)).toBe(true)
  })

  it('given two users, no key of one is matched by the other\'s prefix', () => {
    expect(isPrefix(roamingKeys.all('alice'), roamingKeys.history('bob', 'carol', 'singleChat'))).toBe(false)
    expect(filterMatches(roamingKeys.conversations('bob', 20), roamingKeys.all('alice'))).toBe(false)
  })

  it('history(scope, id, type) is a prefix of every historyView of that conversation', () => {
    const prefix = roamingKeys.history('alice', 'bob', 'singleChat')
    expect(prefix).toEqual(['roamkit', 'alice', 'history', 'singleChat', 'bob'])
    const latest = roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null)
    const jump = roamingKeys.historyView('alice', 'bob', 'singleChat', 50, '1100000000000000007')
    const images = roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null, { msgTypes: ['img'] })
    expect(latest).toEqual(['roamkit', 'alice', 'history', 'singleChat', 'bob', 20, null, null])
    expect(isPrefix(prefix, latest)).toBe(true)
    expect(filterMatches(images, prefix)).toBe(true)
    expect(isPrefix(prefix, jump)).toBe(true)
    expect(filterMatches(latest, prefix)).toBe(true)
    expect(filterMatches(jump, prefix)).toBe(true)
  })

  it('history of one conversation does not match views of another id, type or user', () => {
    const prefix = roamingKeys.history('alice', 'bob', 'singleChat')
    expect(isPrefix(prefix, roamingKeys.historyView('alice', 'bobby', 'singleChat', 20, null))).toBe(false)
    expect(isPrefix(prefix, roamingKeys.historyView('alice', 'bob', 'groupChat', 20, null))).toBe(false)
    expect(isPrefix(prefix, roamingKeys.historyView('carol', 'bob', 'singleChat', 20, null))).toBe(false)
  })

  it('historyView keys differ by page size, anchor and search (each is its own cache entry)', () => {
    const hashes = new Set([
      hashKey(roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null, { msgTypes: ['img'] })),
      hashKey(roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null, { msgTypes: ['img'], endTime: 5 })),
      hashKey(roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null)),
      hashKey(roamingKeys.historyView('alice', 'bob', 'singleChat', 50, null)),
      hashKey(roamingKeys.historyView('alice', 'bob', 'singleChat', 20, '1100000000000000007')),
      hashKey(roamingKeys.historyView('alice', 'bob', 'singleChat', 20, '1100000000000000008')),
    ])
    expect(hashes.size).toBe(6)
  })

  it('conversationLists is a prefix of the conversation list of any page size and of the pinned list', () => {
    const prefix = roamingKeys.conversationLists('alice')
    expect(prefix).toEqual(['roamkit', 'alice', 'conversations'])
    expect(isPrefix(prefix, roamingKeys.conversations('alice', 20))).toBe(true)
    expect(isPrefix(prefix, roamingKeys.conversations('alice', 50))).toBe(true)
    expect(isPrefix(prefix, roamingKeys.pinnedConversations('alice'))).toBe(true)
    expect(isPrefix(prefix, roamingKeys.history('alice', 'conversations', 'singleChat'))).toBe(false)
  })

  it('the pinned list and the main list are different entries, neither a prefix of the other', () => {
    const main = roamingKeys.conversations('alice', 20)
    const pinned = roamingKeys.pinnedConversations('alice')
    expect(hashKey(main)).not.toBe(hashKey(pinned))
    expect(isPrefix(pinned, main)).toBe(false)
    expect(isPrefix(main, pinned)).toBe(false)
  })

  it('in a real query cache, invalidating a history prefix reaches exactly that conversation\'s views', () => {
    const client = new QueryClient({ queryCache: new QueryCache() })
    const keys = [
      roamingKeys.historyView('alice', 'bob', 'singleChat', 20, null),
      roamingKeys.historyView('alice', 'bob', 'singleChat', 20, '1100000000000000007'),
      roamingKeys.historyView('alice', 'bob', 'groupChat', 20, null),
      roamingKeys.historyView('alice', 'carol', 'singleChat', 20, null),
      roamingKeys.conversations('alice', 20),
      roamingKeys.pinnedConversations('alice'),
    ]
    for (const key of keys) client.setQueryData(key, { ok: true })
    const hit = (filterKey: readonly unknown[]) =>
      client.getQueryCache().getAll().filter((q) => matchQuery({ queryKey: filterKey }, q)).map((q) => q.queryHash).sort()
    expect(hit(roamingKeys.history('alice', 'bob', 'singleChat'))).toEqual([hashKey(keys[0]!), hashKey(keys[1]!)].sort())
    expect(hit(roamingKeys.conversationLists('alice'))).toEqual([hashKey(keys[4]!), hashKey(keys[5]!)].sort())
    expect(hit(roamingKeys.all('alice'))).toHaveLength(6)
    expect(hit(roamingKeys.all('bob'))).toHaveLength(0)
    client.clear()
  })
})
