import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { backfill } from '@/packages/volunteer-staff/hooks/useLedgerStaff'
import { Button } from '@/components/Button'
import { Field } from '@/components/Field'
import { TextField } from '@/components/TextField'
import { SERVICE_TYPES, type ServiceType } from '@/contracts/volunteer/rules'
import { SKIP, useAction } from '@/hooks/useAction'
import { confirm } from '@/ui/feedback'

const EMPTY = { volunteerNo: '', serviceDate: '', startTime: '', endTime: '', minutes: '', place: '', content: '', reason: '', evidence: '' }

/** Staff: 补录 service done off the app, with a reason and an evidence note; marked 补录 and kept apart in totals. */
export function BackfillForm() {
  const [f, setF] = useState(EMPTY)
  const [type, setType] = useState<ServiceType>('社区服务')
  const action = useAction()
  const set = (k: keyof typeof EMPTY) => (v: string) => setF((prev) => ({ ...prev, [k]: v }))
  const onSubmit = () =>
    void action.run(
      async () => {
        if (!(await confirm('提交补录', `为编号 ${f.volunteerNo} 的志愿者补录 ${f.serviceDate} 的服务？补录会单独标记，并保留原因与证明材料说明。`, '提交'))) return SKIP
        return backfill({
          volunteerNo: f.volunteerNo,
          serviceDate: f.serviceDate,
          ...(f.startTime ? { startTime: f.startTime } : {}),
          ...(f.endTime ? { endTime: f.endTime } : {}),
          ...(f.minutes ? { minutes: Number(f.minutes) } : {}),
          place: f.place,
          serviceType: type,
          content: f.content,
          reason: f.reason,
          evidence: f.evidence,
        })
      },
      { done: '已补录', then: () => setF(EMPTY) },
    )
  return (
    <View className='hm-card' data-testid='backfill-form'>
      <Text className='hm-sub hm-block'>补录线下完成、未在小程序签到的服务。补录时长单独统计，不能为自己补录。</Text>
      <TextField label='志愿者编号' value={f.volunteerNo} onInput={set('volunteerNo')} maxlength={40} />
      <TextField label='服务日期' placeholder='YYYY-MM-DD' value={f.serviceDate} onInput={set('serviceDate')} maxlength={10} />
      <TextField label='开始时间' placeholder='HH:mm（选填）' value={f.startTime} onInput={set('startTime')} maxlength={5} />
      <TextField label='结束时间' placeholder='HH:mm（选填）' value={f.endTime} onInput={set('endTime')} maxlength={5} />
      <TextField label='服务时长（分钟）' placeholder='不填则按起止时间计算' type='number' value={f.minutes} onInput={set('minutes')} maxlength={4} />
      <TextField label='服务地点' value={f.place} onInput={set('place')} maxlength={60} />
      <Field label='服务类型'>
        <Picker mode='selector' range={[...SERVICE_TYPES]} value={SERVICE_TYPES.indexOf(type)} onChange={(e) => setType(SERVICE_TYPES[Number(e.detail.value)])}>
          <View className='hm-picker'>{type}</View>
        </Picker>
      </Field>
      <TextField label='服务内容' value={f.content} onInput={set('content')} maxlength={100} />
      <TextField label='补录原因' value={f.reason} onInput={set('reason')} maxlength={200} multiline />
      <TextField label='证明材料说明' placeholder='如：纸质签到表已存档' value={f.evidence} onInput={set('evidence')} maxlength={200} multiline />
      <Button className='hm-btn' disabled={action.busy} onClick={onSubmit}>
        提交补录
      </Button>
    </View>
  )
}
