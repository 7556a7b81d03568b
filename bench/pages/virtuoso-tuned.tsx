/**
 * Experiments only (`BENCH_VIRTUOSO='{"defaultItemHeight":40}' npm run bench -- --profile=...`): react-virtuoso's
 * `Virtuoso` with extra default props, to test a proposed kit change without editing src/. Never in a normal run.
 */
import { forwardRef, type ComponentProps, type Ref } from 'react'
import { Virtuoso as RealVirtuoso, type VirtuosoHandle } from 'react-virtuoso-real'

export * from 'react-virtuoso-real'

declare const __BENCH_VIRTUOSO__: string
const extra = JSON.parse(__BENCH_VIRTUOSO__) as Record<string, unknown>

export const Virtuoso = forwardRef(function Virtuoso(props: ComponentProps<typeof RealVirtuoso>, ref: Ref<VirtuosoHandle>) {
  return <RealVirtuoso ref={ref} {...extra} {...props} />
}) as typeof RealVirtuoso
