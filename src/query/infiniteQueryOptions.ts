import type { DataTag, InfiniteData, InfiniteQueryObserverOptions, QueryKey } from '@tanstack/react-query'

/** Infinite-query options whose key carries the data type, as TanStack's `infiniteQueryOptions` returns. */
export type TaggedInfiniteOptions<TPage, TKey extends QueryKey, TParam> =
  InfiniteQueryObserverOptions<TPage, Error, InfiniteData<TPage, TParam>, TKey, TParam> & {
    queryKey: DataTag<TKey, InfiniteData<TPage, TParam>, Error>
  }

/**
 * TanStack's `infiniteQueryOptions` without its React module: an identity function
 * that types the key, so `getQueryData(options.queryKey)` and `setQueryData` know the page type.
 */
export function infiniteQueryOptions<TPage, TKey extends QueryKey, TParam>(
  options: InfiniteQueryObserverOptions<TPage, Error, InfiniteData<TPage, TParam>, TKey, TParam> & { queryKey: TKey },
): TaggedInfiniteOptions<TPage, TKey, TParam> {
  return options as TaggedInfiniteOptions<TPage, TKey, TParam>
}
