/**
 * roamkit: React hooks and components for Agora Chat message roaming.
 * @module
 */
// Provider and hooks
export { RoamingProvider } from './provider/RoamingProvider'
export type { RoamingProviderProps } from './provider/RoamingProvider'
export type { RoamingPersistOptions } from './provider/persistence'
export { clearRoamingCache } from './provider/clearRoamingCache'
export type { RoamingTheme } from './provider/RoamingContext'
export type { RoamingLocale, RoamingLocaleDefinition } from './provider/RoamingContext'
export { useConversationList } from './hooks/useConversationList'
export type { UseConversationListOptions, UseConversationListResult } from './hooks/useConversationList'
export { useHistoryMessages } from './hooks/useHistoryMessages'
export type { UseHistoryMessagesOptions, UseHistoryMessagesResult } from './hooks/useHistoryMessages'
export { useRemoveHistoryMessages } from './hooks/useRemoveHistoryMessages'
export type { UseRemoveHistoryMessagesResult } from './hooks/useRemoveHistoryMessages'
export { useDeleteConversation } from './hooks/useDeleteConversation'
export type { UseDeleteConversationResult } from './hooks/useDeleteConversation'
export { useDeleteAllConversations } from './hooks/useDeleteAllConversations'
export type { UseDeleteAllConversationsResult } from './hooks/useDeleteAllConversations'
export { usePinConversation } from './hooks/usePinConversation'
export type { UsePinConversationResult } from './hooks/usePinConversation'
export { useMarkConversation } from './hooks/useMarkConversation'
export type { UseMarkConversationResult } from './hooks/useMarkConversation'
export { useRoamingStore, useRoamingClient } from './hooks/useRoamingStore'

// Components
export { ConversationList } from './components/ConversationList'
export { MessageThread } from './components/MessageThread'
export type {
  MessageThreadProps, MessageThreadHandle, MessageThreadComponents,
} from './components/MessageThread'
export type {
  ConversationListProps, ConversationListComponents, ConversationAvatarProps, ConversationPreviewProps, ConversationListEmptyProps, ConversationListMark,
} from './components/ConversationList'

// Data layer without React: keys and options factories for prefetching and cache writes
export { roamingKeys, conversationKey } from './query/keys'
export { historyMessagesOptions } from './query/historyMessagesOptions'
export type { HistoryViewParams } from './query/historyMessagesOptions'
export { conversationListOptions, markedConversationsOptions, pinnedConversationsOptions } from './query/conversationListOptions'
export type { HistoryPageParam, HistoryQueryPage, HistoryData } from './query/historyPages'
export type { ViewRange } from './query/viewRange'
export type { ConversationListData } from './query/conversationPages'
export type { RemoveMessagesVariables } from './query/removeMessagesMutation'
export type { RoamingKit } from './query/RoamingKit'
export { createRoamingStore } from './store/createRoamingStore'
export type { RoamingStore, RoamingStoreState, ActiveConversation, ScrollAnchor } from './store/createRoamingStore'
export type { Tombstone } from './store/tombstones'

// The seam to the SDK
export { createRoamingClient } from './client/createRoamingClient'
export type { RoamingClientOptions } from './client/createRoamingClient'
export { RoamingError, RoamingArgumentError, RemovePartialError } from './client/RoamingError'
export type { RoamingErrorOptions } from './client/RoamingError'
export type { SdkConnection } from './client/sdkTypes'
export type {
  ChatType, ConversationType, MessageType, MessageCommon, TextMessage, ImageMessage, FileMessage, CustomMessage,
  OtherMessage, RoamingMessage, Conversation, ConversationPage, ConversationPageParams, MarkedConversationPageParams, LegacyConversationPageParams,
  LegacyConversationPage, HistoryDirection, HistorySearch, HistoryPageParams, HistoryPage, RemoveProgress,
  RemoveByIdsParams, RemoveBeforeParams, RemoveResult, DeleteConversationParams, DeleteConversationResult, PinConversationParams, PinState,
  ConversationMarkParams, RoamingEvent, RoamingListener, RoamingClient, DisconnectReason, ConnectionState,
} from './client/types'
export { MAX_CONVERSATION_MARK } from './client/types'
