import { Button } from '@/components/Button'
import { ROUTES, go } from '@/routes'
import { MyList } from '@/packages/wish/components/MyList'
import { useMyWishes } from '@/packages/wish/hooks/useWish'

/** My wishes: each with its status, and the reason when rejected or hidden; tap opens it. */
export default function MinePage() {
  const list = useMyWishes()
  return (
    <MyList
      list={list}
      emptyText='您还没有发布过心愿'
      showReason
      header={
        <Button className='hm-btn' onClick={() => go(ROUTES.wishPost)}>
          发布心愿
        </Button>
      }
    />
  )
}
