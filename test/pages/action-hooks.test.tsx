// Layer 2: the shared blocks every mutation and form uses: useAction's same-tick guard, its feedback and
// refresh; useFormSubmit's schema validation, field errors and clearing an error when its field changes.
import { Text, View } from '@tarojs/components'
import * as z from 'zod/mini'
import { Button } from '@/components/Button'
import { SKIP, useAction } from '@/hooks/useAction'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { AppError } from '@/services/cloud'
import { act, fireEvent, renderPage, screen, stubModal, stubNavigation, typeInto, waitFor } from './helpers'

/** A deferred promise: the test decides when the call answers. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function Mutation({ call, refresh, steps }: { call: () => Promise<string>; refresh: () => void; steps?: () => Promise<string | typeof SKIP> }) {
  const action = useAction()
  return (
    <View>
      <Button disabled={action.busy} onClick={() => void action.run(steps ?? call, { done: '已完成', then: refresh })}>
        提交
      </Button>
      {action.busy && <Text>处理中</Text>}
    </View>
  )
}

describe('useAction', () => {
  it('two taps in the same tick make one call (a ref guard, not the re-rendered disabled)', async () => {
    const nav = stubNavigation()
    const answer = deferred<string>()
    const call = jest.fn(() => answer.promise)
    const refresh = jest.fn()
    renderPage(<Mutation call={call} refresh={refresh} />)
    const button = screen.getByText('提交')
    // Both taps land before React re-renders the button disabled.
    act(() => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    expect(call).toHaveBeenCalledTimes(1)
    expect(screen.getByText('处理中')).toBeTruthy()
    await act(async () => answer.resolve('ok'))
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1))
    expect(nav.showToast).toHaveBeenCalledWith({ title: '已完成', icon: 'success' })
    expect(screen.queryByText('处理中')).toBeNull()
    // Once it is over, the next tap is a new action.
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(call).toHaveBeenCalledTimes(2)
  })

  it('a refusal shows its Chinese message in a dialog, with no toast and no refresh; the button works again', async () => {
    const nav = stubNavigation()
    const modal = stubModal()
    const call = jest.fn().mockRejectedValueOnce(new AppError('WISH_NOT_OPEN')).mockResolvedValueOnce('ok')
    const refresh = jest.fn()
    renderPage(<Mutation call={call} refresh={refresh} />)
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '这个心愿已被认领或暂不可认领' })))
    expect(nav.showToast).not.toHaveBeenCalled()
    expect(refresh).not.toHaveBeenCalled()
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1))
  })

  it('steps that return SKIP (a cancelled dialog) end quietly, and the guard covers the dialog too', async () => {
    const nav = stubNavigation()
    const answer = deferred<string | typeof SKIP>()
    const steps = jest.fn(() => answer.promise)
    const refresh = jest.fn()
    renderPage(<Mutation call={jest.fn()} steps={steps} refresh={refresh} />)
    act(() => {
      fireEvent.click(screen.getByText('提交'))
      fireEvent.click(screen.getByText('提交'))
    })
    expect(steps).toHaveBeenCalledTimes(1)
    await act(async () => answer.resolve(SKIP))
    expect(nav.showToast).not.toHaveBeenCalled()
    expect(refresh).not.toHaveBeenCalled()
  })
})

const schema = z.object({ name: z.string().check(z.trim(), z.minLength(2, '请填写姓名')), agreed: z.literal(true, '请先同意') })

function Form({ call }: { call: (d: { name: string }) => Promise<unknown> }) {
  const f = useFormSubmit(schema, { name: '', agreed: false as boolean })
  return (
    <View>
      <input aria-label='姓名' value={f.values.name} onInput={(e) => f.set('name', (e.target as HTMLInputElement).value)} />
      {f.errors.name && <Text>{f.errors.name}</Text>}
      <View role='checkbox' aria-checked={f.values.agreed} onClick={() => f.set('agreed', !f.values.agreed)}>
        <Text>同意</Text>
      </View>
      {f.errors.agreed && <Text>{f.errors.agreed}</Text>}
      <Button onClick={() => f.submit(f.values, call)}>提交</Button>
    </View>
  )
}

describe('useFormSubmit', () => {
  it('shows each field error beside its field, clears it when that field changes, and calls once when valid', async () => {
    stubNavigation()
    const call = jest.fn(async () => 'ok')
    renderPage(<Form call={call} />)
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(screen.getByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请先同意')).toBeTruthy()
    expect(call).not.toHaveBeenCalled()
    // Ticking the box clears its error only.
    await act(async () => {
      fireEvent.click(screen.getByText('同意'))
    })
    expect(screen.queryByText('请先同意')).toBeNull()
    expect(screen.getByText('请填写姓名')).toBeTruthy()
    await typeInto('姓名', '林阿姨')
    expect(screen.queryByText('请填写姓名')).toBeNull()
    act(() => {
      fireEvent.click(screen.getByText('提交'))
      fireEvent.click(screen.getByText('提交'))
    })
    await waitFor(() => expect(call).toHaveBeenCalledTimes(1))
    expect(call).toHaveBeenCalledWith({ name: '林阿姨', agreed: true })
  })

  it("puts the server's INVALID_INPUT issues beside the fields", async () => {
    stubNavigation()
    stubModal()
    const call = jest.fn().mockRejectedValue(new AppError('INVALID_INPUT', undefined, [{ path: 'name', message: '姓名含有不适宜的内容' }]))
    renderPage(<Form call={call} />)
    await typeInto('姓名', '林阿姨')
    await act(async () => {
      fireEvent.click(screen.getByText('同意'))
    })
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(await screen.findByText('姓名含有不适宜的内容')).toBeTruthy()
  })
})
