import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ProjectView } from '@/contracts/volunteer'
import { volunteerSlotsInputs } from '@/contracts/volunteer/slots'
import { DEFAULT_RADIUS_M, SERVICE_TYPES, TRAINING_TAGS, type ServiceType } from '@/contracts/volunteer/rules'
import { Button } from '@/components/Button'
import { CheckChip, Chips } from '@/components/Chips'
import { CommunityChips } from '@/components/CommunityChips'
import { FormFooter } from '@/components/FormFooter'
import { TextField } from '@/components/TextField'
import { useFormSubmit } from '@/forms/useFormSubmit'
import { projectActions } from '@/packages/volunteer-staff/hooks/useProjects'
import { useStaffCommunities } from '@/hooks/useStaffCommunities'

export interface ProjectFormProps {
  project?: ProjectView
  onSaved: (p: ProjectView) => void
  onCancel?: () => void
}

const TYPES = SERVICE_TYPES.map((t) => ({ key: t, label: t }))

function start(p?: ProjectView) {
  return {
    communityId: p?.communityId ?? '',
    title: p?.title ?? '',
    description: p?.description ?? '',
    serviceType: (p?.serviceType ?? '社区服务') as ServiceType,
    placeName: p?.place.name ?? '',
    lat: p ? String(p.place.lat) : '',
    lng: p ? String(p.place.lng) : '',
    radiusM: String(p?.place.radiusM ?? DEFAULT_RADIUS_M),
    minAge: p?.requirements.minAge ? String(p.requirements.minAge) : '',
    trainingTags: (p?.requirements.trainingTags ?? []) as string[],
    insuranceRequired: !!p?.requirements.insuranceRequired,
    contactName: p?.contactName ?? '',
    contactPhone: p?.contactPhone ?? '',
  }
}

/** A number typed in a field, or the text itself (so the contract says what is wrong). */
const num = (s: string) => (s.trim() && !Number.isNaN(Number(s)) ? Number(s) : s)

/** Staff: a project's form (new or edit): what, which type, where (chosen on the map on weapp), requirements, contact. */
export function ProjectForm({ project, onSaved, onCancel }: ProjectFormProps) {
  const scope = useStaffCommunities()
  const f = useFormSubmit(volunteerSlotsInputs.saveProject, () => start(project))
  const v = f.values
  const communityId = v.communityId || scope.data?.[0]?.key || ''

  const chooseOnMap = () => {
    void Taro.chooseLocation({})
      .then((r) => {
        f.set('lat', String(r.latitude))
        f.set('lng', String(r.longitude))
        if (!v.placeName) f.set('placeName', r.name || r.address)
      })
      .catch(() => undefined)
  }
  const toggleTag = (t: string) => f.set('trainingTags', v.trainingTags.includes(t) ? v.trainingTags.filter((x) => x !== t) : [...v.trainingTags, t])

  const save = () =>
    f.submit(
      {
        ...(project ? { projectId: project.id } : {}),
        communityId,
        title: v.title,
        description: v.description,
        serviceType: v.serviceType,
        place: { name: v.placeName, lat: num(v.lat), lng: num(v.lng), radiusM: num(v.radiusM) },
        requirements: { ...(v.minAge.trim() ? { minAge: num(v.minAge) } : {}), trainingTags: v.trainingTags, insuranceRequired: v.insuranceRequired },
        contactName: v.contactName,
        contactPhone: v.contactPhone.trim(),
      },
      projectActions.save,
      { done: '已保存', then: onSaved, invalidHint: '请检查填写的内容' },
    )

  return (
    <View>
      {!project && <CommunityChips title='所属社区' options={scope.data} value={communityId} onChange={(k) => f.set('communityId', k)} />}
      <View className='hm-card'>
        <TextField label='项目名称' value={v.title} maxlength={30} onInput={(x) => f.set('title', x)} error={f.errors.title} />
        <TextField label='项目介绍' multiline value={v.description} maxlength={500} onInput={(x) => f.set('description', x)} error={f.errors.description} />
        <Text className='hm-label'>服务类型</Text>
        <Chips options={TYPES} value={v.serviceType} onChange={(k) => f.set('serviceType', k)} label='服务类型' />
      </View>
      <View className='hm-card'>
        <TextField label='服务地点' value={v.placeName} maxlength={50} onInput={(x) => f.set('placeName', x)} />
        {process.env.TARO_ENV === 'weapp' && (
          <Button className='hm-btn hm-btn-plain' onClick={chooseOnMap}>
            在地图上选择
          </Button>
        )}
        <TextField label='纬度' type='digit' value={v.lat} onInput={(x) => f.set('lat', x)} />
        <TextField label='经度' type='digit' value={v.lng} onInput={(x) => f.set('lng', x)} />
        <TextField label='签到范围（米）' type='number' value={v.radiusM} onInput={(x) => f.set('radiusM', x)} />
        {f.errors.place && <Text className='hm-error'>{f.errors.place}</Text>}
      </View>
      <View className='hm-card'>
        <TextField label='最低年龄（可不填）' type='number' value={v.minAge} onInput={(x) => f.set('minAge', x)} />
        <Text className='hm-label'>需要的培训</Text>
        <View className='hm-wrap' role='group' aria-label='需要的培训'>
          {TRAINING_TAGS.map((t) => (
            <CheckChip key={t} checked={v.trainingTags.includes(t)} onChange={() => toggleTag(t)}>
              {v.trainingTags.includes(t) ? `✓ ${t}` : t}
            </CheckChip>
          ))}
        </View>
        <CheckChip checked={v.insuranceRequired} onChange={(on) => f.set('insuranceRequired', on)}>
          {v.insuranceRequired ? '✓ 需要意外保险' : '需要意外保险'}
        </CheckChip>
        {f.errors.requirements && <Text className='hm-error'>{f.errors.requirements}</Text>}
      </View>
      <View className='hm-card'>
        <TextField label='联系人' value={v.contactName} maxlength={20} onInput={(x) => f.set('contactName', x)} error={f.errors.contactName} />
        <TextField label='联系电话' type='number' maxlength={11} value={v.contactPhone} onInput={(x) => f.set('contactPhone', x)} error={f.errors.contactPhone} />
      </View>
      <FormFooter error={f.formError} busy={f.busy} saveText='保存项目' onSave={save} onCancel={onCancel} />
    </View>
  )
}
