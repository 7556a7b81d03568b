import type { AvatarProps } from './MessageThreadProps'

/** roamkit's avatar: the name's first letter in a circle. Decorative: the name is written next to it. */
export function Avatar({ name }: AvatarProps) {
  return <span className="rk-avatar" aria-hidden="true">{Array.from(name.trim())[0]?.toUpperCase() ?? '?'}</span>
}
