/**
 * roamkit: React hooks and components for Agora Chat message roaming.
 * @module
 */
export { createRoamingClient } from './client/createRoamingClient'
export type { RoamingClientOptions } from './client/createRoamingClient'
export { RoamingError, RoamingArgumentError, RemovePartialError } from './client/RoamingError'
export type { RoamingErrorOptions } from './client/RoamingError'
export type { SdkConnection } from './client/sdkTypes'
export type {
  ChatType, ConversationType, MessageType, MessageCommon, TextMessage, ImageMessage, FileMessage, CustomMessage,
  OtherMessage, RoamingMessage, Conversation, ConversationPage, ConversationPageParams, LegacyConversationPageParams,
  LegacyConversationPage, HistoryDirection, HistorySearch, HistoryPageParams, HistoryPage, RemoveProgress,
  RemoveByIdsParams, RemoveBeforeParams, RemoveResult, DeleteConversationParams, PinConversationParams, PinState,
  RoamingEvent, RoamingListener, RoamingClient,
} from './client/types'
