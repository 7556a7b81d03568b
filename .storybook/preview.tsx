import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  // axe violations fail story tests ('todo' would only report them).
  parameters: { a11y: { test: 'error' } },
  tags: ['autodocs'],
}
export default preview
