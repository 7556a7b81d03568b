import { expect, userEvent, within } from 'storybook/test'

/**
 * The play of a component's Offline story, with the `ConnectionToggle` in the canvas: the notice is empty, says the
 * connection is lost once it drops, and is empty again once it is back; `whileAway` runs while it is down,
 * `whenBack` once it is back. Ends with the connection dropped, so the story shows the notice.
 */
export async function playOffline(
  canvasElement: HTMLElement, notice: Element, steps: { whileAway?: () => void; whenBack?: () => Promise<unknown> } = {},
): Promise<void> {
  const canvas = within(canvasElement)
  await expect(notice).toBeEmptyDOMElement()
  await userEvent.click(canvas.getByRole('button', { name: 'Drop the connection' }))
  await expect(notice).toHaveTextContent('Connection lost. Reconnecting…')
  steps.whileAway?.()
  await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }))
  await expect(notice).toBeEmptyDOMElement()
  await steps.whenBack?.()
  await userEvent.click(canvas.getByRole('button', { name: 'Drop the connection' }))
  await expect(notice).toBeVisible()
}
