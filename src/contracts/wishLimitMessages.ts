// The open-wishes limit and its refusal, apart from wishRules.ts so that the error codes (errors.ts, loaded by the
// main package's transport) do not pull the wish rules — their form messages and labels — into the h5 first load.

/** Unfinished wishes (pending review, open, claimed, fulfilled) one resident may hold at once. */
export const MAX_OPEN_WISHES = 3

/** TOO_MANY_OPEN_WISHES's message (WISH_MESSAGES.tooManyOpen). */
export const TOO_MANY_OPEN_WISHES_MESSAGE = `您已有${MAX_OPEN_WISHES}个进行中的心愿，请等心愿完成或取消后再发布`
