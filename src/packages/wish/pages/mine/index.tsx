import { ROUTES } from '@/routes'
import { MyList } from '@/packages/wish/components/MyList'
import { useMyWishes } from '@/packages/wish/hooks/useWish'

/** My wishes: each with its status, and the reason when rejected or hidden; tap opens it. */
export default function MinePage() {
  return <MyList list={useMyWishes()} emptyText='您还没有发布过心愿' showReason link={{ label: '发布心愿', url: ROUTES.wishPost }} />
}
