/**
 * `MessageThread`: roamkit's virtualized message history view.
 * @module
 */
export { MessageThread } from './MessageThread'
export type {
  MessageThreadProps, MessageThreadHandle, MessageThreadComponents, MessageBodyProps, DateSeparatorProps, AvatarProps, EmptyProps,
} from './MessageThreadProps'
