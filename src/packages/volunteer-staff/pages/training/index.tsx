import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { TRAINING_TAGS, type TrainingTag } from '@/contracts/volunteer/rules'
import { Button } from '@/components/Button'
import { CheckChip } from '@/components/Chips'
import { Page } from '@/components/Page'
import { useAction } from '@/hooks/useAction'
import { useRemotePage } from '@/hooks/useRemotePage'
import { saveTrainingTags, useVolunteerRecord } from '@/packages/volunteer-staff/hooks/useTraining'

/** Staff: the trainings a volunteer of their community holds (projects may require them for sign-up). */
export default function TrainingPage() {
  const { params } = useRouter()
  const openid = params?.openid ? decodeURIComponent(params.openid) : undefined
  const record = useVolunteerRecord(openid)
  const page = useRemotePage(record)
  const action = useAction()
  const [tags, setTags] = useState<TrainingTag[]>([])
  useEffect(() => {
    if (record.data) setTags(record.data.tags as TrainingTag[])
  }, [record.data])
  const toggle = (t: TrainingTag) => setTags((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : [...prev, t]))
  const v = record.data
  return (
    <Page {...page} loading={!!openid && page.loading} error={openid ? page.error : undefined} empty={!openid} emptyText='没有找到这位志愿者'>
      {v && (
        <View>
          <View className='hm-card'>
            <Text className='hm-title hm-block'>{v.realName}</Text>
            <Text className='hm-sub hm-block'>志愿者编号：{v.number ?? '编号生成中'}</Text>
          </View>
          <View className='hm-card'>
            <Text className='hm-label'>已完成的培训</Text>
            <View className='hm-wrap' role='group' aria-label='已完成的培训'>
              {TRAINING_TAGS.map((t) => (
                <CheckChip key={t} checked={tags.includes(t)} onChange={() => toggle(t)}>
                  {tags.includes(t) ? `✓ ${t}` : t}
                </CheckChip>
              ))}
            </View>
          </View>
          <Button
            className='hm-btn'
            loading={action.busy}
            disabled={action.busy}
            onClick={() => void action.run(() => saveTrainingTags(v.openid, tags), { done: '已保存', then: () => record.refresh() })}
          >
            保存
          </Button>
        </View>
      )}
    </Page>
  )
}
