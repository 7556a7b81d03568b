import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => cleanup())

// jsdom has no Element.scrollBy; react-virtuoso calls it to keep the view still. Same as moving scrollTop.
if (typeof Element !== 'undefined') {
  Element.prototype.scrollBy ??= function scrollBy(this: Element, x?: ScrollToOptions | number, y?: number) {
    this.scrollTop += typeof x === 'object' ? x.top ?? 0 : y ?? 0
  }
}
